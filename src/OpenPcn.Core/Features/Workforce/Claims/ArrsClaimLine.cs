using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Workforce.Claims;

/// <summary>
/// One line of a month's ARRS claim: a snapshot of every input (person, role, region, WTE, pay and on-costs, dates),
/// the figures worked out (days, actual cost, maximum, reimbursable) and the workings in words, so the line reads the
/// same whatever later happens to the contract. An amendment line holds a difference from what was claimed before.
/// </summary>
public sealed class ArrsClaimLine : ITenantOwned
{
    internal ArrsClaimLine(int pcnId, Guid claimId, int lineNumber, Guid contractId, Guid staffMemberId, string staffName, string roleName,
        ClaimWorkings workings, DateTimeOffset at, string by)
    {
        var t = workings.Terms;
        PcnId = pcnId;
        ClaimId = claimId;
        LineNumber = lineNumber;
        ContractId = contractId;
        StaffMemberId = staffMemberId;
        StaffName = staffName;
        Role = t.Role;
        RoleName = roleName;
        Region = t.Region;
        Wte = t.Wte;
        AnnualSalary = t.AnnualSalary;
        AnnualEmployerNi = t.AnnualEmployerNi;
        AnnualEmployerPension = t.AnnualEmployerPension;
        ContractStart = t.Start;
        ContractEnd = t.End;
        DaysInMonth = workings.DaysInMonth;
        DaysInPost = workings.DaysInPost;
        ActualCost = workings.ActualCost;
        Maximum = workings.Maximum;
        Reimbursable = workings.Reimbursable;
        UsesUncheckedRate = workings.UsesUncheckedRate;
        Problem = workings.Problem;
        Workings = workings.Explain();
        AddedAt = at;
        AddedBy = by;
    }

    private ArrsClaimLine()
    {
        StaffName = string.Empty;
        Role = string.Empty;
        RoleName = string.Empty;
        Workings = string.Empty;
        AddedBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>1, 2, 3… within the claim; amendments continue the numbering.</summary>
    public int LineNumber { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    public string StaffName { get; private set; }

    public string Role { get; private set; }

    public string RoleName { get; private set; }

    public ArrsRegion Region { get; private set; }

    public decimal Wte { get; private set; }

    public Money AnnualSalary { get; private set; }

    public Money AnnualEmployerNi { get; private set; }

    public Money AnnualEmployerPension { get; private set; }

    public DateOnly ContractStart { get; private set; }

    public DateOnly? ContractEnd { get; private set; }

    public int DaysInMonth { get; private set; }

    public int DaysInPost { get; private set; }

    public Money ActualCost { get; private set; }

    public Money Maximum { get; private set; }

    public Money Reimbursable { get; private set; }

    /// <summary>Whether a maximum used is not checked against the DES (shown "(unchecked)").</summary>
    public bool UsesUncheckedRate { get; private set; }

    /// <summary>Why nothing can be claimed on this line, if so.</summary>
    public string? Problem { get; private set; }

    /// <summary>The formula in words and figures (<see cref="ClaimWorkings.Explain"/>).</summary>
    public string Workings { get; private set; }

    public bool IsAmendment { get; private set; }

    /// <summary>The line this amendment corrects (the contract's original line), when there was one.</summary>
    public int? AmendsLineNumber { get; private set; }

    /// <summary>Why an amendment was made.</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public string AddedBy { get; private set; }

    /// <summary>
    /// An amendment: the fresh calculation's inputs, and as figures the fresh amounts less what was claimed before for
    /// the contract (<paramref name="claimed"/>: actual, maximum, reimbursable summed over its earlier lines).
    /// </summary>
    internal static ArrsClaimLine Amendment(int pcnId, Guid claimId, int lineNumber, Guid contractId, Guid staffMemberId, string staffName, string roleName,
        ClaimWorkings fresh, (Money Actual, Money Maximum, Money Reimbursable) claimed, int? amends, string reason, DateTimeOffset at, string by)
    {
        var line = new ArrsClaimLine(pcnId, claimId, lineNumber, contractId, staffMemberId, staffName, roleName, fresh, at, by)
        {
            IsAmendment = true,
            AmendsLineNumber = amends,
            Reason = reason,
        };
        line.ActualCost = fresh.ActualCost - claimed.Actual;
        line.Maximum = fresh.Maximum - claimed.Maximum;
        line.Reimbursable = fresh.Reimbursable - claimed.Reimbursable;
        line.Workings = $"Amendment ({reason}): recalculated now — {fresh.Explain()} Less claimed before: {claimed.Reimbursable} reimbursable "
            + $"({claimed.Actual} actual, {claimed.Maximum} maximum). Difference: {line.Reimbursable}.";
        return line;
    }
}

internal sealed class ArrsClaimLineConfiguration : IEntityTypeConfiguration<ArrsClaimLine>
{
    public void Configure(EntityTypeBuilder<ArrsClaimLine> builder)
    {
        builder.HasKey(l => new { l.PcnId, l.ClaimId, l.LineNumber });
        builder.Property(l => l.StaffName).HasMaxLength(200);
        builder.Property(l => l.Role).HasMaxLength(60);
        builder.Property(l => l.RoleName).HasMaxLength(200);
        builder.Property(l => l.Region).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Wte).HasPrecision(5, 4);
        builder.Property(l => l.Problem).HasMaxLength(500);
        builder.Property(l => l.Workings).HasMaxLength(4000);
        builder.Property(l => l.Reason).HasMaxLength(500);
        builder.Property(l => l.AddedBy).HasMaxLength(256);
    }
}
