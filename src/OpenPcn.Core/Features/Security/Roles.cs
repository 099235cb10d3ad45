namespace OpenPcn.Core.Features.Security;

/// <summary>The roles a user can hold. See docs/security.md for what each may see and do.</summary>
public static class Roles
{
    public const string ClinicalDirector = nameof(ClinicalDirector);
    public const string PcnManager = nameof(PcnManager);
    public const string PracticeManager = nameof(PracticeManager);
    public const string Clinician = nameof(Clinician);
    public const string FinanceLead = nameof(FinanceLead);
    public const string PartnerViewer = nameof(PartnerViewer);
    public const string IcbViewer = nameof(IcbViewer);

    /// <summary>Install-wide: loads the national directory and onboards new PCNs. Sees no other PCN's data.</summary>
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
        [ClinicalDirector, PcnManager, PracticeManager, Clinician, FinanceLead, PartnerViewer, IcbViewer, Administrator];

    /// <summary>Roles whose holder must be tied to one practice and sees only that practice's rows.</summary>
    public static readonly IReadOnlyList<string> PracticeScoped = [PracticeManager];

    public static string Describe(string role) => role switch
    {
        ClinicalDirector => "Clinical director: leads the network; edits the network and its users; sees patient records",
        PcnManager => "PCN manager: runs the network day to day; edits the network and its users",
        PracticeManager => "Practice manager: sees the network and their own practice's detail",
        Clinician => "Clinician: sees the network and patient records; will work patient worklists",
        FinanceLead => "Finance lead: runs the workforce, ARRS claims, the network's money and practice statements",
        PartnerViewer => "Partner (non-core): read-only view of the network",
        IcbViewer => "ICB viewer: aggregate figures only",
        Administrator => "Administrator: loads the national directory and sets up new networks",
        _ => role,
    };
}

/// <summary>Authorisation policies shared by pages, endpoints and tests.</summary>
public static class Policies
{
    /// <summary>Any signed-in user of a network.</summary>
    public const string ViewNetwork = nameof(ViewNetwork);

    /// <summary>Change the network: practices, membership, list sizes, partners, payee, clinical directors.</summary>
    public const string EditNetwork = nameof(EditNetwork);

    /// <summary>Add users to the network and change their roles.</summary>
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>Install-wide administration: the national directory and onboarding.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>
    /// Open patient-identifiable records: search by NHS number, list patients, read one patient's record. Every view
    /// is audited.
    /// </summary>
    public const string ViewPatientRecords = nameof(ViewPatientRecords);

    /// <summary>Upload FHIR record files for import and read the import runs and their quarantine.</summary>
    public const string ImportRecords = nameof(ImportRecords);

    /// <summary>
    /// Aggregate data-quality figures of the imported records (no patient values); a practice manager sees their own
    /// practice's only.
    /// </summary>
    public const string ViewDataQuality = nameof(ViewDataQuality);

    /// <summary>
    /// Run case-finding definitions and work their worklists: see rows (patient-identifiable: NHS number, date of birth,
    /// reason), change status, assign, export. Every row view, row history and export is audited; a practice manager
    /// sees their own practice's rows only.
    /// </summary>
    public const string WorkWorklists = nameof(WorkWorklists);

    /// <summary>Make, change and delete the network's local cohort definitions in the cohort builder.</summary>
    public const string EditLocalDefinitions = nameof(EditLocalDefinitions);

    /// <summary>See the workforce: staff, contracts with pay, deployments, recruitment, ARRS claims, envelope and scenarios.</summary>
    public const string ViewWorkforce = nameof(ViewWorkforce);

    /// <summary>Change staff, contracts, deployments and recruitment; build, submit and amend ARRS claims.</summary>
    public const string EditWorkforce = nameof(EditWorkforce);

    /// <summary>See the network's money: rates, entitlements, payments received, distribution rules, every practice's statement.</summary>
    public const string ViewFinance = nameof(ViewFinance);

    /// <summary>Change the network's rates, payments received, populations inputs and distribution rules (audited).</summary>
    public const string EditFinance = nameof(EditFinance);

    /// <summary>
    /// Read practice statements: what each practice is owed and why. A practice manager reads their own practice's
    /// statement only.
    /// </summary>
    public const string ViewStatements = nameof(ViewStatements);

    public static readonly IReadOnlyList<string> EditNetworkRoles = [Roles.ClinicalDirector, Roles.PcnManager];
    public static readonly IReadOnlyList<string> ManageUsersRoles = [Roles.ClinicalDirector, Roles.PcnManager];

    /// <summary>
    /// The roles that see patient records: search by NHS number, lists of patients and one patient's whole record.
    /// They are not the only roles that see patient-identifiable data: <see cref="WorkWorklistsRoles"/> (which adds
    /// the PCN manager and the practice manager, who book and recall patients from lists for direct care) see worklist
    /// rows with NHS numbers, date of birth and the reason, and export them. Every record view, search, worklist row
    /// view, row history and export is audited.
    /// </summary>
    public static readonly IReadOnlyList<string> ViewPatientRecordsRoles = [Roles.Clinician, Roles.ClinicalDirector];

    /// <summary>
    /// Who may upload record files. Importing from a folder on the server also needs <see cref="Roles.Administrator"/>,
    /// checked where the folder is named.
    /// </summary>
    public static readonly IReadOnlyList<string> ImportRecordsRoles = [Roles.PcnManager, Roles.ClinicalDirector];

    public static readonly IReadOnlyList<string> ViewDataQualityRoles =
        [Roles.ClinicalDirector, Roles.PcnManager, Roles.Clinician, Roles.PracticeManager];

    public static readonly IReadOnlyList<string> WorkWorklistsRoles =
        [Roles.ClinicalDirector, Roles.Clinician, Roles.PcnManager, Roles.PracticeManager];

    public static readonly IReadOnlyList<string> EditLocalDefinitionsRoles = [Roles.ClinicalDirector, Roles.PcnManager];

    public static readonly IReadOnlyList<string> ViewWorkforceRoles = [Roles.ClinicalDirector, Roles.PcnManager, Roles.FinanceLead];

    public static readonly IReadOnlyList<string> EditWorkforceRoles = [Roles.ClinicalDirector, Roles.FinanceLead];

    public static readonly IReadOnlyList<string> ViewFinanceRoles = [Roles.ClinicalDirector, Roles.PcnManager, Roles.FinanceLead];

    public static readonly IReadOnlyList<string> EditFinanceRoles = [Roles.ClinicalDirector, Roles.FinanceLead];

    public static readonly IReadOnlyList<string> ViewStatementsRoles = [Roles.ClinicalDirector, Roles.PcnManager, Roles.FinanceLead, Roles.PracticeManager];
}
