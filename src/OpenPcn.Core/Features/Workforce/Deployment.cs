using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>
/// Where a contract's hours are worked: sessions a week (a session is half a day) at one practice. Shared staff are
/// recharged between practices in proportion to these.
/// </summary>
public sealed class Deployment : ITenantOwned
{
    internal Deployment(int pcnId, Guid contractId, PracticeCode practiceCode, decimal sessionsPerWeek)
    {
        PcnId = pcnId;
        ContractId = contractId;
        PracticeCode = practiceCode;
        SessionsPerWeek = sessionsPerWeek;
    }

    private Deployment()
    {
    }

    public int PcnId { get; private set; }

    public Guid ContractId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    public decimal SessionsPerWeek { get; private set; }
}

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.HasKey(d => new { d.PcnId, d.ContractId, d.PracticeCode });
        builder.Property(d => d.PracticeCode).HasMaxLength(10);
        builder.Property(d => d.SessionsPerWeek).HasPrecision(5, 2);
    }
}
