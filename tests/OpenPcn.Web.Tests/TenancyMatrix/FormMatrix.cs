using System.Net;
using OpenPcn.Core.Features.Workforce.Claims;
using static System.Net.HttpStatusCode;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// One form of one page: where it is in the caller's own network (a fresh target where posting changes it) and the
/// fields a person would fill in; and, where the address or a field can name something of the other network, the same
/// form about that, which an allowed role must find missing (404) or refused beside the field (200).
/// </summary>
public sealed record FormEntry(
    string Route,
    string FormName,
    Access Access,
    Func<MatrixContext, Task<string>> Own,
    Func<MatrixContext, Dictionary<string, string>> Fields,
    Func<MatrixContext, string>? Other = null,
    HttpStatusCode OtherStatus = NotFound,
    Func<MatrixContext, Dictionary<string, string>>? OtherFields = null,
    bool Upload = false,
    bool OtherMayNameTheClashingNetwork = false,
    string UploadFileName = "gp-reg-pat-prac-all.csv")
{
    public string Key => $"POST {Route}";

    public override string ToString() => $"{Key} ({FormName})";
}

/// <summary>
/// Every form of every page. <see cref="FormMatrixTests"/> fails when a page answers POST and is neither here nor in
/// <see cref="NoForms"/>.
/// </summary>
public static class FormMatrix
{
    /// <summary>Pages that answer POST (every page does) but have no form that posts to them, or are covered elsewhere.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoForms = new Dictionary<string, string>
    {
        ["POST /"] = "no form",
        ["POST /access-denied"] = "no form",
        ["POST /practices/{Code}"] = "no form",
        ["POST /partners"] = "no form",
        ["POST /clinical-directors"] = "no form",
        ["POST /users"] = "no form",
        ["POST /directory/imports/{ImportRunId:guid}"] = "no form",
        ["POST /onboarding"] = "its search form is a GET",
        ["POST /population/imports/{ImportId:guid}"] = "no form",
        ["POST /population/patients/{PatientId:long}"] = "no form",
        ["POST /population/data-quality"] = "no form",
        ["POST /sign-in"] = "open to everyone; covered by the sign-in tests",
        ["POST /error"] = "open to everyone; no form",
        ["POST /error/{StatusCode:int}"] = "open to everyone; no form",
        ["POST /not-found"] = "open to everyone; no form",
        ["POST /case-finding/definitions/{Name}"] = "its inequalities form is a GET",
        ["POST /finance"] = "its year form is a GET",
        ["POST /finance/rates"] = "its year form is a GET",
        ["POST /finance/payments"] = "its year form is a GET",
        ["POST /finance/statements"] = "its year form is a GET",
        ["POST /finance/statements/{Practice}/{Month}"] = "no form",
        ["POST /workforce"] = "no form",
        ["POST /workforce/staff/{StaffMemberId:guid}"] = "no form",
        ["POST /workforce/claims"] = "no form (building is on the manage page)",
        ["POST /workforce/claims/{Month}"] = "no form (its forms are on the manage page)",
        ["POST /workforce/envelope"] = "its year and scenario forms are GETs (a scenario saves nothing)",
    };

