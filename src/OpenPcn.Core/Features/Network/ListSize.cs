using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// A practice's population on a census date: the registered list (a count of patients), the contractor weighted
/// population (Carr-Hill weighted) and the adjusted population (weighted, rescaled so England's total equals its
/// registered total). Payments use the 1 January census before the financial year.
/// </summary>
public sealed class ListSize : IPracticeOwned
{
    internal ListSize(int pcnId, PracticeCode practiceCode, DateOnly censusDate, int registered, decimal? weighted, decimal? adjusted, string source)
    {
        PcnId = pcnId;
        PracticeCode = practiceCode;
        CensusDate = censusDate;
        Source = source;
        Correct(registered, weighted, adjusted, source);
    }

    private ListSize()
    {
        Source = string.Empty;
    }

    public int PcnId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    public DateOnly CensusDate { get; private set; }

    /// <summary>Registered patients (the raw list).</summary>
    public int Registered { get; private set; }

    /// <summary>Contractor weighted population, when known.</summary>
    public decimal? Weighted { get; private set; }

    /// <summary>Adjusted population, when known.</summary>
    public decimal? Adjusted { get; private set; }

    /// <summary>Where the figures came from: a national file and its extract date, a manual entry, the demo.</summary>
    public string Source { get; private set; }

    internal void Correct(int registered, decimal? weighted, decimal? adjusted, string source)
    {
        var errors = new Dictionary<string, string[]>();
        if (registered < 0)
        {
            errors[nameof(Registered)] = ["The registered list cannot be negative."];
        }

        if (weighted < 0)
        {
            errors[nameof(Weighted)] = ["The weighted population cannot be negative."];
        }

        if (adjusted < 0)
        {
            errors[nameof(Adjusted)] = ["The adjusted population cannot be negative."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        Registered = registered;
        Weighted = weighted;
        Adjusted = adjusted;
        Source = source;
    }
}

internal sealed class ListSizeConfiguration : IEntityTypeConfiguration<ListSize>
{
    public void Configure(EntityTypeBuilder<ListSize> builder)
    {
        builder.HasKey(l => new { l.PcnId, l.PracticeCode, l.CensusDate });
        builder.Property(l => l.PracticeCode).HasMaxLength(6);
        builder.Property(l => l.Weighted).HasPrecision(12, 2);
        builder.Property(l => l.Adjusted).HasPrecision(12, 2);
        builder.Property(l => l.Source).HasMaxLength(200);
    }
}
