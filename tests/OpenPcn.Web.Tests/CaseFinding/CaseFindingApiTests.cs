using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;
using static OpenPcn.Web.Tests.CaseFinding.CaseFindingPageTestsSeed;

namespace OpenPcn.Web.Tests.CaseFinding;

[Trait("Category", "Functional")]
public sealed class CaseFindingApiTests
{
    [Fact]
    public async Task RunThenGetRows_AsClinician_ReturnsTheWorklistWithReasonsAndAuditsTheView()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        using var run = await api.PostAsJsonAsync($"/api/v1/case-finding/definitions/{definition}/run", new { asOf = "2026-11-23" });
        var worklist = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("worklist");
        var id = worklist.GetProperty("worklistId").GetGuid();
        using var rows = await api.GetAsync($"/api/v1/case-finding/worklists/{id}/rows?practice=Z81001");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(2, worklist.GetProperty("qualifying").GetInt32());
        var page = await rows.Content.ReadFromJsonAsync<JsonElement>();
        var row = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(Patient1, row.GetProperty("patientId").GetInt64());
        Assert.Equal("aged 76; codes 38341003: latest 2020-03-01", row.GetProperty("reason").GetString());
        Assert.Equal("ToDo", row.GetProperty("status").GetString());
        var viewed = Assert.Single(await AuditAsync(db, WorklistService.ViewAction));
        Assert.Equal(a.User(Roles.Clinician).UserId, viewed.UserId);
    }

    [Fact]
    public async Task Run_ImpossibleAsOfOrPracticeOutsideTheNetwork_IsAValidationProblem()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        using var early = await api.PostAsJsonAsync($"/api/v1/case-finding/definitions/{definition}/run", new { asOf = "0001-01-01" });
        using var late = await api.PostAsJsonAsync($"/api/v1/case-finding/definitions/{definition}/run", new { asOf = "9999-12-31" });
        using var outside = await api.PostAsJsonAsync($"/api/v1/case-finding/definitions/{definition}/run", new { practice = "Z99999" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (early.StatusCode, late.StatusCode, outside.StatusCode));
        Assert.True((await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("indexDate", out _));
        Assert.True((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("indexDate", out _));
        Assert.True((await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("practice", out _));
    }

    [Fact]
    public async Task SetStatusAndAssign_Rows_ChangeThemAndTheSummaryAndABadStatusIsAValidationProblem()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        var id = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);

        using var status = await api.PostAsJsonAsync($"/api/v1/case-finding/worklists/{id}/status", new { patientIds = new[] { Patient1, Patient2 }, status = "Done" });
        using var assign = await api.PostAsJsonAsync($"/api/v1/case-finding/worklists/{id}/assign", new { patientIds = new[] { Patient1 }, assignee = "Z81002" });
        using var bad = await api.PostAsJsonAsync($"/api/v1/case-finding/worklists/{id}/status", new { patientIds = new[] { Patient1 }, status = "Finished" });
        using var badAssignee = await api.PostAsJsonAsync($"/api/v1/case-finding/worklists/{id}/assign", new { patientIds = new[] { Patient1 }, assignee = "Z99999" });
        var summary = await api.GetFromJsonAsync<JsonElement>($"/api/v1/case-finding/worklists/{id}/summary");

        Assert.Equal(2, (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt32());
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal(WorklistStatus.Done, await StatusAsync(db, id, Patient1));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAssignee.StatusCode);
        Assert.True((await badAssignee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("assignee", out _));
        Assert.All(summary.EnumerateArray(), p => Assert.Equal(100.0, p.GetProperty("percentDone").GetDouble()));
    }

    [Fact]
    public async Task ExportCsvAndXlsx_Worklist_AreFilesWithNhsNumbersAndEachIsAudited()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        var id = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        using var csv = await api.GetAsync($"/api/v1/case-finding/worklists/{id}/export.csv");
        using var xlsx = await api.GetAsync($"/api/v1/case-finding/worklists/{id}/export.xlsx");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains(Nhs1 + ",1950-03-01,", text, StringComparison.Ordinal);
        Assert.Contains(Nhs2, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Nhs3, text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await AuditAsync(db, WorklistService.ExportAction)).Count);
    }

    [Fact]
    public async Task LocalDefinitions_PreviewCreateAndShow_CountSaveAndReturnTheJsonAndAClinicianMayNotSave()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var director = await Browser.ApiClientAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);
        using var clinician = await Browser.ApiClientAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);
        var form = HypertensionForm("Women with hypertension");
        form.Sex = "female";

        using var preview = await director.PostAsJsonAsync("/api/v1/case-finding/local-definitions/preview", new { form });
        using var created = await director.PostAsJsonAsync("/api/v1/case-finding/local-definitions", form);
        using var refused = await clinician.PostAsJsonAsync("/api/v1/case-finding/local-definitions", form);
        using var invalid = await director.PostAsJsonAsync("/api/v1/case-finding/local-definitions", new CohortBuilderForm());
        var shown = await director.GetFromJsonAsync<JsonElement>("/api/v1/case-finding/definitions/women-with-hypertension");

        Assert.Equal(1, (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/case-finding/local-definitions/women-with-hypertension", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(shown.GetProperty("summary").GetProperty("isLocal").GetBoolean());
        Assert.Contains("\"female\"", shown.GetProperty("json").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDefinitionsAndStratify_BuiltIns_AreListedAndTheCohortIsSplitByDeprivationAndEthnicity()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.PracticeManager).Email, TestNetworks.Password);

        var definitions = await api.GetFromJsonAsync<JsonElement>("/api/v1/case-finding/definitions");
        var strata = await api.GetFromJsonAsync<JsonElement>($"/api/v1/case-finding/definitions/{definition}/stratify");

        var names = definitions.EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Contains("hypertension-register", names);
        Assert.Contains(definition, names);
        // A practice manager's figures are their own practice's: Z81001 has two registered patients, one in the cohort.
        var all = strata.EnumerateArray().First();
        Assert.Equal(("all", 2, 1), (all.GetProperty("dimension").GetString(), all.GetProperty("registered").GetInt32(), all.GetProperty("inCohort").GetInt32()));
    }
}
