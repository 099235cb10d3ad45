using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Finance;

/// <summary>
/// A payment the network's nominated payee received for a stream and the month it pays for. Entries are never edited:
/// a correction is a new signed entry (<see cref="CorrectsPaymentId"/> set) with a reason.
/// </summary>
public sealed class PaymentReceived : ITenantOwned
{
    internal PaymentReceived(int pcnId, Guid paymentId, FundingStream stream, DateOnly forMonth, Money amount, DateOnly receivedOn, string? reference,
        string? reason, Guid? correctsPaymentId, string recordedBy, DateTimeOffset recordedAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (amount == Money.Zero)
        {
            errors[nameof(Amount)] = ["Enter an amount other than £0.00."];
        }
        else if (amount < Money.Zero && string.IsNullOrWhiteSpace(reason))
        {
            errors[nameof(Reason)] = ["A negative amount corrects an earlier payment: say why."];
        }

        if (correctsPaymentId is not null && string.IsNullOrWhiteSpace(reason))
        {
            errors[nameof(Reason)] = ["Say why the payment is corrected."];
        }

        if (receivedOn.Year is < 2000 or > 2100)
        {
            errors[nameof(ReceivedOn)] = ["Enter the date the money arrived."];
        }

        if ((reference ?? string.Empty).Trim().Length > 100)
        {
            errors[nameof(Reference)] = ["The reference is at most 100 characters."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        PcnId = pcnId;
        PaymentId = paymentId;
        Stream = stream;
        ForMonth = FundingStreams.SaneMonth(forMonth, nameof(ForMonth));
        Amount = amount;
        ReceivedOn = receivedOn;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CorrectsPaymentId = correctsPaymentId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    private PaymentReceived()
    {
        RecordedBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid PaymentId { get; private set; }

    public FundingStream Stream { get; private set; }

    /// <summary>The first day of the month the payment is for.</summary>
    public DateOnly ForMonth { get; private set; }

    /// <summary>Signed: a correction may be negative.</summary>
    public Money Amount { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string? Reference { get; private set; }

    public string? Reason { get; private set; }

    public Guid? CorrectsPaymentId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

internal sealed class PaymentReceivedConfiguration : IEntityTypeConfiguration<PaymentReceived>
{
    public void Configure(EntityTypeBuilder<PaymentReceived> builder)
    {
        builder.HasKey(p => new { p.PcnId, p.PaymentId });
        builder.Property(p => p.Stream).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.Reason).HasMaxLength(500);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.PcnId, p.ForMonth, p.Stream });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}
