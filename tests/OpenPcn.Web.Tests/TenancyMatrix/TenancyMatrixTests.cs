using System.Net;
using System.Net.Http.Json;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// The tenancy matrix: every API endpoint and every page, for every role, about the caller's own network and about
/// another network. Each answer must match the role's policy; nothing of network B may appear in anything shown to
/// network A's users; and every write attempt must leave B's rows exactly as they were. Runs on SQLite and PostgreSQL.
/// </summary>
[Trait("Category", "Functional")]
public sealed class TenancyMatrixTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_EveryEndpointRoleAndNetwork_AnswersByPolicyAndNeverCrossesNetworks(DatabaseProvider provider)
    {
        await using var run = await MatrixRun.StartAsync(provider);
        var endpoints = Endpoints.All(run.App.Services).Where(e => e.IsApi).ToList();
        AssertTableCoversAndAgrees(endpoints, ApiMatrix.Entries, []);

        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            clients[role] = await Browser.ApiClientAsync(run.App, run.Context.A.User(role).Email, TestNetworks.Password);
        }

        var failures = await run.PlayAsync(ApiMatrix.Entries, role => clients[role], deniedStatus: HttpStatusCode.Forbidden);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} matrix failure(s):\n{string.Join("\n", failures)}");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_EveryPageRoleAndNetwork_AnswersByPolicyAndNeverCrossesNetworks(DatabaseProvider provider)
    {
        await using var run = await MatrixRun.StartAsync(provider);
        var pages = Endpoints.All(run.App.Services).Where(e => !e.IsApi && e.Method is "GET" or "HEAD").ToList();
        AssertTableCoversAndAgrees(pages, PageMatrix.Entries, PageMatrix.NotInMatrix.Keys);

        var browsers = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            browsers[role] = await Browser.SignedInAsync(run.App, run.Context.A.User(role).Email, TestNetworks.Password);
        }

        var failures = await run.PlayAsync(PageMatrix.Entries, role => browsers[role], deniedStatus: HttpStatusCode.Redirect);
        Assert.True(failures.Count == 0, $"{failures.Count} matrix failure(s):\n{string.Join("\n", failures)}");
    }

    private static void AssertTableCoversAndAgrees(IReadOnlyList<AppEndpoint> endpoints, IReadOnlyList<MatrixEntry> table, IEnumerable<string> excluded)
    {
        var keys = table.Select(e => e.Key).ToHashSet();
        var missing = endpoints.Select(e => e.Key).Except(keys).Except(excluded).ToList();
        Assert.True(missing.Count == 0, $"Endpoints with no tenancy matrix entry: {string.Join(", ", missing)}");
        var stale = keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, $"Matrix entries for routes the app does not have: {string.Join(", ", stale)}");

        foreach (var entry in table)
        {
            var declared = MatrixRun.Declared(endpoints.Single(e => e.Key == entry.Key));
            Assert.True(declared == entry.Access, $"{entry.Key} declares {declared} but the matrix expects {entry.Access}.");
        }
    }
}

/// <summary>One matrix run: a database with networks A and B, the app on it, and the player of a table.</summary>
internal sealed class MatrixRun : IAsyncDisposable
{
    private MatrixRun(TestDatabase db, OpenPcnWebFactory app, MatrixContext context)
    {
        Db = db;
        App = app;
        Context = context;
    }

    public TestDatabase Db { get; }

    public OpenPcnWebFactory App { get; }

    public MatrixContext Context { get; }

