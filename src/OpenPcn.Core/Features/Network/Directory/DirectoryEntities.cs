using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPcn.Core.Features.Network.Directory;

// The national directory: reference data from NHS England and ODS files, shared by every network on the install
// (no PcnId). Importers upsert these rows; onboarding reads them. Dates are the files' own.

/// <summary>A GP practice in the national files (epraccur, the practice map, list sizes).</summary>
public sealed class DirectoryPractice
{
    public required PracticeCode Code { get; init; }

    public required string Name { get; set; }

    public string? Postcode { get; set; }

    /// <summary>ODS status: A active, C closed, D dormant, P proposed.</summary>
    public string? StatusCode { get; set; }

    public DateOnly? OpenDate { get; set; }

    public DateOnly? CloseDate { get; set; }

    /// <summary>ODS prescribing setting; 4 is a GP practice.</summary>
    public int? PrescribingSetting { get; set; }

    public string? IcbCode { get; set; }

    public string? SubIcbCode { get; set; }

    /// <summary>GP clinical system supplier, e.g. EMIS or TPP.</summary>
    public string? SupplierName { get; set; }
}

/// <summary>A PCN in the national files (practice map, ePCN).</summary>
public sealed class DirectoryPcn
{
    public required PcnCode Code { get; init; }

    public required string Name { get; set; }

    public string? SubIcbCode { get; set; }

    public DateOnly? OpenDate { get; set; }

    public DateOnly? CloseDate { get; set; }

    public string? Postcode { get; set; }
}

/// <summary>A sub-ICB location and its ICB and region (practice map).</summary>
public sealed class DirectorySubIcb
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public string? OnsCode { get; set; }

    public required string IcbCode { get; set; }

    public required string IcbName { get; set; }

    public string? IcbOnsCode { get; set; }

    public string? RegionCode { get; set; }

    public string? RegionName { get; set; }
}

/// <summary>
/// A practice's membership of a PCN as the national files tell it. ePCN gives start and end dates; the practice map
/// gives only "a member as at its extract date" (<see cref="AsAt"/>).
/// </summary>
public sealed class DirectoryMembership
{
    public required PracticeCode PracticeCode { get; init; }

    public required PcnCode PcnCode { get; init; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>The latest extract date at which a file showed this membership as current.</summary>
    public DateOnly? AsAt { get; set; }

    /// <summary>
    /// The earliest extract date at which a file showed this membership. Without an ePCN start date it is the best
    /// evidence of when the practice joined, so onboarding uses it as the membership start.
    /// </summary>
    public DateOnly? FirstAsAt { get; set; }
}

/// <summary>A practice's registered list on an extract date (Patients Registered at a GP Practice, totals file).</summary>
public sealed class DirectoryListSize
{
    public required PracticeCode PracticeCode { get; init; }

    public required DateOnly ExtractDate { get; init; }

    public required int Patients { get; set; }
}

internal sealed class DirectoryConfiguration :
    IEntityTypeConfiguration<DirectoryPractice>,
    IEntityTypeConfiguration<DirectoryPcn>,
    IEntityTypeConfiguration<DirectorySubIcb>,
    IEntityTypeConfiguration<DirectoryMembership>,
    IEntityTypeConfiguration<DirectoryListSize>
{
    public void Configure(EntityTypeBuilder<DirectoryPractice> builder)
    {
        builder.ToTable("DirectoryPractices");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.StatusCode).HasMaxLength(1);
        builder.Property(p => p.IcbCode).HasMaxLength(10);
        builder.Property(p => p.SubIcbCode).HasMaxLength(10);
        builder.Property(p => p.SupplierName).HasMaxLength(50);
        builder.HasIndex(p => p.Name);
    }

    public void Configure(EntityTypeBuilder<DirectoryPcn> builder)
    {
        builder.ToTable("DirectoryPcns");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.SubIcbCode).HasMaxLength(10);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.HasIndex(p => p.Name);
    }

    public void Configure(EntityTypeBuilder<DirectorySubIcb> builder)
    {
        builder.ToTable("DirectorySubIcbs");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.OnsCode).HasMaxLength(9);
        builder.Property(s => s.IcbCode).HasMaxLength(10);
        builder.Property(s => s.IcbName).HasMaxLength(200);
        builder.Property(s => s.IcbOnsCode).HasMaxLength(9);
        builder.Property(s => s.RegionCode).HasMaxLength(10);
        builder.Property(s => s.RegionName).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<DirectoryMembership> builder)
    {
        builder.ToTable("DirectoryMemberships");
        builder.HasKey(m => new { m.PracticeCode, m.PcnCode });
        builder.Property(m => m.PracticeCode).HasMaxLength(6);
        builder.Property(m => m.PcnCode).HasMaxLength(6);
        builder.HasIndex(m => m.PcnCode);
    }

    public void Configure(EntityTypeBuilder<DirectoryListSize> builder)
    {
        builder.ToTable("DirectoryListSizes");
        builder.HasKey(l => new { l.PracticeCode, l.ExtractDate });
        builder.Property(l => l.PracticeCode).HasMaxLength(6);
    }
}
