using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// A person registered (now or before) at a member practice. Stored once per network by NHS number, however many
/// FHIR Patient resources name them. <see cref="PracticeCode"/> is the practice of the latest registration, so a
/// practice-scoped user sees only their own practice's patients.
/// </summary>
public sealed class Patient : IPracticeOwned
{
    internal Patient(int pcnId, long patientId, NhsNumber nhsNumber, PracticeCode practiceCode, DateOnly dateOfBirth, Sex sex)
    {
        PcnId = pcnId;
        PatientId = patientId;
        NhsNumber = nhsNumber;
        PracticeCode = practiceCode;
        DateOfBirth = dateOfBirth;
        Sex = sex;
    }

    private Patient()
    {
    }

    public int PcnId { get; private set; }

    /// <summary>OpenPCN's own key for the person within the network (never shown as an identifier).</summary>
    public long PatientId { get; private set; }

    public NhsNumber NhsNumber { get; private set; }

    /// <summary>The practice of the latest registration.</summary>
    public PracticeCode PracticeCode { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    /// <summary>NHS Data Dictionary ethnic category (one letter, e.g. <c>A</c> White British), when recorded.</summary>
    public string? EthnicCategory { get; private set; }

    public string? Postcode { get; private set; }

    /// <summary>Lower layer super output area (2021 census code, e.g. <c>E01012345</c>), when known.</summary>
    public string? Lsoa { get; private set; }

    /// <summary>Index of Multiple Deprivation decile of the LSOA: 1 most deprived, 10 least; when known.</summary>
    public byte? DeprivationDecile { get; private set; }

    public DateOnly? DateOfDeath { get; private set; }

    /// <summary>The import run that last changed this row.</summary>
    public Guid LastImportId { get; private set; }

    /// <summary>Age in whole years on a date.</summary>
    public int AgeOn(DateOnly date) => AgeOn(DateOfBirth, date);

    /// <summary>Age in whole years on <paramref name="date"/> of someone born on <paramref name="born"/>.</summary>
    public static int AgeOn(DateOnly born, DateOnly date)
    {
        var age = date.Year - born.Year;
        return born > date.AddYears(-age) ? age - 1 : age;
    }
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasKey(p => new { p.PcnId, p.PatientId });
        builder.Property(p => p.PatientId).ValueGeneratedNever();
        builder.Property(p => p.NhsNumber).HasMaxLength(10).HasConversion(n => n.Value, s => NhsNumber.Parse(s));
        builder.Property(p => p.PracticeCode).HasMaxLength(6);
        builder.Property(p => p.EthnicCategory).HasMaxLength(2);
        builder.Property(p => p.Postcode).HasMaxLength(8);
        builder.Property(p => p.Lsoa).HasMaxLength(9);
        builder.HasIndex(p => new { p.PcnId, p.NhsNumber }).IsUnique();
        builder.HasIndex(p => new { p.PcnId, p.PracticeCode });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}
