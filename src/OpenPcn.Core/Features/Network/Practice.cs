using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// A GP practice as the network knows it: its membership periods and its list sizes by census date.
/// </summary>
public sealed class Practice : IPracticeOwned
{
    private readonly List<PracticeMembership> _memberships = [];
    private readonly List<ListSize> _listSizes = [];

    public Practice(int pcnId, PracticeCode code, string name, string postcode, ClinicalSystem clinicalSystem, Geography geography)
    {
        PcnId = pcnId;
        PracticeCode = code;
        Name = RequireText(name, nameof(Name), "Enter the practice's name.");
        Postcode = NormalisePostcode(postcode);
        ClinicalSystem = clinicalSystem;
        Geography = geography;
    }

    private Practice()
    {
        Name = string.Empty;
        Postcode = string.Empty;
        Geography = null!;
    }

    public int PcnId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    public string Name { get; private set; }

    public string Postcode { get; private set; }

    public ClinicalSystem ClinicalSystem { get; private set; }

    /// <summary>The ICB and sub-ICB location that commission the practice.</summary>
    public Geography Geography { get; private set; }

    public IReadOnlyList<PracticeMembership> Memberships => _memberships;

    public IReadOnlyList<ListSize> ListSizes => _listSizes;

    public bool IsMemberOn(DateOnly date) => _memberships.Exists(m => m.Period.Contains(date));

    public ListSize? LatestListSize(DateOnly? onOrBefore = null) =>
        _listSizes.Where(l => onOrBefore is null || l.CensusDate <= onOrBefore)
            .MaxBy(l => l.CensusDate);

    public void Update(string name, string postcode, ClinicalSystem clinicalSystem, Geography geography)
    {
        Name = RequireText(name, nameof(Name), "Enter the practice's name.");
        Postcode = NormalisePostcode(postcode);
        ClinicalSystem = clinicalSystem;
        Geography = geography;
    }

    /// <summary>Adds a membership period; refuses one that overlaps a period this practice already has here.</summary>
    /// <param name="period">First and last day as a member.</param>
    /// <param name="startBasis">Where the start date came from, when it is evidence rather than a known fact.</param>
    public PracticeMembership AddMembership(EffectivePeriod period, string? startBasis = null)
    {
        var clash = _memberships.Find(m => m.Period.Overlaps(period));
        if (clash is not null)
        {
            throw new RuleViolationException("StartDate",
                $"{PracticeCode} is already a member {clash.Period}; membership periods cannot overlap.");
        }

        var membership = new PracticeMembership(PcnId, PracticeCode, period, startBasis);
        _memberships.Add(membership);
        return membership;
    }

    /// <summary>Ends the current membership on <paramref name="endDate"/> (the last day as a member).</summary>
    public void EndMembership(DateOnly endDate)
    {
        var open = _memberships.Find(m => m.EndDate is null)
            ?? throw new RuleViolationException("EndDate", $"{PracticeCode} has no open membership to end.");
        open.End(endDate);
    }

    /// <summary>Records (or corrects) the list size for a census date.</summary>
    public ListSize RecordListSize(DateOnly censusDate, int registered, decimal? weighted, decimal? adjusted, string source)
    {
        var existing = _listSizes.Find(l => l.CensusDate == censusDate);
        if (existing is not null)
        {
            existing.Correct(registered, weighted, adjusted, source);
            return existing;
        }

        var listSize = new ListSize(PcnId, PracticeCode, censusDate, registered, weighted, adjusted, source);
        _listSizes.Add(listSize);
        return listSize;
    }

    internal static string NormalisePostcode(string? postcode)
    {
        var text = (postcode ?? string.Empty).Trim().ToUpperInvariant();
        return text.Length > 10
            ? throw new RuleViolationException(nameof(Postcode), "A postcode has at most 8 characters, e.g. LS1 4AP.")
            : text;
    }

    private static string RequireText(string value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleViolationException(field, message) : value.Trim();
}

/// <summary>The GP clinical system a practice uses (from the national map file's SUPPLIER_NAME).</summary>
public enum ClinicalSystem
{
    Unknown = 0,
    Emis = 1,
    Tpp = 2,
    Vision = 3,
    Other = 4,
}

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.HasKey(p => new { p.PcnId, p.PracticeCode });
        builder.Property(p => p.PracticeCode).HasMaxLength(6);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.ClinicalSystem).HasConversion<string>().HasMaxLength(10);
        builder.ComplexProperty(p => p.Geography, g =>
        {
            g.Property(x => x.IcbCode).HasColumnName("IcbCode").HasMaxLength(10);
            g.Property(x => x.IcbName).HasColumnName("IcbName").HasMaxLength(200);
            g.Property(x => x.SubIcbCode).HasColumnName("SubIcbCode").HasMaxLength(10);
            g.Property(x => x.SubIcbName).HasColumnName("SubIcbName").HasMaxLength(200);
        });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Memberships).WithOne()
            .HasForeignKey(m => new { m.PcnId, m.PracticeCode }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.ListSizes).WithOne()
            .HasForeignKey(l => new { l.PcnId, l.PracticeCode }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Memberships).HasField("_memberships");
        builder.Navigation(p => p.ListSizes).HasField("_listSizes");
    }
}
