using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network.Directory;

public sealed partial class OnboardingService
{
    /// <summary>Creates the PCN, its current member practices and their latest list sizes, and the first user.</summary>
    public async Task<OnboardingResult> CreateAsync(PcnCode code, FirstUserInput? firstUser, CancellationToken ct = default)
    {
        if (code == DemoNetwork.Code)
        {
            throw new ConflictException($"{code} is the demo network's code; a real network cannot be set up with it.");
        }

        return await scope.AsSystemAsync(async () =>
        {
            if (await db.Pcns.AnyAsync(p => p.Code == code, ct))
            {
                throw new ConflictException($"{code} is already set up in this install.");
            }

            var (directoryPcn, view, preview) = await LoadAsync(code, ct);
            var starts = preview.Practices.ToDictionary(p => p.Code, p => MembershipStart(view.MembersOf(code).Single(m => m.PracticeCode == p.Code)));
            try
            {
                return await CreateInTransactionAsync(directoryPcn, view, preview, starts, firstUser, ct);
            }
            catch (Exception e)
            {
                // The transaction has been rolled back; forget the entities it had added.
                db.ChangeTracker.Clear();
                if (e is DbUpdateException && await db.Pcns.AsNoTracking().AnyAsync(p => p.Code == code, CancellationToken.None))
                {
                    // Someone else set the same network up at the same moment: the unique PCN code refused this one.
                    throw new ConflictException($"{code} is already set up in this install.");
                }

                throw;
            }
        });
    }

    private async Task<OnboardingResult> CreateInTransactionAsync(DirectoryPcn directoryPcn, DirectoryView view, OnboardingPreview preview,
        Dictionary<PracticeCode, (DateOnly Start, string Why)> starts, FirstUserInput? firstUser, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await OnePcnPerPractice.EnsureAsync(db, 0, starts.ToDictionary(s => s.Key, s => new EffectivePeriod(s.Value.Start, null)), ct);
        var pcn = new Pcn(directoryPcn.Code, directoryPcn.Name, preview.Geography);
        db.Pcns.Add(pcn);
        await db.SaveChangesAsync(ct);

        var listSizes = 0;
        foreach (var member in preview.Practices)
        {
            var detail = view.Practice(member.Code);
            var practice = new Practice(pcn.PcnId, member.Code, member.Name, member.Postcode ?? string.Empty, ClinicalSystemOf(member.Supplier),
                view.GeographyOf(detail?.SubIcbCode) ?? Geography.Unknown);
            var (start, why) = starts[member.Code];
            practice.AddMembership(new EffectivePeriod(start, null), why == EpcnStart ? null : why);
            if (member.ListSizeDate is { } date && member.Registered is { } registered)
            {
                practice.RecordListSize(date, registered, null, null, ListSizeSource(date));
                listSizes++;
            }

            db.Practices.Add(practice);
            audit.Record("network.practice.added", member.Code.Value, FormattableString.Invariant($"member from {start:yyyy-MM-dd} ({why})"), pcn.PcnId);
        }

        audit.Record("network.onboarded", directoryPcn.Code.Value,
            $"{directoryPcn.Name}: {preview.Practices.Count} practices and {listSizes} list sizes from the national directory", pcn.PcnId);
        await db.SaveChangesAsync(ct);

        UserView? user = null;
        if (firstUser is not null)
        {
            user = await users.CreateAsync(pcn.PcnId,
                new NewUserInput(firstUser.Email, firstUser.DisplayName, firstUser.Password, [Roles.PcnManager], null), ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new OnboardingResult(pcn.PcnId, pcn.Code, pcn.Name, preview.Practices.Count, listSizes, user);
    }

    private const string EpcnStart = "ePCN relationship start date";

    /// <summary>
    /// When the practice joined: ePCN's relationship start date when the directory has one, else the first extract of
    /// the practice map that showed it in this PCN (the earliest evidence there is), else its latest.
    /// </summary>
    private (DateOnly Start, string Why) MembershipStart(DirectoryMembership m) =>
        m.StartDate is { } start ? (start, EpcnStart)
        : m.FirstAsAt is { } first ? (first, FormattableString.Invariant(
            $"the earliest practice map extract showing it in {m.PcnCode} ({first:d MMM yyyy}); ePCN gave no start date, so it may have joined earlier"))
        : m.AsAt is { } asAt ? (asAt, FormattableString.Invariant(
            $"a practice map extract showing it in {m.PcnCode} ({asAt:d MMM yyyy}); ePCN gave no start date, so it may have joined earlier"))
        : (clock.TodayInEngland(), "no date in the national files: the day the network was set up");
}
