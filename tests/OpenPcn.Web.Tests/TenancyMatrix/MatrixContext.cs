using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// Networks A (signed in) and B (the other network) and helpers that make fresh rows in A, so every allowed write in
/// the matrix has its own target, plus a snapshot of everything B owns to prove nothing of it changes.
/// </summary>
public sealed partial class MatrixContext(TestDatabase db, SeededNetwork a, SeededNetwork b)
{
    private int _counter;

    public TestDatabase Db { get; } = db;

    public SeededNetwork A { get; } = a;

    public SeededNetwork B { get; } = b;

    /// <summary>A PCN in the national directory that is not set up yet (after the shipped directory loaded).</summary>
    public string? DirectoryPcnCode { get; set; }

    /// <summary>An import run made during set-up.</summary>
    public Guid ImportRunId { get; set; }

    /// <summary>A patient of A's and one of B's (different ids, so a leak cannot hide behind a shared id).</summary>
    public long APatientId { get; } = 1001;

    public long BPatientId { get; } = 2001;

    public string ANhsNumber { get; } = RecordSeeder.NhsNumberFrom(1001);

    public string BNhsNumber { get; } = RecordSeeder.NhsNumberFrom(2001);

    public Guid AImportId { get; set; }

    public Guid BImportId { get; set; }

    public const string BImportSource = "birch-secret-export.ndjson";

