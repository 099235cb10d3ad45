using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>Where a planned post is in recruitment. It only moves forward, or is withdrawn before it starts.</summary>
public enum PlannedPostStage
{
    Vacancy,
    Advertised,
    Offered,
    Started,
    Withdrawn,
}

/// <summary>
/// A post the network means to fill (the recruitment pipeline): role, hours, the practices it will serve, when and at
/// what cost it is expected to start, and its stage. Once started it names the contract it became.
/// </summary>
public sealed class PlannedPost : ITenantOwned
{
    internal PlannedPost(int pcnId, Guid plannedPostId, string role, decimal wte, string? practices, DateOnly expectedStart,
        Money expectedAnnualCost, string? notes)
    {
        PcnId = pcnId;
        PlannedPostId = plannedPostId;
        Role = string.Empty;
        Change(role, wte, practices, expectedStart, expectedAnnualCost, notes);
    }

    private PlannedPost()
    {
        Role = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid PlannedPostId { get; private set; }

    /// <summary>The role code (the rate book's, or one of <see cref="WorkforceRoles.Other"/>).</summary>
    public string Role { get; private set; }

    public decimal Wte { get; private set; }

    /// <summary>The practices the post will serve, as the network describes them ("Millbrook and Oakfield").</summary>
    public string? Practices { get; private set; }

    public DateOnly ExpectedStart { get; private set; }

    /// <summary>Salary and employer on-costs a year, expected.</summary>
    public Money ExpectedAnnualCost { get; private set; }

    public PlannedPostStage Stage { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The contract the post became, once started.</summary>
    public Guid? ContractId { get; private set; }

    internal void Change(string role, decimal wte, string? practices, DateOnly expectedStart, Money expectedAnnualCost, string? notes)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(role))
        {
            errors[nameof(Role)] = ["Choose a role."];
        }

        if (wte <= 0 || wte > 1)
        {
            errors[nameof(Wte)] = ["The whole-time equivalent must be more than 0 and at most 1 (a full-time post is 1)."];
        }

        if (expectedAnnualCost < Money.Zero)
        {
            errors[nameof(ExpectedAnnualCost)] = ["The expected cost cannot be negative."];
        }

        if (practices?.Trim().Length > 300)
        {
            errors[nameof(Practices)] = ["Describe the practices in up to 300 characters."];
        }

        if (notes?.Trim().Length > 1000)
        {
            errors[nameof(Notes)] = ["Keep the notes to 1,000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        Role = role.Trim();
        Wte = wte;
        Practices = string.IsNullOrWhiteSpace(practices) ? null : practices.Trim();
        ExpectedStart = expectedStart;
        ExpectedAnnualCost = expectedAnnualCost;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    /// <summary>Moves the post to a later stage, or withdraws it; Started needs the contract it became.</summary>
    internal void MoveTo(PlannedPostStage stage, Guid? contractId)
    {
        if (Stage is PlannedPostStage.Started or PlannedPostStage.Withdrawn)
        {
            throw new RuleViolationException(nameof(Stage), $"The post is already {Stage.ToString().ToLowerInvariant()}; it cannot move again.");
        }

        if (stage != PlannedPostStage.Withdrawn && stage <= Stage)
        {
            throw new RuleViolationException(nameof(Stage), $"A post only moves forward: it is {Stage.ToString().ToLowerInvariant()} now.");
        }

        if (stage == PlannedPostStage.Started && contractId is null)
        {
            throw new RuleViolationException(nameof(ContractId), "Choose the contract the post became.");
        }

        Stage = stage;
        ContractId = stage == PlannedPostStage.Started ? contractId : null;
    }
}

internal sealed class PlannedPostConfiguration : IEntityTypeConfiguration<PlannedPost>
{
    public void Configure(EntityTypeBuilder<PlannedPost> builder)
    {
        builder.HasKey(p => new { p.PcnId, p.PlannedPostId });
        builder.Property(p => p.Role).HasMaxLength(60);
        builder.Property(p => p.Wte).HasPrecision(5, 4);
        builder.Property(p => p.Practices).HasMaxLength(300);
        builder.Property(p => p.Notes).HasMaxLength(1000);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Network.Pcn>().WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}
