using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Workforce.Claims;

/// <summary>Where a month's ARRS claim is: drafts can be rebuilt; from submission on, lines are locked.</summary>
public enum ArrsClaimStatus
{
    Draft,
    Submitted,
    Approved,
    Paid,
}

/// <summary>
/// The network's ARRS claim for one month (<see cref="Month"/> is the first day): one line per ARRS contract in post
/// in the month, who built, submitted, approved and recorded payment of it and when, and the totals. While a draft it
/// can be rebuilt from the contracts; once submitted its lines never change — an amendment adds lines.
/// </summary>
public sealed class ArrsClaim : ITenantOwned
{
    private readonly List<ArrsClaimLine> _lines = [];

    internal ArrsClaim(int pcnId, Guid claimId, DateOnly month)
    {
        PcnId = pcnId;
        ClaimId = claimId;
        Month = new DateOnly(month.Year, month.Month, 1);
        BuiltBy = string.Empty;
    }

    private ArrsClaim()
    {
        BuiltBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>The first day of the month claimed.</summary>
    public DateOnly Month { get; private set; }

    public ArrsClaimStatus Status { get; private set; }

    public DateTimeOffset BuiltAt { get; private set; }

    public string BuiltBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? PaidBy { get; private set; }

    /// <summary>Sum of the lines' actual cost (amendments included).</summary>
    public Money TotalActualCost { get; private set; }

    /// <summary>Sum of the lines' maxima (amendments included).</summary>
    public Money TotalMaximum { get; private set; }

    /// <summary>Sum of the lines' reimbursable amounts (amendments included): what the network claims.</summary>
    public Money TotalReimbursable { get; private set; }

    public IReadOnlyList<ArrsClaimLine> Lines => _lines;

    /// <summary>"2026-10".</summary>
    public string MonthKey => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public bool IsLocked => Status != ArrsClaimStatus.Draft;

    /// <summary>Replaces a draft's lines (a build or rebuild); refused once submitted.</summary>
    internal void Rebuild(IEnumerable<ArrsClaimLine> lines, DateTimeOffset at, string by)
    {
        if (IsLocked)
        {
            throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The claim for {Month:MMMM yyyy} was submitted on {SubmittedAt:d MMM yyyy}: it cannot be rebuilt. Amend it instead."));
        }

        _lines.Clear();
        _lines.AddRange(lines);
        BuiltAt = at;
        BuiltBy = by;
        Total();
    }

    /// <summary>
    /// Adds amendment lines to a submitted claim; the lines already there are untouched. An approved or paid claim is
    /// not amended: its total is what the commissioner approved or paid.
    /// </summary>
    internal void Amend(IEnumerable<ArrsClaimLine> amendments)
    {
        if (!IsLocked)
        {
            throw new ConflictException("A draft is rebuilt, not amended: amendments are for a submitted claim.");
        }

        if (Status != ArrsClaimStatus.Submitted)
        {
            throw new ConflictException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The claim for {Month:MMMM yyyy} is {Status.ToString().ToLowerInvariant()}: its total is what was approved, so it is not amended here. Agree the difference with the commissioner."));
        }

        _lines.AddRange(amendments);
        Total();
    }

    internal void Submit(DateTimeOffset at, string by)
    {
        Require(ArrsClaimStatus.Draft, "submitted");
        if (_lines.Count == 0)
        {
            throw new RuleViolationException(nameof(Lines), "The claim has no lines: build it from the contracts first.");
        }

        (Status, SubmittedAt, SubmittedBy) = (ArrsClaimStatus.Submitted, at, by);
    }

    internal void Approve(DateTimeOffset at, string by)
    {
        Require(ArrsClaimStatus.Submitted, "approved");
        (Status, ApprovedAt, ApprovedBy) = (ArrsClaimStatus.Approved, at, by);
    }

    internal void MarkPaid(DateTimeOffset at, string by)
    {
        Require(ArrsClaimStatus.Approved, "marked paid");
        (Status, PaidAt, PaidBy) = (ArrsClaimStatus.Paid, at, by);
    }

    internal int NextLineNumber() => _lines.Count == 0 ? 1 : _lines.Max(l => l.LineNumber) + 1;

    private void Require(ArrsClaimStatus status, string what)
    {
        if (Status != status)
        {
            throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The claim for {Month:MMMM yyyy} is {Status.ToString().ToLowerInvariant()}: only a {status.ToString().ToLowerInvariant()} claim can be {what}."));
        }
    }

    private void Total()
    {
        TotalActualCost = Money.Sum(_lines.Select(l => l.ActualCost));
        TotalMaximum = Money.Sum(_lines.Select(l => l.Maximum));
        TotalReimbursable = Money.Sum(_lines.Select(l => l.Reimbursable));
    }
}

internal sealed class ArrsClaimConfiguration : IEntityTypeConfiguration<ArrsClaim>
{
    public void Configure(EntityTypeBuilder<ArrsClaim> builder)
    {
        builder.HasKey(c => new { c.PcnId, c.ClaimId });
        builder.HasIndex(c => new { c.PcnId, c.Month }).IsUnique();
        // A build, amendment or step saves only if the status is still the one it read: a claim submitted meanwhile is
        // never rebuilt or amended behind the submitter's back (the service answers 409).
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(c => c.BuiltBy).HasMaxLength(256);
        builder.Property(c => c.SubmittedBy).HasMaxLength(256);
        builder.Property(c => c.ApprovedBy).HasMaxLength(256);
        builder.Property(c => c.PaidBy).HasMaxLength(256);
        builder.Ignore(c => c.MonthKey);
        builder.Ignore(c => c.IsLocked);
        builder.HasOne<Network.Pcn>().WithMany().HasForeignKey(c => c.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => new { l.PcnId, l.ClaimId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Lines).HasField("_lines");
    }
}
