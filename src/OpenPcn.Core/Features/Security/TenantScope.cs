using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Features.Security;

/// <summary>A row that belongs to one PCN (the tenant). Its <c>PcnId</c> is part of its key.</summary>
public interface ITenantOwned
{
    int PcnId { get; }
}

/// <summary>A tenant row that also belongs to one practice, hidden from users scoped to another practice.</summary>
public interface IPracticeOwned : ITenantOwned
{
    PracticeCode PracticeCode { get; }
}

/// <summary>
/// Whose data this unit of work may read and write: one PCN, optionally narrowed to one practice, or the whole install
/// (system work such as first-run seeding, national directory imports and onboarding). The web host fills it from
/// the signed-in user's claims; the CLI from its options. With nothing set, every tenant query returns nothing.
/// </summary>
public sealed class TenantScope
{
    public int? PcnId { get; private set; }

    public PracticeCode? PracticeCode { get; private set; }

    public bool IsSystem { get; private set; }

    public bool IsSet => IsSystem || PcnId is not null;

    /// <summary>Who is acting, for the audit log: a user id, or a name such as <c>cli</c> or <c>first-run</c>.</summary>
    public string? ActorId { get; private set; }

    public void SetActor(string? actorId) => ActorId = actorId;

    public void SetPcn(int pcnId, PracticeCode? practice = null)
    {
        PcnId = pcnId;
        PracticeCode = practice;
        IsSystem = false;
    }

    public void SetSystem()
    {
        PcnId = null;
        PracticeCode = null;
        IsSystem = true;
    }

    /// <summary>Runs <paramref name="work"/> as the whole install, then restores the previous scope.</summary>
    public async Task<T> AsSystemAsync<T>(Func<Task<T>> work)
    {
        var (pcn, practice, system) = (PcnId, PracticeCode, IsSystem);
        SetSystem();
        try
        {
            return await work();
        }
        finally
        {
            (PcnId, PracticeCode, IsSystem) = (pcn, practice, system);
        }
    }
}
