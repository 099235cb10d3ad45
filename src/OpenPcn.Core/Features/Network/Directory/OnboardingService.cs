using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory;

public sealed record PcnCandidate(PcnCode Code, string Name, string? SubIcbName, string? IcbName, int PracticeCount, int? Registered, bool AlreadyOnboarded);

public sealed record OnboardingPractice(PracticeCode Code, string Name, string? Postcode, string? Supplier, DateOnly? MemberFrom, DateOnly? ListSizeDate, int? Registered);

public sealed record OnboardingPreview(PcnCandidate Pcn, Geography Geography, IReadOnlyList<OnboardingPractice> Practices, IReadOnlyList<string> Warnings);

public sealed record FirstUserInput(string Email, string DisplayName, string Password);

public sealed record OnboardingResult(int PcnId, PcnCode Code, string Name, int PracticesCreated, int ListSizesCreated, UserView? FirstUser);

/// <summary>
/// Sets up a real network from the national directory: find it by code or name, preview its member practices and
/// latest list sizes, create it (with its first PCN manager), and later refresh its list sizes from newer files.
/// </summary>
public sealed class OnboardingService(PcnDbContext db, TenantScope scope, UserService users, AuditLog audit, TimeProvider clock)
{
    /// <summary>PCNs whose code or name contains <paramref name="query"/> (case-insensitive).</summary>
    public Task<IReadOnlyList<PcnCandidate>> SearchAsync(string query, int take = 20, CancellationToken ct = default) =>
        throw new NotImplementedException($"{db}{scope}{users}{audit}{clock}");

    public Task<OnboardingPreview> PreviewAsync(PcnCode code, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Creates the PCN, its current member practices and their latest list sizes, and the first user.</summary>
    public Task<OnboardingResult> CreateAsync(PcnCode code, FirstUserInput? firstUser, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Adds list sizes from the directory that the current network's practices do not have yet.</summary>
    public Task<int> RefreshListSizesAsync(CancellationToken ct = default) =>
        throw new NotImplementedException();
}
