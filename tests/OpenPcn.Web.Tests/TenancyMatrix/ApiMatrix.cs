using System.Net;
using System.Net.Http.Headers;
using OpenPcn.Core.Features.Workforce.Claims;
using static System.Net.HttpStatusCode;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// Every API endpoint with a request about the caller's own network and, where a request can name something, one about
/// the other network. <see cref="TenancyMatrixTests"/> fails when an endpoint of the app is missing here.
/// </summary>
public static class ApiMatrix
{
    private const string V1 = "/api/v1";
    private static readonly HttpStatusCode[] NotFoundOnly = [NotFound];

    public static readonly IReadOnlyList<MatrixEntry> Entries =
    [
        // Security
        new("POST /api/v1/auth/token", Access.Anyone,
            c => Task.FromResult(new MatrixRequest("POST", $"{V1}/auth/token", new { email = c.A.User("Clinician").Email, password = TestNetworksPassword })), OK),
        new("GET /api/v1/me", Access.ViewNetwork, _ => Get($"{V1}/me"), OK),
        new("GET /api/v1/users/", Access.ManageUsers, _ => Get($"{V1}/users"), OK),
        new("GET /api/v1/users/{userId}", Access.ManageUsers, c => Get($"{V1}/users/{c.A.User("Clinician").UserId}"), OK,
            c => Get($"{V1}/users/{c.B.User("Clinician").UserId}"), NotFoundOnly),
        new("POST /api/v1/users/", Access.ManageUsers,
            c => Send("POST", $"{V1}/users", new { email = $"new{c.Next()}@a.test", displayName = "New user", password = TestNetworksPassword, roles = new[] { "Clinician" }, practiceCode = (string?)null }), Created,
            c => Send("POST", $"{V1}/users", new { email = $"new{c.Next()}@a.test", displayName = "Into B", password = TestNetworksPassword, roles = new[] { "PracticeManager" }, practiceCode = c.B.PracticeCodes[0] }), [BadRequest]),
        new("PUT /api/v1/users/{userId}/roles", Access.ManageUsers,
            async c => new MatrixRequest("PUT", $"{V1}/users/{await c.NewUserInAAsync()}/roles", new { roles = new[] { "FinanceLead" }, practiceCode = (string?)null }), OK,
            c => Send("PUT", $"{V1}/users/{c.B.User("Clinician").UserId}/roles", new { roles = new[] { "FinanceLead" }, practiceCode = (string?)null }), NotFoundOnly),
        new("POST /api/v1/users/{userId}/access/remove", Access.ManageUsers,
            async c => new MatrixRequest("POST", $"{V1}/users/{await c.NewUserInAAsync()}/access/remove"), OK,
            c => Send("POST", $"{V1}/users/{c.B.User("Clinician").UserId}/access/remove", null), NotFoundOnly),
        new("POST /api/v1/users/{userId}/access/restore", Access.ManageUsers,
            async c => new MatrixRequest("POST", $"{V1}/users/{await c.NewUserInAAsync()}/access/restore"), OK,
            c => Send("POST", $"{V1}/users/{c.B.User("Clinician").UserId}/access/restore", null), NotFoundOnly),

        // Network: reads
        new("GET /api/v1/network/", Access.ViewNetwork, _ => Get($"{V1}/network"), OK),
        new("GET /api/v1/network/practices/{code}", Access.ViewNetwork, c => Get($"{V1}/network/practices/{c.A.PracticeCodes[0]}"), OK,
            c => Get($"{V1}/network/practices/{c.B.PracticeCodes[0]}"), NotFoundOnly),
        new("GET /api/v1/network/partners", Access.ViewNetwork, _ => Get($"{V1}/network/partners"), OK),

        // Network: practices
        new("POST /api/v1/network/practices", Access.EditNetwork,
            c => Send("POST", $"{V1}/network/practices", new { code = c.NewCode(), name = "Added practice", postcode = "LS2 2BB", clinicalSystem = "Tpp", memberFrom = "2026-04-01" }), Created,
            // The one answer that names another network: a practice belongs to one PCN at a time (public ODS data).
            c => Send("POST", $"{V1}/network/practices", new { code = c.B.PracticeCodes[0], name = "Taken", postcode = "LS2 2BB", clinicalSystem = "Tpp", memberFrom = "2026-04-01" }), [Conflict],
            OtherMayNameTheClashingNetwork: true),
        new("PUT /api/v1/network/practices/{code}", Access.EditNetwork,
            c => Send("PUT", $"{V1}/network/practices/{c.A.PracticeCodes[0]}", new { name = c.A.PracticeNames[0], postcode = "LS1 1AA", clinicalSystem = "Emis" }), OK,
            c => Send("PUT", $"{V1}/network/practices/{c.B.PracticeCodes[0]}", new { name = "Renamed by A", postcode = "LS1 1AA", clinicalSystem = "Emis" }), NotFoundOnly),
        new("POST /api/v1/network/practices/{code}/memberships", Access.EditNetwork,
            async c => new MatrixRequest("POST", $"{V1}/network/practices/{await c.NewPracticeInAAsync()}/memberships", new { startDate = "2010-01-01", endDate = "2010-12-31" }), OK,
            c => Send("POST", $"{V1}/network/practices/{c.B.PracticeCodes[0]}/memberships", new { startDate = "2010-01-01", endDate = "2010-12-31" }), NotFoundOnly),
        new("POST /api/v1/network/practices/{code}/memberships/end", Access.EditNetwork,
            async c => new MatrixRequest("POST", $"{V1}/network/practices/{await c.NewPracticeInAAsync()}/memberships/end", new { lastDay = "2026-03-31" }), OK,
            c => Send("POST", $"{V1}/network/practices/{c.B.PracticeCodes[0]}/memberships/end", new { lastDay = "2026-03-31" }), NotFoundOnly),
        new("POST /api/v1/network/practices/{code}/list-sizes", Access.EditNetwork,
            c => Send("POST", $"{V1}/network/practices/{c.A.PracticeCodes[0]}/list-sizes", new { censusDate = "2025-01-01", registered = 11_800, weighted = 12_000.5m, adjusted = (decimal?)null }), OK,
            c => Send("POST", $"{V1}/network/practices/{c.B.PracticeCodes[0]}/list-sizes", new { censusDate = "2025-01-01", registered = 1, weighted = (decimal?)null, adjusted = (decimal?)null }), NotFoundOnly),
        new("POST /api/v1/network/list-sizes/refresh", Access.EditNetwork, _ => Send("POST", $"{V1}/network/list-sizes/refresh", null), OK),

        // Network: partners
        new("POST /api/v1/network/partners", Access.EditNetwork,
            c => Send("POST", $"{V1}/network/partners", Partner($"Added partner {c.Next()}")), Created),
        new("PUT /api/v1/network/partners/{partnerId:guid}", Access.EditNetwork,
            async c => new MatrixRequest("PUT", $"{V1}/network/partners/{await c.NewPartnerInAAsync()}", Partner("Changed partner")), OK,
            c => Send("PUT", $"{V1}/network/partners/{c.B.PartnerId}", Partner("Hijacked")), NotFoundOnly),
        new("DELETE /api/v1/network/partners/{partnerId:guid}", Access.EditNetwork,
            async c => new MatrixRequest("DELETE", $"{V1}/network/partners/{await c.NewPartnerInAAsync()}"), NoContent,
            c => Send("DELETE", $"{V1}/network/partners/{c.B.PartnerId}", null), NotFoundOnly),

        // Network: clinical directors, payee, population variation
        new("POST /api/v1/network/clinical-directors", Access.EditNetwork,
            c => Send("POST", $"{V1}/network/clinical-directors", Director(c.A.PracticeCodes[0])), Created,
            c => Send("POST", $"{V1}/network/clinical-directors", Director(c.B.PracticeCodes[0])), [BadRequest]),
        new("PUT /api/v1/network/clinical-directors/{clinicalDirectorId:guid}", Access.EditNetwork,
            async c => new MatrixRequest("PUT", $"{V1}/network/clinical-directors/{await c.NewDirectorInAAsync()}", Director(null)), OK,
            c => Send("PUT", $"{V1}/network/clinical-directors/{c.B.DirectorId}", Director(null)), NotFoundOnly),
        new("DELETE /api/v1/network/clinical-directors/{clinicalDirectorId:guid}", Access.EditNetwork,
            async c => new MatrixRequest("DELETE", $"{V1}/network/clinical-directors/{await c.NewDirectorInAAsync()}"), NoContent,
            c => Send("DELETE", $"{V1}/network/clinical-directors/{c.B.DirectorId}", null), NotFoundOnly),
        new("PUT /api/v1/network/payee", Access.EditNetwork,
            c => Send("PUT", $"{V1}/network/payee", new { organisationCode = c.A.PracticeCodes[0], name = "Alder payee" }), NoContent),
        new("DELETE /api/v1/network/payee", Access.EditNetwork, _ => Send("DELETE", $"{V1}/network/payee", null), NoContent),
        new("PUT /api/v1/network/population-variation", Access.EditNetwork,
            _ => Send("PUT", $"{V1}/network/population-variation", new { variation = "ApprovedSmaller", note = "ICB letter of 3 March 2025" }), NoContent),

        // The national directory and onboarding are install-wide: no request can name another network's rows.
        new("GET /api/v1/directory/", Access.Administer, _ => Get($"{V1}/directory"), OK),
        new("GET /api/v1/directory/imports", Access.Administer, _ => Get($"{V1}/directory/imports"), OK),
        new("GET /api/v1/directory/imports/{importRunId:guid}", Access.Administer, c => Get($"{V1}/directory/imports/{c.ImportRunId}"), OK,
            _ => Get($"{V1}/directory/imports/{Guid.CreateVersion7()}"), NotFoundOnly),
        new("POST /api/v1/directory/imports", Access.Administer, _ => Task.FromResult(Upload()), Created),
        new("GET /api/v1/onboarding/candidates", Access.Administer, _ => Get($"{V1}/onboarding/candidates?q=PCN"), OK),
        new("GET /api/v1/onboarding/candidates/{code}", Access.Administer, c => Get($"{V1}/onboarding/candidates/{c.DirectoryPcnCode}"), OK,
            c => Get($"{V1}/onboarding/candidates/{c.B.Code}"), NotFoundOnly),
        new("POST /api/v1/onboarding/", Access.Administer,
            c => Send("POST", $"{V1}/onboarding", new { code = c.DirectoryPcnCode, firstUser = new { email = $"first{c.Next()}@new.test", displayName = "First manager", password = TestNetworksPassword } }), Created,
            c => Send("POST", $"{V1}/onboarding", new { code = c.B.Code, firstUser = (object?)null }), [NotFound, Conflict]),

        // Population: patient records, data quality, record imports
        new("GET /api/v1/population/patients/", Access.ViewPatientRecords, c => Get($"{V1}/population/patients?practice={c.A.PracticeCodes[0]}"), OK,
            c => Get($"{V1}/population/patients?practice={c.B.PracticeCodes[0]}"), [OK]),
        // An NHS number only ever in the body; B's patient is simply not found (an empty page).
        new("POST /api/v1/population/patients/search", Access.ViewPatientRecords, c => Send("POST", $"{V1}/population/patients/search", new { nhsNumber = c.ANhsNumber }), OK,
            c => Send("POST", $"{V1}/population/patients/search", new { nhsNumber = c.BNhsNumber }), [OK]),
        new("GET /api/v1/population/patients/{patientId:long}", Access.ViewPatientRecords, c => Get($"{V1}/population/patients/{c.APatientId}"), OK,
            c => Get($"{V1}/population/patients/{c.BPatientId}"), NotFoundOnly),
        new("GET /api/v1/population/data-quality", Access.ViewDataQuality, _ => Get($"{V1}/population/data-quality"), OK),
        new("GET /api/v1/population/imports/", Access.ImportRecords, _ => Get($"{V1}/population/imports"), OK),
        new("GET /api/v1/population/imports/{importId:guid}", Access.ImportRecords, c => Get($"{V1}/population/imports/{c.AImportId}"), OK,
            c => Get($"{V1}/population/imports/{c.BImportId}"), NotFoundOnly),
        new("POST /api/v1/population/imports/", Access.ImportRecords, _ => Task.FromResult(RecordsUpload()), Accepted,
            _ => Task.FromResult(new MatrixRequest("POST", $"{V1}/population/imports", Content: new MultipartFormDataContent { { new StringContent("/tmp"), "folder" } })),
            [BadRequest]),

        // Case finding: definitions, worklists (patient rows: audited) and local definitions. B's are simply not found.
        new("GET /api/v1/case-finding/definitions/", Access.WorkWorklists, _ => Get($"{V1}/case-finding/definitions"), OK),
        new("GET /api/v1/case-finding/definitions/{name}", Access.WorkWorklists, c => Get($"{V1}/case-finding/definitions/{c.ADefinition}"), OK,
            c => Get($"{V1}/case-finding/definitions/{c.BDefinition}"), NotFoundOnly),
        new("POST /api/v1/case-finding/definitions/{name}/run", Access.WorkWorklists,
            c => Send("POST", $"{V1}/case-finding/definitions/{c.ADefinition}/run", new { }), OK,
            c => Send("POST", $"{V1}/case-finding/definitions/{c.BDefinition}/run", new { }), NotFoundOnly),
        new("GET /api/v1/case-finding/definitions/{name}/stratify", Access.WorkWorklists, c => Get($"{V1}/case-finding/definitions/{c.ADefinition}/stratify"), OK,
            c => Get($"{V1}/case-finding/definitions/{c.BDefinition}/stratify"), NotFoundOnly),
        new("GET /api/v1/case-finding/codelists", Access.WorkWorklists, _ => Get($"{V1}/case-finding/codelists"), OK),
        new("GET /api/v1/case-finding/worklists/", Access.WorkWorklists, _ => Get($"{V1}/case-finding/worklists"), OK),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}", Access.WorkWorklists, c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}"), NotFoundOnly),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}/rows", Access.WorkWorklists, c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}/rows"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}/rows"), NotFoundOnly),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}/summary", Access.WorkWorklists, c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}/summary"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}/summary"), NotFoundOnly),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}/rows/{patientId:long}/history", Access.WorkWorklists,
            c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}/rows/{c.APatientId}/history"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}/rows/{c.BPatientId}/history"), NotFoundOnly),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}/assignees", Access.WorkWorklists,
            c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}/assignees"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}/assignees"), NotFoundOnly),
        new("POST /api/v1/case-finding/worklists/{worklistId:guid}/status", Access.WorkWorklists,
            c => Send("POST", $"{V1}/case-finding/worklists/{c.AWorklistId}/status", new { patientIds = new[] { c.APatientId }, status = "Contacted", note = "matrix" }), OK,
            c => Send("POST", $"{V1}/case-finding/worklists/{c.BWorklistId}/status", new { patientIds = new[] { c.BPatientId }, status = "Done", note = "from A" }), NotFoundOnly),
        new("POST /api/v1/case-finding/worklists/{worklistId:guid}/assign", Access.WorkWorklists,
            c => Send("POST", $"{V1}/case-finding/worklists/{c.AWorklistId}/assign", new { patientIds = new[] { c.APatientId }, assignee = c.A.PracticeCodes[0] }), OK,
            c => Send("POST", $"{V1}/case-finding/worklists/{c.BWorklistId}/assign", new { patientIds = new[] { c.BPatientId }, assignee = (string?)null }), NotFoundOnly),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}/export.csv", Access.WorkWorklists,
            c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}/export.csv"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}/export.csv"), NotFoundOnly),
        new("GET /api/v1/case-finding/worklists/{worklistId:guid}/export.xlsx", Access.WorkWorklists,
            c => Get($"{V1}/case-finding/worklists/{c.AWorklistId}/export.xlsx"), OK,
            c => Get($"{V1}/case-finding/worklists/{c.BWorklistId}/export.xlsx"), NotFoundOnly),
        new("GET /api/v1/case-finding/local-definitions/", Access.WorkWorklists, _ => Get($"{V1}/case-finding/local-definitions"), OK),
        new("GET /api/v1/case-finding/local-definitions/{name}", Access.WorkWorklists, c => Get($"{V1}/case-finding/local-definitions/{c.ADefinition}"), OK,
            c => Get($"{V1}/case-finding/local-definitions/{c.BDefinition}"), NotFoundOnly),
        new("POST /api/v1/case-finding/local-definitions/preview", Access.WorkWorklists,
            _ => Send("POST", $"{V1}/case-finding/local-definitions/preview", new { form = MatrixContext.Form("Preview", "38341003") }), OK),
        new("POST /api/v1/case-finding/local-definitions/", Access.EditLocalDefinitions,
            c => Send("POST", $"{V1}/case-finding/local-definitions", MatrixContext.Form($"Matrix cohort {c.Next()}", "38341003")), Created),
        new("PUT /api/v1/case-finding/local-definitions/{name}", Access.EditLocalDefinitions,
            async c => new MatrixRequest("PUT", $"{V1}/case-finding/local-definitions/{await c.NewLocalDefinitionInAAsync()}", MatrixContext.Form("Changed", "38341003")), OK,
            c => Send("PUT", $"{V1}/case-finding/local-definitions/{c.BDefinition}", MatrixContext.Form("Hijacked", "38341003")), NotFoundOnly),
        new("DELETE /api/v1/case-finding/local-definitions/{name}", Access.EditLocalDefinitions,
            async c => new MatrixRequest("DELETE", $"{V1}/case-finding/local-definitions/{await c.NewLocalDefinitionInAAsync()}"), NoContent,
            c => Send("DELETE", $"{V1}/case-finding/local-definitions/{c.BDefinition}", null), NotFoundOnly),

        .. MatrixContext.FinanceApi,
        // Workforce: staff, contracts, deployments and planned posts. B's are not found; a fresh target where a request changes it.
        new("GET /api/v1/workforce/staff/", Access.ViewWorkforce, _ => Get($"{V1}/workforce/staff"), OK),
        new("GET /api/v1/workforce/staff/{staffMemberId:guid}", Access.ViewWorkforce, c => Get($"{V1}/workforce/staff/{c.AStaffId}"), OK,
            c => Get($"{V1}/workforce/staff/{c.BStaffId}"), NotFoundOnly),
        new("POST /api/v1/workforce/staff/", Access.EditWorkforce, c => Send("POST", $"{V1}/workforce/staff", new { name = $"Matrix person {c.Next()}" }), Created),
        new("PUT /api/v1/workforce/staff/{staffMemberId:guid}", Access.EditWorkforce,
            c => Send("PUT", $"{V1}/workforce/staff/{c.AStaffId}", new { name = "Alder pharmacist", professionalRegistration = "GPhC 2200001" }), OK,
            c => Send("PUT", $"{V1}/workforce/staff/{c.BStaffId}", new { name = "Renamed by A" }), NotFoundOnly),
        new("POST /api/v1/workforce/staff/{staffMemberId:guid}/contracts", Access.EditWorkforce,
            async c => new MatrixRequest("POST", $"{V1}/workforce/staff/{await c.NewStaffInAAsync()}/contracts", MatrixContext.ContractJson(c.A.PracticeCodes[0])), Created,
            c => Send("POST", $"{V1}/workforce/staff/{c.BStaffId}/contracts", MatrixContext.ContractJson(c.B.PracticeCodes[0])), NotFoundOnly),
        new("PUT /api/v1/workforce/staff/{staffMemberId:guid}/contracts/{contractId:guid}", Access.EditWorkforce,
            async c => await c.NewContractInAAsync() is var (s, k)
                ? new MatrixRequest("PUT", $"{V1}/workforce/staff/{s}/contracts/{k}", MatrixContext.ContractJson(c.A.PracticeCodes[0]))
                : throw new InvalidOperationException(), OK,
            c => Send("PUT", $"{V1}/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}", MatrixContext.ContractJson(c.B.PracticeCodes[0])), NotFoundOnly),
        new("POST /api/v1/workforce/staff/{staffMemberId:guid}/contracts/{contractId:guid}/end", Access.EditWorkforce,
            async c => await c.NewContractInAAsync() is var (s, k)
                ? new MatrixRequest("POST", $"{V1}/workforce/staff/{s}/contracts/{k}/end", new { lastDay = "2026-09-20" })
                : throw new InvalidOperationException(), OK,
            c => Send("POST", $"{V1}/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/end", new { lastDay = "2026-09-20" }), NotFoundOnly),
        new("PUT /api/v1/workforce/staff/{staffMemberId:guid}/contracts/{contractId:guid}/deployments", Access.EditWorkforce,
            c => Send("PUT", $"{V1}/workforce/staff/{c.AStaffId}/contracts/{c.AContractId}/deployments",
                new { deployments = new[] { new { practice = c.A.PracticeCodes[0], sessionsPerWeek = 10m } } }), OK,
            c => Send("PUT", $"{V1}/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/deployments",
                new { deployments = new[] { new { practice = c.A.PracticeCodes[0], sessionsPerWeek = 2m } } }), NotFoundOnly),
        new("GET /api/v1/workforce/planned-posts/", Access.ViewWorkforce, _ => Get($"{V1}/workforce/planned-posts"), OK),
        new("GET /api/v1/workforce/planned-posts/{plannedPostId:guid}", Access.ViewWorkforce, c => Get($"{V1}/workforce/planned-posts/{c.APlannedPostId}"), OK,
            c => Get($"{V1}/workforce/planned-posts/{c.BPlannedPostId}"), NotFoundOnly),
        new("POST /api/v1/workforce/planned-posts/", Access.EditWorkforce, _ => Send("POST", $"{V1}/workforce/planned-posts", PlannedPost()), Created),
        new("PUT /api/v1/workforce/planned-posts/{plannedPostId:guid}", Access.EditWorkforce,
            c => Send("PUT", $"{V1}/workforce/planned-posts/{c.APlannedPostId}", PlannedPost()), OK,
            c => Send("PUT", $"{V1}/workforce/planned-posts/{c.BPlannedPostId}", PlannedPost()), NotFoundOnly),
        new("POST /api/v1/workforce/planned-posts/{plannedPostId:guid}/advance", Access.EditWorkforce,
            async c => new MatrixRequest("POST", $"{V1}/workforce/planned-posts/{await c.NewPlannedPostInAAsync()}/advance", new { stage = "Advertised" }), OK,
            c => Send("POST", $"{V1}/workforce/planned-posts/{c.BPlannedPostId}/advance", new { stage = "Withdrawn" }), NotFoundOnly),
        new("DELETE /api/v1/workforce/planned-posts/{plannedPostId:guid}", Access.EditWorkforce,
            async c => new MatrixRequest("DELETE", $"{V1}/workforce/planned-posts/{await c.NewPlannedPostInAAsync()}"), NoContent,
            c => Send("DELETE", $"{V1}/workforce/planned-posts/{c.BPlannedPostId}", null), NotFoundOnly),
        // Workforce: ARRS claims, envelope and scenarios
        new("GET /api/v1/workforce/claims/", Access.ViewWorkforce, _ => Get($"{V1}/workforce/claims"), OK),
        new("GET /api/v1/workforce/claims/{month}", Access.ViewWorkforce, _ => Get($"{V1}/workforce/claims/{MatrixContext.AClaimMonth}"), OK,
            _ => Get($"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}"), NotFoundOnly),
        new("POST /api/v1/workforce/claims/{month}/build", Access.EditWorkforce,
            _ => Send("POST", $"{V1}/workforce/claims/{MatrixContext.AClaimMonth}/build", null), OK),
        new("POST /api/v1/workforce/claims/{month}/submit", Access.EditWorkforce,
            async c => new MatrixRequest("POST", $"{V1}/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Draft)}/submit"), OK,
            _ => Send("POST", $"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}/submit", null), NotFoundOnly),
        new("POST /api/v1/workforce/claims/{month}/approve", Access.EditWorkforce,
            async c => new MatrixRequest("POST", $"{V1}/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Submitted)}/approve"), OK,
            _ => Send("POST", $"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}/approve", null), NotFoundOnly),
        new("POST /api/v1/workforce/claims/{month}/paid", Access.EditWorkforce,
            async c => new MatrixRequest("POST", $"{V1}/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Approved)}/paid"), OK,
            _ => Send("POST", $"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}/paid", null), NotFoundOnly),
        new("POST /api/v1/workforce/claims/{month}/amend", Access.EditWorkforce,
            async c => new MatrixRequest("POST", $"{V1}/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Submitted)}/amend", new { reason = "matrix" }), OK,
            _ => Send("POST", $"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}/amend", new { reason = "from A" }), NotFoundOnly),
        new("GET /api/v1/workforce/claims/{month}/export.csv", Access.ViewWorkforce, _ => Get($"{V1}/workforce/claims/{MatrixContext.AClaimMonth}/export.csv"), OK,
            _ => Get($"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}/export.csv"), NotFoundOnly),
        new("GET /api/v1/workforce/claims/{month}/export.xlsx", Access.ViewWorkforce, _ => Get($"{V1}/workforce/claims/{MatrixContext.AClaimMonth}/export.xlsx"), OK,
            _ => Get($"{V1}/workforce/claims/{MatrixContext.BOnlyClaimMonth}/export.xlsx"), NotFoundOnly),
        new("GET /api/v1/workforce/envelope/", Access.ViewWorkforce, _ => Get($"{V1}/workforce/envelope?year=2026/27"), OK),
        new("POST /api/v1/workforce/envelope/scenario", Access.ViewWorkforce,
            _ => Send("POST", $"{V1}/workforce/envelope/scenario", new { year = "2026/27", changes = new[] { new { kind = "AddPost", from = "2027-01-01", role = "clinical-pharmacist", wte = 1m, annualSalary = 48_000m } } }), OK,
            c => Send("POST", $"{V1}/workforce/envelope/scenario", new { year = "2026/27", changes = new[] { new { kind = "EndContract", from = "2027-01-01", contractId = c.BClaimContractId } } }), [BadRequest]),

        new("GET /api/v1/{*path:nonfile}", Access.SignedIn, _ => Get($"{V1}/no-such-endpoint"), NotFound),
    ];

    private const string TestNetworksPassword = Infrastructure.TestNetworks.Password;

    private static object PlannedPost() =>
        new { role = "dietitian", wte = 0.6m, practices = "All", expectedStart = "2027-01-04", expectedAnnualCost = 33_000m, notes = (string?)null };

    private static Task<MatrixRequest> Get(string url) => Task.FromResult(new MatrixRequest("GET", url));

    private static Task<MatrixRequest> Send(string method, string url, object? json) => Task.FromResult(new MatrixRequest(method, url, json));

    private static object Partner(string name) =>
        new { name, kind = "Voluntary", odsCode = (string?)null, startDate = "2021-04-01", endDate = (string?)null, contact = "Coordinator" };

    private static object Director(string? practiceCode) =>
        new { name = "Dr Matrix", practiceCode, fundedSessionsPerWeek = 1.5m, startDate = "2024-04-01", endDate = (string?)null };

    private static MatrixRequest RecordsUpload()
    {
        var file = new ByteArrayContent(MatrixContext.NdjsonBytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");
        return new MatrixRequest("POST", $"{V1}/population/imports", Content: new MultipartFormDataContent { { file, "file", "records.ndjson" } });
    }

    private static MatrixRequest Upload()
    {
        var file = new ByteArrayContent(BadListSizeFile.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", "gp-reg-pat-prac-all.csv" } };
        return new MatrixRequest("POST", $"{V1}/directory/imports", Content: form);
    }
}