    /// <summary>One FHIR Patient as NDJSON, for uploads (the importer's outcome does not matter to the matrix).</summary>
    public static byte[] NdjsonBytes => System.Text.Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"id\":\"m1\"}\n");

    public int Next() => Interlocked.Increment(ref _counter);

    public string NewCode() => $"Z83{Next():000}";

    /// <summary>Things of B's that nobody signed in to A may ever be shown (ids, names, emails).</summary>
    public IReadOnlyList<string> Secrets =>
    [
        B.Name, B.Code, B.PartnerName, B.DirectorName, B.PartnerId.ToString(), B.DirectorId.ToString(),
        .. B.PracticeCodes, .. B.PracticeNames,
        .. B.Users.Values.SelectMany(u => new[] { u.Email, u.UserId }),
        BNhsNumber, NhsNumber.Parse(BNhsNumber).Formatted, BImportSource, BImportId.ToString(), "Birch secret diagnosis", "Birch secret quarantine reason", BDefinitionTitle, BDefinition,
        .. ClaimSecrets,
    ];

    public async Task<string> NewPracticeInAAsync()
    {
        var code = NewCode();
        await using var scope = Db.PcnScope(A.PcnId, actor: "matrix");
        await scope.ServiceProvider.GetRequiredService<NetworkService>().AddPracticeAsync(
            new NewPracticeInput(PracticeCode.Parse(code), $"Fresh practice {code}", "LS1 1AA", ClinicalSystem.Emis, new DateOnly(2020, 4, 1)));
        return code;
    }

    public async Task<Guid> NewPartnerInAAsync()
    {
        await using var scope = Db.PcnScope(A.PcnId, actor: "matrix");
        var partner = await scope.ServiceProvider.GetRequiredService<NetworkService>().AddPartnerAsync(
            new PartnerInput($"Fresh partner {Next()}", PartnerKind.Voluntary, null, new DateOnly(2021, 1, 1), null, null));
        return partner.PartnerId;
    }

    public async Task<Guid> NewDirectorInAAsync()
    {
        await using var scope = Db.PcnScope(A.PcnId, actor: "matrix");
        var director = await scope.ServiceProvider.GetRequiredService<NetworkService>().AddClinicalDirectorAsync(
            new ClinicalDirectorInput($"Dr Fresh {Next()}", null, 1m, new DateOnly(2021, 1, 1), null));
        return director.ClinicalDirectorId;
    }

    /// <summary>Gives A a nominated payee, so its page shows the form that clears it.</summary>
    public async Task SetPayeeInAAsync()
    {
        await using var scope = Db.PcnScope(A.PcnId, actor: "matrix");
        await scope.ServiceProvider.GetRequiredService<NetworkService>().SetNominatedPayeeAsync(new NominatedPayeeInput(A.PracticeCodes[0], "Alder payee"));
    }

    public async Task<string> NewUserInAAsync()
    {
        await using var scope = Db.SystemScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(A.PcnId,
            new NewUserInput($"fresh{Next()}@a.test", "Fresh user", TestNetworks.Password, [Roles.Clinician], null));
        return user.UserId;
    }

    /// <summary>Every row B owns, and its users and their roles, as one comparable text.</summary>
    public async Task<string> SnapshotBAsync()
    {
        await using var scope = Db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var pcnId = B.PcnId;
        var pcn = await context.Pcns.AsNoTracking().Where(p => p.PcnId == pcnId)
            .Select(p => new { p.Name, p.Code, p.NominatedPayee, p.PopulationVariation, p.PopulationVariationNote, p.Geography }).SingleAsync();
        var practices = await context.Practices.AsNoTracking().Where(p => p.PcnId == pcnId).OrderBy(p => p.PracticeCode)
            .Select(p => new { p.PracticeCode, p.Name, p.Postcode, p.ClinicalSystem }).ToListAsync();
        var memberships = await context.PracticeMemberships.AsNoTracking().Where(m => m.PcnId == pcnId)
            .OrderBy(m => m.PracticeCode).ThenBy(m => m.StartDate).Select(m => new { m.PracticeCode, m.StartDate, m.EndDate }).ToListAsync();
        var listSizes = await context.ListSizes.AsNoTracking().Where(l => l.PcnId == pcnId)
            .OrderBy(l => l.PracticeCode).ThenBy(l => l.CensusDate).Select(l => new { l.PracticeCode, l.CensusDate, l.Registered, l.Weighted, l.Adjusted, l.Source }).ToListAsync();
        var partners = await context.NetworkPartners.AsNoTracking().Where(p => p.PcnId == pcnId)
            .OrderBy(p => p.PartnerId).Select(p => new { p.PartnerId, p.Name, p.Kind, p.OdsCode, p.StartDate, p.EndDate, p.Contact }).ToListAsync();
        var directors = await context.ClinicalDirectors.AsNoTracking().Where(d => d.PcnId == pcnId)
            .OrderBy(d => d.ClinicalDirectorId).Select(d => new { d.ClinicalDirectorId, d.Name, d.PracticeCode, d.FundedSessionsPerWeek, d.StartDate, d.EndDate }).ToListAsync();
        var users = await context.Users.AsNoTracking().Where(u => u.PcnId == pcnId).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PracticeCode, u.PasswordHash, u.SecurityStamp }).ToListAsync();
        var roles = await (from ur in context.UserRoles
                           join u in context.Users on ur.UserId equals u.Id
                           join r in context.Roles on ur.RoleId equals r.Id
                           where u.PcnId == pcnId
                           orderby u.Email, r.Name
                           select new { u.Email, r.Name }).ToListAsync();
        var audit = await context.AuditEvents.Where(e => e.PcnId == pcnId).CountAsync();
        var patients = await context.Patients.AsNoTracking().Where(p => p.PcnId == pcnId).OrderBy(p => p.PatientId)
            .Select(p => new { p.PatientId, p.PracticeCode, p.DateOfBirth }).ToListAsync();
        var events = await context.ClinicalEvents.Where(e => e.PcnId == pcnId).CountAsync();
        var recordImports = await context.RecordImports.AsNoTracking().Where(r => r.PcnId == pcnId).OrderBy(r => r.ImportId)
            .Select(r => new { r.ImportId, r.Status, r.Source }).ToListAsync();
        var caseFinding = await SnapshotCaseFindingBAsync(context);
        var workforce = await SnapshotWorkforceBAsync(context);
        var claims = await SnapshotClaimsBAsync(context);
        return JsonSerializer.Serialize(new { pcn, practices, memberships, listSizes, partners, directors, users, roles, audit, patients, events, recordImports, caseFinding, workforce, claims });
    }

    /// <summary>Set-up that needs the national directory: a PCN to onboard and one import run to read.</summary>
    public async Task PrepareDirectoryAsync()
    {
        await using var scope = Db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var onboarded = await context.Pcns.Select(p => p.Code).ToListAsync();
        var candidates = await context.DirectoryPcns.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).Take(50).ToListAsync();
        DirectoryPcnCode = candidates.Where(c => !onboarded.Contains(c)).Select(c => c.Value).FirstOrDefault();

        var directory = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        using var file = new MemoryStream(BadListSizeFile.Bytes);
        ImportRunId = (await directory.ImportAsync(file, "gp-reg-pat-prac-all.csv", DirectoryFileKind.PatientsRegistered)).ImportRunId;

        // An import by B's administrator: the runs are install-wide, but A's administrators must not learn who ran it.
        await using var asB = Db.PcnScope(B.PcnId, actor: B.User(Roles.Administrator).UserId);
        using var bFile = new MemoryStream(BadListSizeFile.Bytes);
        await asB.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(bFile, "b-list-sizes.csv", DirectoryFileKind.PatientsRegistered);
    }

    /// <summary>Set-up for the population pages: a patient, an event and an import run with quarantine in each network.</summary>
    public async Task PreparePopulationAsync()
    {
        await using var scope = Db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var a = new RecordSeeder(context, A.PcnId);
        await a.PatientAsync(APatientId, ANhsNumber, A.PracticeCodes[0], new DateOnly(1950, 1, 1), Sex.Female);
        await a.EventAsync(APatientId, EventKind.Condition, "38341003", new DateOnly(2015, 1, 1), "Hypertension");
        AImportId = await a.ImportAsync("alder-export.ndjson", RecordImportStatus.Completed, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            "{}", ("Invalid NHS number", "Patient"));
        var b = new RecordSeeder(context, B.PcnId);
        await b.PatientAsync(BPatientId, BNhsNumber, B.PracticeCodes[0], new DateOnly(1960, 1, 1), Sex.Male);
        await b.EventAsync(BPatientId, EventKind.Condition, "73211009", new DateOnly(2016, 1, 1), "Birch secret diagnosis");
        BImportId = await b.ImportAsync(BImportSource, RecordImportStatus.Completed, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            "{}", ("Birch secret quarantine reason", "Patient"));
    }

    public static async Task<IdentityResult> UnlockAsync(TestDatabase db, string email)
    {
        await using var scope = db.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpenPcnUser>>();
        var user = await users.FindByEmailAsync(email);
        return await users.ResetAccessFailedCountAsync(user!);
    }
}

/// <summary>A small list-size file with one good row and rows a person might get wrong.</summary>
public static class BadListSizeFile
{
    public const string Text =
        "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,Z81001,LS1 1AA,ALL,ALL,12100\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,NOTACODE,LS1 1AA,ALL,ALL,900\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,Z81002,LS1 1AA,ALL,ALL,lots\n" +
        "GP_PRAC_PAT_LIST,31FEB2026,GP,Z81002,LS1 1AA,ALL,ALL,9100\n";

    public static byte[] Bytes => System.Text.Encoding.UTF8.GetBytes(Text);
}
