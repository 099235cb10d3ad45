using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
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
public sealed partial class OnboardingService(PcnDbContext db, TenantScope scope, UserService users, AuditLog audit, TimeProvider clock)
{
    /// <summary>PCNs whose code or name contains <paramref name="query"/> (case-insensitive).</summary>
    public async Task<IReadOnlyList<PcnCandidate>> SearchAsync(string query, int take = 20, CancellationToken ct = default)
    {
        var text = (query ?? string.Empty).Trim();
        PcnCode? exact = PcnCode.TryParse(text, out var code) ? code : null;

        // About 1,300 PCNs: matched here rather than in SQL, where the code's value conversion and case-insensitive
        // matching differ between SQLite and PostgreSQL.
        var pcns = await db.DirectoryPcns.AsNoTracking().ToListAsync(ct);
        var matches = pcns
            .Where(p => text.Length == 0
                || p.Code.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
                || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Code == exact ? 0 : p.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 1 : 2)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Code.Value, StringComparer.Ordinal)
            .Take(Math.Clamp(take, 1, 200))
            .ToList();
        if (matches.Count == 0)
        {
            return [];
        }

        var view = await DirectoryView.LoadAsync(db, matches, clock.TodayInEngland(), ct);
        return [.. matches.Select(view.Candidate)];
    }

    public async Task<OnboardingPreview> PreviewAsync(PcnCode code, CancellationToken ct = default) =>
        (await LoadAsync(code, ct)).Preview;

    /// <summary>Adds list sizes from the directory that the current network's practices do not have yet.</summary>
    public async Task<int> RefreshListSizesAsync(CancellationToken ct = default)
    {
        if (scope.PcnId is null)
        {
            throw new NotFoundException("You are not signed in to a network.");
        }

        var practices = await db.Practices.Include(p => p.ListSizes).ToListAsync(ct);
        var codes = practices.Select(p => p.PracticeCode).ToList();
        var directory = (await db.DirectoryListSizes.AsNoTracking().Where(l => codes.Contains(l.PracticeCode)).ToListAsync(ct))
            .ToLookup(l => l.PracticeCode);
        var added = 0;
        foreach (var practice in practices)
        {
            // Only dates the practice has no figure for: a figure entered by hand (or corrected) is never overwritten.
            foreach (var size in directory[practice.PracticeCode].Where(d => practice.ListSizes.All(l => l.CensusDate != d.ExtractDate)))
            {
                practice.RecordListSize(size.ExtractDate, size.Patients, null, null, ListSizeSource(size.ExtractDate));
                added++;
            }
        }

        audit.Record("network.list-sizes.refreshed", "national directory",
            $"{added} list size{(added == 1 ? string.Empty : "s")} added for {practices.Count} practice{(practices.Count == 1 ? string.Empty : "s")}");
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Where a list size taken from the directory came from, e.g. <c>gp-reg-pat-prac-all 01 Jan 2021</c>.</summary>
    internal static string ListSizeSource(DateOnly extractDate) =>
        $"gp-reg-pat-prac-all {extractDate.ToString("dd MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The clinical system named by the practice map's SUPPLIER_NAME.</summary>
    internal static ClinicalSystem ClinicalSystemOf(string? supplier)
    {
        var s = (supplier ?? string.Empty).Trim().ToUpperInvariant();
        return s.Length == 0 || s == "UNKNOWN" ? ClinicalSystem.Unknown
            : s.Contains("EMIS", StringComparison.Ordinal) ? ClinicalSystem.Emis
            : s.Contains("TPP", StringComparison.Ordinal) || s.Contains("SYSTMONE", StringComparison.Ordinal) ? ClinicalSystem.Tpp
            : s.Contains("VISION", StringComparison.Ordinal) || s.Contains("INPS", StringComparison.Ordinal) || s.Contains("CEGEDIM", StringComparison.Ordinal) ? ClinicalSystem.Vision
            : ClinicalSystem.Other;
    }

    private async Task<(DirectoryPcn Pcn, DirectoryView View, OnboardingPreview Preview)> LoadAsync(PcnCode code, CancellationToken ct)
    {
        var pcn = await db.DirectoryPcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct)
            ?? throw new NotFoundException($"PCN {code} is not in the national directory. Check the code, or import a newer practice map or ePCN file.");
        var today = clock.TodayInEngland();
        var view = await DirectoryView.LoadAsync(db, [pcn], today, ct);
        var practices = view.MembersOf(code)
            .Select(m =>
            {
                var practice = view.Practice(m.PracticeCode);
                var size = view.LatestListSize(m.PracticeCode);
                return new OnboardingPractice(m.PracticeCode, practice?.Name ?? PlaceholderName(m.PracticeCode), practice?.Postcode,
                    practice?.SupplierName, m.StartDate, size?.ExtractDate, size?.Patients);
            })
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var geography = view.GeographyOf(pcn) ?? Geography.Unknown;
        var preview = new OnboardingPreview(view.Candidate(pcn), geography, practices, Warnings(pcn, view, geography, practices, today));
        return (pcn, view, preview);
    }

    private static string PlaceholderName(PracticeCode code) => $"Practice {code} (name not in the directory)";
}
