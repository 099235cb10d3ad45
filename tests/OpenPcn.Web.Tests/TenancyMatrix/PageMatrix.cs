using static System.Net.HttpStatusCode;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// Every page (and the other cookie-signed-in GET routes) with its address in the caller's own network and, where the
/// address names something, in the other network, which must be a 404 for every role that may open the page.
/// </summary>
public static class PageMatrix
{
    /// <summary>Routes outside the matrix, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotInMatrix = new Dictionary<string, string>
    {
        ["GET /sign-in"] = "open to everyone; covered by the sign-in tests",
        ["GET /health"] = "open to everyone; shows no data",
        ["GET /error"] = "open to everyone; shows no data",
        ["GET /error/{StatusCode:int}"] = "open to everyone; shows no data",
        ["GET /not-found"] = "open to everyone; shows no data",
        ["GET /_framework/opaque-redirect"] = "Blazor's own redirect helper for enhanced navigation, not used (no blazor.web.js)",
        ["GET /{**path:file}"] = "the static files' fallback",
        ["HEAD /{**path:file}"] = "the static files' fallback",
    };

    public static readonly IReadOnlyList<MatrixEntry> Entries =
    [
        Page("/", Access.ViewNetwork, _ => "/"),
        Page("/access-denied", Access.SignedIn, _ => "/access-denied", System.Net.HttpStatusCode.Forbidden),
        Page("/practices/{Code}", Access.ViewNetwork, c => $"/practices/{c.A.PracticeCodes[0]}", other: c => $"/practices/{c.B.PracticeCodes[0]}"),
        Page("/practices/add", Access.EditNetwork, _ => "/practices/add"),
        Page("/practices/{Code}/edit", Access.EditNetwork, c => $"/practices/{c.A.PracticeCodes[0]}/edit", other: c => $"/practices/{c.B.PracticeCodes[0]}/edit"),
        Page("/practices/{Code}/list-sizes/add", Access.EditNetwork, c => $"/practices/{c.A.PracticeCodes[0]}/list-sizes/add", other: c => $"/practices/{c.B.PracticeCodes[0]}/list-sizes/add"),
        Page("/practices/{Code}/memberships/add", Access.EditNetwork, c => $"/practices/{c.A.PracticeCodes[0]}/memberships/add", other: c => $"/practices/{c.B.PracticeCodes[0]}/memberships/add"),
        Page("/practices/{Code}/memberships/end", Access.EditNetwork, c => $"/practices/{c.A.PracticeCodes[0]}/memberships/end", other: c => $"/practices/{c.B.PracticeCodes[0]}/memberships/end"),
        Page("/partners", Access.ViewNetwork, _ => "/partners"),
        Page("/partners/add", Access.EditNetwork, _ => "/partners/add"),
        Page("/partners/{PartnerId:guid}/edit", Access.EditNetwork, c => $"/partners/{c.A.PartnerId}/edit", other: c => $"/partners/{c.B.PartnerId}/edit"),
        Page("/clinical-directors", Access.ViewNetwork, _ => "/clinical-directors"),
        Page("/clinical-directors/add", Access.EditNetwork, _ => "/clinical-directors/add"),
        Page("/clinical-directors/{ClinicalDirectorId:guid}/edit", Access.EditNetwork, c => $"/clinical-directors/{c.A.DirectorId}/edit", other: c => $"/clinical-directors/{c.B.DirectorId}/edit"),
        Page("/network/payee", Access.EditNetwork, _ => "/network/payee"),
        Page("/network/population-variation", Access.EditNetwork, _ => "/network/population-variation"),
        Page("/network/refresh-list-sizes", Access.EditNetwork, _ => "/network/refresh-list-sizes"),
        Page("/users", Access.ManageUsers, _ => "/users"),
        Page("/users/add", Access.ManageUsers, _ => "/users/add"),
        Page("/users/{UserId}/roles", Access.ManageUsers, c => $"/users/{c.A.User("Clinician").UserId}/roles", other: c => $"/users/{c.B.User("Clinician").UserId}/roles"),
        Page("/users/{UserId}/access", Access.ManageUsers, c => $"/users/{c.A.User("Clinician").UserId}/access", other: c => $"/users/{c.B.User("Clinician").UserId}/access"),
        Page("/change-password", Access.SignedIn, _ => "/change-password"),
        Page("/directory", Access.Administer, _ => "/directory"),
        Page("/directory/imports/{ImportRunId:guid}", Access.Administer, c => $"/directory/imports/{c.ImportRunId}", other: _ => $"/directory/imports/{Guid.CreateVersion7()}"),
        Page("/directory/imports/{importRunId:guid}/rejections.csv", Access.Administer, c => $"/directory/imports/{c.ImportRunId}/rejections.csv"),
        Page("/onboarding", Access.Administer, _ => "/onboarding?q=PCN"),
        Page("/onboarding/{Code}", Access.Administer, c => $"/onboarding/{c.DirectoryPcnCode}", other: c => $"/onboarding/{c.B.Code}"),
        Page("/population/patients", Access.ViewPatientRecords, c => $"/population/patients?practice={c.A.PracticeCodes[0]}"),
        Page("/population/patients/{PatientId:long}", Access.ViewPatientRecords, c => $"/population/patients/{c.APatientId}", other: c => $"/population/patients/{c.BPatientId}"),
        Page("/population/data-quality", Access.ViewDataQuality, _ => "/population/data-quality"),
        Page("/population/imports", Access.ImportRecords, _ => "/population/imports"),
        Page("/population/imports/{ImportId:guid}", Access.ImportRecords, c => $"/population/imports/{c.AImportId}", other: c => $"/population/imports/{c.BImportId}"),
        Page("/population/imports/{importId:guid}/quarantine.csv", Access.ImportRecords, c => $"/population/imports/{c.AImportId}/quarantine.csv",
            other: c => $"/population/imports/{c.BImportId}/quarantine.csv"),
        Page("/openapi/{documentName}.json", Access.SignedIn, _ => "/openapi/v1.json"),
        Page("/case-finding", Access.WorkWorklists, _ => "/case-finding"),
        Page("/case-finding/definitions/{Name}", Access.WorkWorklists, c => $"/case-finding/definitions/{c.ADefinition}?inequalities=show",
            other: c => $"/case-finding/definitions/{c.BDefinition}?inequalities=show"),
        Page("/case-finding/worklists/{WorklistId:guid}", Access.WorkWorklists, c => $"/case-finding/worklists/{c.AWorklistId}?qualifies=all",
            other: c => $"/case-finding/worklists/{c.BWorklistId}?qualifies=all"),
        Page("/case-finding/worklists/{worklistId:guid}/export.csv", Access.WorkWorklists, c => $"/case-finding/worklists/{c.AWorklistId}/export.csv",
            other: c => $"/case-finding/worklists/{c.BWorklistId}/export.csv"),
        Page("/case-finding/worklists/{worklistId:guid}/export.xlsx", Access.WorkWorklists, c => $"/case-finding/worklists/{c.AWorklistId}/export.xlsx",
            other: c => $"/case-finding/worklists/{c.BWorklistId}/export.xlsx"),
        Page("/case-finding/builder", Access.EditLocalDefinitions, _ => "/case-finding/builder"),
        Page("/case-finding/builder/{Name}", Access.EditLocalDefinitions, c => $"/case-finding/builder/{c.ADefinition}", other: c => $"/case-finding/builder/{c.BDefinition}"),
        .. MatrixContext.FinancePages,
        // Workforce: A's staff, contracts and planned posts; B's are not found.
        Page("/workforce", Access.ViewWorkforce, _ => "/workforce"),
        Page("/workforce/staff/new", Access.EditWorkforce, _ => "/workforce/staff/new"),
        Page("/workforce/staff/{StaffMemberId:guid}", Access.ViewWorkforce, c => $"/workforce/staff/{c.AStaffId}", other: c => $"/workforce/staff/{c.BStaffId}"),
        Page("/workforce/staff/{StaffMemberId:guid}/edit", Access.EditWorkforce, c => $"/workforce/staff/{c.AStaffId}/edit", other: c => $"/workforce/staff/{c.BStaffId}/edit"),
        Page("/workforce/staff/{StaffMemberId:guid}/contracts/new", Access.EditWorkforce, c => $"/workforce/staff/{c.AStaffId}/contracts/new",
            other: c => $"/workforce/staff/{c.BStaffId}/contracts/new"),
        Page("/workforce/staff/{StaffMemberId:guid}/contracts/{ContractId:guid}/edit", Access.EditWorkforce,
            c => $"/workforce/staff/{c.AStaffId}/contracts/{c.AContractId}/edit", other: c => $"/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/edit"),
        Page("/workforce/staff/{StaffMemberId:guid}/contracts/{ContractId:guid}/deployments", Access.EditWorkforce,
            c => $"/workforce/staff/{c.AStaffId}/contracts/{c.AContractId}/deployments", other: c => $"/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/deployments"),
        Page("/workforce/planned-posts/new", Access.EditWorkforce, _ => "/workforce/planned-posts/new"),
        Page("/workforce/planned-posts/{PlannedPostId:guid}/edit", Access.EditWorkforce, c => $"/workforce/planned-posts/{c.APlannedPostId}/edit",
            other: c => $"/workforce/planned-posts/{c.BPlannedPostId}/edit"),
        // Workforce: ARRS claims (B alone has a claim for the other month) and the envelope with a scenario in the address.
        Page("/workforce/claims", Access.ViewWorkforce, _ => "/workforce/claims"),
        Page("/workforce/claims/{Month}", Access.ViewWorkforce, _ => $"/workforce/claims/{MatrixContext.AClaimMonth}", other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}"),
        Page("/workforce/claims/{Month}/manage", Access.EditWorkforce, _ => $"/workforce/claims/{MatrixContext.AClaimMonth}/manage"),
        Page("/workforce/claims/{month}/export.csv", Access.ViewWorkforce, _ => $"/workforce/claims/{MatrixContext.AClaimMonth}/export.csv",
            other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}/export.csv"),
        Page("/workforce/claims/{month}/export.xlsx", Access.ViewWorkforce, _ => $"/workforce/claims/{MatrixContext.AClaimMonth}/export.xlsx",
            other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}/export.xlsx"),
        Page("/workforce/envelope", Access.ViewWorkforce,
            _ => "/workforce/envelope?year=2026/27&action=add&kind=AddPost&from=2027-01-01&role=clinical-pharmacist&region=National&wte=1&salary=48000&ni=6000&pension=6000"),
    ];

    private static MatrixEntry Page(string route, Access access, Func<MatrixContext, string> own, System.Net.HttpStatusCode ownStatus = OK,
        Func<MatrixContext, string>? other = null) =>
        new($"GET {route}", access, c => Task.FromResult(new MatrixRequest("GET", own(c))), ownStatus,
            other is null ? null : c => Task.FromResult(new MatrixRequest("GET", other(c))), other is null ? null : [NotFound]);
}
