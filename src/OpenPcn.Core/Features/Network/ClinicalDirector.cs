using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// A clinical director of the network (a network may share the role) with the sessions a week the network funds.
/// A session is half a day; nine sessions make one whole-time equivalent.
/// </summary>
public sealed class ClinicalDirector : ITenantOwned
{
    public const decimal MaxSessionsPerWeek = 10m;

    public ClinicalDirector(int pcnId, string name, PracticeCode? practiceCode, decimal fundedSessionsPerWeek, EffectivePeriod period)
    {
        PcnId = pcnId;
        ClinicalDirectorId = Guid.CreateVersion7();
        Name = string.Empty;
        Update(name, practiceCode, fundedSessionsPerWeek, period);
    }

    private ClinicalDirector()
    {
        Name = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid ClinicalDirectorId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The member practice the director works at, if any.</summary>
    public PracticeCode? PracticeCode { get; private set; }

    public decimal FundedSessionsPerWeek { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public EffectivePeriod Period => new(StartDate, EndDate);

    public void Update(string name, PracticeCode? practiceCode, decimal fundedSessionsPerWeek, EffectivePeriod period)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors[nameof(Name)] = ["Enter the clinical director's name."];
        }

        if (fundedSessionsPerWeek is <= 0 or > MaxSessionsPerWeek)
        {
            errors[nameof(FundedSessionsPerWeek)] = [$"Funded sessions must be more than 0 and at most {MaxSessionsPerWeek} a week."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        Name = name.Trim();
        PracticeCode = practiceCode;
        FundedSessionsPerWeek = fundedSessionsPerWeek;
        StartDate = period.Start;
        EndDate = period.End;
    }
}

internal sealed class ClinicalDirectorConfiguration : IEntityTypeConfiguration<ClinicalDirector>
{
    public void Configure(EntityTypeBuilder<ClinicalDirector> builder)
    {
        builder.HasKey(c => new { c.PcnId, c.ClinicalDirectorId });
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.PracticeCode).HasMaxLength(6);
        builder.Property(c => c.FundedSessionsPerWeek).HasPrecision(4, 2);
        builder.Ignore(c => c.Period);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(c => c.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}
