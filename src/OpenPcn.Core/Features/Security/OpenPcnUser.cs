using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Features.Security;

/// <summary>
/// A person who signs in. Identity's tables are install-wide (sign-in happens before the tenant is known), so the
/// user carries its PCN and, for practice-scoped roles, its practice; the user service filters by them.
/// </summary>
public sealed class OpenPcnUser : IdentityUser
{
    public int PcnId { get; set; }

    public PracticeCode? PracticeCode { get; set; }

    public string DisplayName { get; set; } = string.Empty;
}

internal sealed class OpenPcnUserConfiguration : IEntityTypeConfiguration<OpenPcnUser>
{
    public void Configure(EntityTypeBuilder<OpenPcnUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PracticeCode).HasMaxLength(6);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(u => u.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.PcnId);
    }
}