    public static async Task<MatrixRun> StartAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await TestNetworks.SeedTwoAsync(db);
        var app = new OpenPcnWebFactory(db);
        app.CreateClient().Dispose(); // start-up loads the shipped national directory
        var context = new MatrixContext(db, a, b);
        await context.PrepareDirectoryAsync();
        await context.PreparePopulationAsync();
        await context.PrepareCaseFindingAsync();
        await context.PrepareFinanceAsync();
        await context.PrepareWorkforceAsync();
        await context.PrepareClaimsAsync();
        return new MatrixRun(db, app, context);
    }

    /// <summary>Who the endpoint's own metadata lets in.</summary>
    public static Access Declared(AppEndpoint endpoint) =>
        endpoint.AllowsAnonymous ? Access.Anyone
        : endpoint.Policies.Contains(Policies.Administer) ? Access.Administer
        : endpoint.Policies.Contains(Policies.ManageUsers) ? Access.ManageUsers
        : endpoint.Policies.Contains(Policies.EditNetwork) ? Access.EditNetwork
        : endpoint.Policies.Contains(Policies.ViewPatientRecords) ? Access.ViewPatientRecords
        : endpoint.Policies.Contains(Policies.ImportRecords) ? Access.ImportRecords
        : endpoint.Policies.Contains(Policies.ViewDataQuality) ? Access.ViewDataQuality
        : endpoint.Policies.Contains(Policies.EditLocalDefinitions) ? Access.EditLocalDefinitions
        : endpoint.Policies.Contains(Policies.EditWorkforce) ? Access.EditWorkforce
        : endpoint.Policies.Contains(Policies.ViewWorkforce) ? Access.ViewWorkforce
        : endpoint.Policies.Contains(Policies.EditFinance) ? Access.EditFinance
        : endpoint.Policies.Contains(Policies.ViewFinance) ? Access.ViewFinance
        : endpoint.Policies.Contains(Policies.ViewStatements) ? Access.ViewStatements
        : endpoint.Policies.Contains(Policies.WorkWorklists) ? Access.WorkWorklists
        : endpoint.Policies.Contains(Policies.ViewNetwork) ? Access.ViewNetwork
        : Access.SignedIn;

    public static bool IsAllowed(Access access, string role) => access switch
    {
        Access.Anyone or Access.SignedIn or Access.ViewNetwork => true,
        Access.EditNetwork => Policies.EditNetworkRoles.Contains(role),
        Access.ManageUsers => Policies.ManageUsersRoles.Contains(role),
        Access.Administer => role == Roles.Administrator,
        Access.ViewPatientRecords => Policies.ViewPatientRecordsRoles.Contains(role),
        Access.ImportRecords => Policies.ImportRecordsRoles.Contains(role),
        Access.ViewDataQuality => Policies.ViewDataQualityRoles.Contains(role),
        Access.WorkWorklists => Policies.WorkWorklistsRoles.Contains(role),
        Access.EditLocalDefinitions => Policies.EditLocalDefinitionsRoles.Contains(role),
        Access.ViewWorkforce => Policies.ViewWorkforceRoles.Contains(role),
        Access.EditWorkforce => Policies.EditWorkforceRoles.Contains(role),
        Access.ViewFinance => Policies.ViewFinanceRoles.Contains(role),
        Access.EditFinance => Policies.EditFinanceRoles.Contains(role),
        Access.ViewStatements => Policies.ViewStatementsRoles.Contains(role),
        _ => false,
    };

    public async Task<List<string>> PlayAsync(IReadOnlyList<MatrixEntry> table, Func<string, HttpClient> clientFor, HttpStatusCode deniedStatus)
    {
        var failures = new List<string>();
        var before = await Context.SnapshotBAsync();
        foreach (var entry in table)
        {
            foreach (var role in Roles.All)
            {
                var allowed = IsAllowed(entry.Access, role);
                var own = await entry.Own(Context);
                await CheckAsync(failures, entry, role, "own", own, allowed ? [entry.OwnStatus] : [deniedStatus], clientFor(role), allowClash: false);
                if (entry.Other is not null)
                {
                    var other = await entry.Other(Context);
                    await CheckAsync(failures, entry, role, "other", other, allowed ? entry.OtherStatuses! : [deniedStatus], clientFor(role),
                        allowClash: entry.OtherMayNameTheClashingNetwork);
                }

                if (entry.IsWrite && await Context.SnapshotBAsync() != before)
                {
                    failures.Add($"{entry.Key} as {role}: network B's rows CHANGED");
                    before = await Context.SnapshotBAsync();
                }
            }
        }

        if (await Context.SnapshotBAsync() != before)
        {
            failures.Add("Network B's rows changed during the run");
        }

        return failures;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }

    private async Task CheckAsync(List<string> failures, MatrixEntry entry, string role, string which, MatrixRequest request,
        HttpStatusCode[] expected, HttpClient client, bool allowClash)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url)
        {
            Content = request.Content ?? (request.Json is null ? null : JsonContent.Create(request.Json)),
        };
        var label = $"{entry.Key} as {role} ({which}: {request.Method} {request.Url})";
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(message);
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            failures.Add($"{label}: the server failed: {e.InnerException?.InnerException?.Message ?? e.Message}");
            return;
        }

        using var disposeResponse = response;
        if (!expected.Contains(response.StatusCode))
        {
            failures.Add($"{label}: answered {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(s => (int)s))}. {Shorten(body)}");
        }

        if (response.StatusCode == HttpStatusCode.Redirect && expected.Contains(HttpStatusCode.Redirect)
            && response.Headers.Location?.AbsolutePath != "/access-denied")
        {
            failures.Add($"{label}: redirected to {response.Headers.Location} instead of the access-denied page");
        }

        // What the caller named themselves may be echoed back; anything else of B's must never appear.
        var sent = request.Describe();
        var clashAllowed = allowClash ? new[] { Context.B.Name, Context.B.Code }.Concat(Context.B.PracticeCodes).ToHashSet() : [];
        foreach (var secret in Context.Secrets.Where(s => !sent.Contains(s, StringComparison.OrdinalIgnoreCase) && !clashAllowed.Contains(s)))
        {
            if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{label}: the answer contains network B's '{secret}'");
            }
        }
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