    public static readonly IReadOnlyList<FormEntry> Entries =
    [
        // Practices
        new("/practices/add", "add-practice", Access.EditNetwork, _ => Url("/practices/add"),
            c => Practice(c.NewCode()),
            Other: _ => "/practices/add", OtherStatus: OK, OtherFields: c => Practice(c.B.PracticeCodes[0]), OtherMayNameTheClashingNetwork: true),
        new("/practices/{Code}/edit", "edit-practice", Access.EditNetwork, c => Url($"/practices/{c.A.PracticeCodes[0]}/edit"),
            c => new() { ["Form.Name"] = c.A.PracticeNames[0], ["Form.Postcode"] = "LS1 1AA", ["Form.ClinicalSystem"] = "Emis" },
            Other: c => $"/practices/{c.B.PracticeCodes[0]}/edit"),
        new("/practices/{Code}/list-sizes/add", "record-list-size", Access.EditNetwork, async c => $"/practices/{await c.NewPracticeInAAsync()}/list-sizes/add",
            _ => new() { ["Form.CensusDate.Day"] = "1", ["Form.CensusDate.Month"] = "1", ["Form.CensusDate.Year"] = "2025", ["Form.Registered"] = "11,800", ["Form.Weighted"] = "", ["Form.Adjusted"] = "" },
            Other: c => $"/practices/{c.B.PracticeCodes[0]}/list-sizes/add"),
        new("/practices/{Code}/memberships/add", "add-membership", Access.EditNetwork, async c => $"/practices/{await c.NewPracticeInAAsync()}/memberships/add",
            _ => Dates("AddForm.StartDate", "1", "1", "2010").Concat(Dates("AddForm.EndDate", "31", "12", "2010")).ToDictionary(),
            Other: c => $"/practices/{c.B.PracticeCodes[0]}/memberships/add"),
        new("/practices/{Code}/memberships/end", "end-membership", Access.EditNetwork, async c => $"/practices/{await c.NewPracticeInAAsync()}/memberships/end",
            _ => Dates("EndForm.LastDay", "31", "3", "2026"),
            Other: c => $"/practices/{c.B.PracticeCodes[0]}/memberships/end"),
        new("/network/refresh-list-sizes", "refresh", Access.EditNetwork, _ => Url("/network/refresh-list-sizes"), _ => []),

        // Partners
        new("/partners/add", "partner", Access.EditNetwork, _ => Url("/partners/add"), c => Partner($"Form partner {c.Next()}")),
        new("/partners/{PartnerId:guid}/edit", "partner", Access.EditNetwork, async c => $"/partners/{await c.NewPartnerInAAsync()}/edit",
            _ => Partner("Changed by form"), Other: c => $"/partners/{c.B.PartnerId}/edit"),
        new("/partners/{PartnerId:guid}/edit", "remove-partner", Access.EditNetwork, async c => $"/partners/{await c.NewPartnerInAAsync()}/edit",
            _ => [], Other: c => $"/partners/{c.B.PartnerId}/edit"),

        // Clinical directors, payee, population variation
        new("/clinical-directors/add", "clinical-director", Access.EditNetwork, _ => Url("/clinical-directors/add"),
            c => Director(c.A.PracticeCodes[0]),
            Other: _ => "/clinical-directors/add", OtherStatus: OK, OtherFields: c => Director(c.B.PracticeCodes[0])),
        new("/clinical-directors/{ClinicalDirectorId:guid}/edit", "clinical-director", Access.EditNetwork,
            async c => $"/clinical-directors/{await c.NewDirectorInAAsync()}/edit", _ => Director(string.Empty),
            Other: c => $"/clinical-directors/{c.B.DirectorId}/edit"),
        new("/clinical-directors/{ClinicalDirectorId:guid}/edit", "remove-clinical-director", Access.EditNetwork,
            async c => $"/clinical-directors/{await c.NewDirectorInAAsync()}/edit", _ => [],
            Other: c => $"/clinical-directors/{c.B.DirectorId}/edit"),
        new("/network/payee", "payee", Access.EditNetwork, _ => Url("/network/payee"),
            c => new() { ["Form.OrganisationCode"] = c.A.PracticeCodes[0], ["Form.Name"] = "Alder payee" }),
        new("/network/payee", "clear-payee", Access.EditNetwork, async c =>
        {
            await c.SetPayeeInAAsync();
            return "/network/payee";
        }, _ => []),
        new("/network/population-variation", "variation", Access.EditNetwork, _ => Url("/network/population-variation"),
            _ => new() { ["Form.Variation"] = "ApprovedSmaller", ["Form.Note"] = "ICB letter of 3 March 2025" }),

        // Users
        new("/users/add", "user", Access.ManageUsers, _ => Url("/users/add"), c => NewUser(c, null),
            Other: _ => "/users/add", OtherStatus: OK, OtherFields: c => NewUser(c, c.B.PracticeCodes[0])),
        new("/users/{UserId}/roles", "user", Access.ManageUsers, async c => $"/users/{await c.NewUserInAAsync()}/roles",
            _ => new() { ["Roles"] = "FinanceLead", ["Form.PracticeCode"] = "" },
            Other: c => $"/users/{c.B.User("Clinician").UserId}/roles"),
        new("/users/{UserId}/access", "access", Access.ManageUsers, async c => $"/users/{await c.NewUserInAAsync()}/access",
            _ => new() { ["Form.Action"] = "remove" },
            Other: c => $"/users/{c.B.User("Clinician").UserId}/access"),
        new("/change-password", "change-password", Access.SignedIn, _ => Url("/change-password"),
            _ => new()
            {
                ["Form.CurrentPassword"] = Infrastructure.TestNetworks.Password,
                ["Form.NewPassword"] = Infrastructure.TestNetworks.Password,
                ["Form.ConfirmPassword"] = Infrastructure.TestNetworks.Password,
            }),

        // The national directory and onboarding are install-wide.
        new("/directory", "import", Access.Administer, _ => Url("/directory"), _ => new() { ["kind"] = "" }, Upload: true),
        // Record imports: the upload queues a run in the caller's own network only. The server-folder form is shown
        // only to an administrator who may also import, a user the matrix networks do not have (see PopulationPagesTests).
        new("/population/imports", "import", Access.ImportRecords, _ => Url("/population/imports"), _ => [], Upload: true,
            UploadFileName: "records.ndjson"),
        // Finding a patient by NHS number: one's own opens their record (a redirect); B's patient is not found (200).
        new("/population/patients", "find-patient", Access.ViewPatientRecords, _ => Url("/population/patients"),
            c => new() { ["nhsNumber"] = c.ANhsNumber },
            Other: _ => "/population/patients", OtherStatus: OK, OtherFields: c => new() { ["nhsNumber"] = c.BNhsNumber }),
        new("/onboarding/{Code}", "onboard", Access.Administer, c => Url($"/onboarding/{c.DirectoryPcnCode}"),
            c => new() { ["Form.Email"] = $"form{c.Next()}@new.test", ["Form.DisplayName"] = "First manager", ["Form.Password"] = Infrastructure.TestNetworks.Password },
            Other: c => $"/onboarding/{c.B.Code}"),
        // Case finding: A's worklist and local definitions; B's are missing (404) or refused beside the field (200).
        new("/case-finding", "run", Access.WorkWorklists, _ => Url("/case-finding"),
            c => new() { ["Form.Definition"] = c.ADefinition, ["Form.Practice"] = "" },
            Other: _ => "/case-finding", OtherStatus: OK,
            OtherFields: c => new() { ["Form.Definition"] = c.BDefinition, ["Form.Practice"] = c.B.PracticeCodes[0] }),
        new("/case-finding/worklists/{WorklistId:guid}", "rerun", Access.WorkWorklists, c => Url($"/case-finding/worklists/{c.AWorklistId}"),
            _ => [], Other: c => $"/case-finding/worklists/{c.BWorklistId}"),
        new("/case-finding/worklists/{WorklistId:guid}", "update-rows", Access.WorkWorklists, c => Url($"/case-finding/worklists/{c.AWorklistId}"),
            c => new() { ["action"] = "status", ["bulkStatus"] = "Contacted", ["selected"] = c.APatientId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Other: c => $"/case-finding/worklists/{c.BWorklistId}",
            OtherFields: c => new() { ["action"] = "status", ["bulkStatus"] = "Declined", ["selected"] = c.BPatientId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        new("/case-finding/builder", "builder", Access.EditLocalDefinitions, _ => Url("/case-finding/builder"),
            c => MatrixContext.BuilderFields($"Matrix cohort {c.Next()}")),
        new("/case-finding/builder/{Name}", "builder", Access.EditLocalDefinitions, async c => $"/case-finding/builder/{await c.NewLocalDefinitionInAAsync()}",
            _ => MatrixContext.BuilderFields("Changed by the form"), Other: c => $"/case-finding/builder/{c.BDefinition}"),
        new("/case-finding/builder/{Name}", "delete-definition", Access.EditLocalDefinitions, async c => $"/case-finding/builder/{await c.NewLocalDefinitionInAAsync()}",
            _ => [], Other: c => $"/case-finding/builder/{c.BDefinition}"),
        .. MatrixContext.FinanceForms,
        // Workforce: A's staff, contracts and planned posts (fresh where a post changes them); B's are missing (404).
        new("/workforce/staff/new", "staff", Access.EditWorkforce, _ => Url("/workforce/staff/new"),
            c => new() { ["Form.Name"] = $"Form person {c.Next()}", ["Form.Registration"] = "" }),
        new("/workforce/staff/{StaffMemberId:guid}/edit", "staff", Access.EditWorkforce, c => Url($"/workforce/staff/{c.AStaffId}/edit"),
            _ => new() { ["Form.Name"] = "Alder pharmacist", ["Form.Registration"] = "GPhC 2200001" }, Other: c => $"/workforce/staff/{c.BStaffId}/edit"),
        new("/workforce/staff/{StaffMemberId:guid}/contracts/new", "contract", Access.EditWorkforce,
            async c => $"/workforce/staff/{await c.NewStaffInAAsync()}/contracts/new", c => MatrixContext.ContractFields(c.A.PracticeCodes[0]),
            Other: c => $"/workforce/staff/{c.BStaffId}/contracts/new", OtherFields: c => MatrixContext.ContractFields(c.B.PracticeCodes[0])),
        new("/workforce/staff/{StaffMemberId:guid}/contracts/{ContractId:guid}/edit", "contract", Access.EditWorkforce,
            async c => await c.NewContractInAAsync() is var (s, k) ? $"/workforce/staff/{s}/contracts/{k}/edit" : string.Empty,
            c => MatrixContext.ContractFields(c.A.PracticeCodes[0]), Other: c => $"/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/edit"),
        new("/workforce/staff/{StaffMemberId:guid}/contracts/{ContractId:guid}/edit", "end-contract", Access.EditWorkforce,
            async c => await c.NewContractInAAsync() is var (s, k) ? $"/workforce/staff/{s}/contracts/{k}/edit" : string.Empty,
            _ => new() { ["EndForm.LastDay.Day"] = "20", ["EndForm.LastDay.Month"] = "9", ["EndForm.LastDay.Year"] = "2026" },
            Other: c => $"/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/edit"),
        new("/workforce/staff/{StaffMemberId:guid}/contracts/{ContractId:guid}/deployments", "deployments", Access.EditWorkforce,
            c => Url($"/workforce/staff/{c.AStaffId}/contracts/{c.AContractId}/deployments"),
            c => new() { ["Form.Rows[0].Practice"] = c.A.PracticeCodes[0], ["Form.Rows[0].Sessions"] = "10" },
            Other: c => $"/workforce/staff/{c.BStaffId}/contracts/{c.BContractId}/deployments"),
        new("/workforce/planned-posts/new", "planned-post", Access.EditWorkforce, _ => Url("/workforce/planned-posts/new"), _ => MatrixContext.PlannedPostFields()),
        new("/workforce/planned-posts/{PlannedPostId:guid}/edit", "planned-post", Access.EditWorkforce, c => Url($"/workforce/planned-posts/{c.APlannedPostId}/edit"),
            _ => MatrixContext.PlannedPostFields(), Other: c => $"/workforce/planned-posts/{c.BPlannedPostId}/edit"),
        new("/workforce/planned-posts/{PlannedPostId:guid}/edit", "move-planned-post", Access.EditWorkforce,
            async c => $"/workforce/planned-posts/{await c.NewPlannedPostInAAsync()}/edit",
            _ => new() { ["MoveForm.Stage"] = "Advertised", ["MoveForm.Contract"] = "" }, Other: c => $"/workforce/planned-posts/{c.BPlannedPostId}/edit"),
        // ARRS claims: A's own months; B alone has a claim for the other month, so A's post there finds nothing (404).
        new("/workforce/claims/{Month}/manage", "build", Access.EditWorkforce, _ => Url($"/workforce/claims/{MatrixContext.AClaimMonth}/manage"), _ => []),
        new("/workforce/claims/{Month}/manage", "submit", Access.EditWorkforce, async c => $"/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Draft)}/manage",
            _ => [], Other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}/manage"),
        new("/workforce/claims/{Month}/manage", "approve", Access.EditWorkforce, async c => $"/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Submitted)}/manage",
            _ => [], Other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}/manage"),
        new("/workforce/claims/{Month}/manage", "paid", Access.EditWorkforce, async c => $"/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Approved)}/manage",
            _ => [], Other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}/manage"),
        new("/workforce/claims/{Month}/manage", "amend", Access.EditWorkforce, async c => $"/workforce/claims/{await c.NewClaimInAAsync(ArrsClaimStatus.Submitted)}/manage",
            _ => new() { ["reason"] = "matrix" }, Other: _ => $"/workforce/claims/{MatrixContext.BOnlyClaimMonth}/manage"),
    ];

    private static Task<string> Url(string url) => Task.FromResult(url);

    private static Dictionary<string, string> Dates(string name, string day, string month, string year) =>
        new() { [$"{name}.Day"] = day, [$"{name}.Month"] = month, [$"{name}.Year"] = year };

    private static Dictionary<string, string> Practice(string code) =>
        new(Dates("Form.MemberFrom", "1", "4", "2026"))
        {
            ["Form.Code"] = code,
            ["Form.Name"] = "Form practice",
            ["Form.Postcode"] = "LS2 2BB",
            ["Form.ClinicalSystem"] = "Tpp",
        };

    private static Dictionary<string, string> Partner(string name) =>
        new(Dates("Form.StartDate", "1", "4", "2021"))
        {
            ["Form.Name"] = name,
            ["Form.Kind"] = "Voluntary",
            ["Form.OdsCode"] = "",
            ["Form.Contact"] = "Coordinator",
        };

    private static Dictionary<string, string> Director(string practiceCode) =>
        new(Dates("Form.StartDate", "1", "4", "2024"))
        {
            ["Form.Name"] = "Dr Form",
            ["Form.PracticeCode"] = practiceCode,
            ["Form.Sessions"] = "1.5",
        };

    private static Dictionary<string, string> NewUser(MatrixContext c, string? practice) => new()
    {
        ["Form.Email"] = $"form{c.Next()}@a.test",
        ["Form.DisplayName"] = "Form user",
        ["Form.Password"] = Infrastructure.TestNetworks.Password,
        ["Roles"] = practice is null ? "Clinician" : "PracticeManager",
        ["Form.PracticeCode"] = practice ?? "",
    };
}
