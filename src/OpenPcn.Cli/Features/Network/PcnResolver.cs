using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Cli.Features.Network;

/// <summary>Turns <c>--pcn U12345</c> (or nothing, when the install has one network) into the tenant scope.</summary>
internal static class PcnResolver
{
    public static async Task<Pcn> EnterAsync(PcnDbContext db, TenantScope scope, string? code, CancellationToken ct)
    {
        var pcns = await db.Pcns.AsNoTracking().ToListAsync(ct);
        Pcn? pcn;
        if (!string.IsNullOrWhiteSpace(code))
        {
            var parsed = PcnCode.TryParse(code, out var c)
                ? c
                : throw new RuleViolationException("--pcn", $"'{code}' is not a PCN code (U and five digits, e.g. U89141).");
            pcn = pcns.Find(p => p.Code == parsed)
                ?? throw new NotFoundException($"{parsed} is not set up on this install. Networks here: {List(pcns)}. Create it with: openpcn network create --pcn {parsed}");
        }
        else
        {
            var real = pcns.Where(p => !p.IsDemo).ToList();
            pcn = real.Count == 1 ? real[0]
                : real.Count == 0 && pcns.Count == 1 ? pcns[0]
                : throw new RuleViolationException("--pcn", pcns.Count == 0
                    ? "No network is set up yet. Create one with: openpcn network create --pcn U12345 (or openpcn demo seed)."
                    : $"Say which network with --pcn. Networks here: {List(pcns)}.");
        }

        scope.SetPcn(pcn.PcnId);
        return pcn;
    }

    private static string List(List<Pcn> pcns) =>
        pcns.Count == 0 ? "none" : string.Join(", ", pcns.OrderBy(p => p.Code.Value, StringComparer.Ordinal).Select(p => $"{p.Code} {p.Name}"));
}
