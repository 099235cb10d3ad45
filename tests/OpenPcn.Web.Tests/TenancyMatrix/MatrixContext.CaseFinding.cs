using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>Case finding in the matrix: a local definition and its worklist in each network (after the population set-up).</summary>
public sealed partial class MatrixContext
{
    public const string BDefinitionTitle = "Birch secret cohort";

    /// <summary>A's local definition (its patient 1001's hypertension code) and its network worklist.</summary>
    public string ADefinition { get; private set; } = string.Empty;

    public Guid AWorklistId { get; private set; }

    /// <summary>B's local definition (its patient 2001's diabetes code) and worklist, which nobody of A's may reach.</summary>
    public string BDefinition { get; private set; } = string.Empty;

    public Guid BWorklistId { get; private set; }

    /// <summary>A builder form that saves: typed codes, must have, ever.</summary>
    public static CohortBuilderForm Form(string title, string code) => new()
    {
        Title = title,
        Criteria = [new CohortCriterion { Table = CriterionTable.ClinicalEvents, Codes = [code] }],
    };

    /// <summary>The builder page's fields for a definition that saves.</summary>
    public static Dictionary<string, string> BuilderFields(string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.Description"] = "Made by the form matrix",
        ["Form.AgeFrom"] = "18",
        ["Form.AgeTo"] = "",
        ["Form.Sex"] = "",
        ["Form.Criteria[0].Table"] = "ClinicalEvents",
        ["Form.Criteria[0].Presence"] = "MustHave",
        ["Form.Criteria[0].CodelistId"] = "",
        ["Form.Criteria[0].Codes"] = "38341003",
        ["Form.Criteria[0].When"] = "Ever",
        ["Form.Action"] = "save",
    };

    public async Task PrepareCaseFindingAsync()
    {
        (ADefinition, AWorklistId) = await DefineAndRunAsync(A.PcnId, A.User(Roles.ClinicalDirector).UserId, Form("Alder matrix cohort", "38341003"));
        (BDefinition, BWorklistId) = await DefineAndRunAsync(B.PcnId, B.User(Roles.ClinicalDirector).UserId, Form(BDefinitionTitle, "73211009"));
    }

    /// <summary>A fresh local definition in A, for a form that changes or deletes it.</summary>
    public async Task<string> NewLocalDefinitionInAAsync()
    {
        await using var scope = Db.PcnScope(A.PcnId, actor: A.User(Roles.ClinicalDirector).UserId);
        return (await scope.ServiceProvider.GetRequiredService<LocalDefinitionService>().CreateAsync(Form($"Fresh cohort {Next()}", "38341003"))).Name;
    }

    private async Task<(string Name, Guid WorklistId)> DefineAndRunAsync(int pcnId, string actor, CohortBuilderForm form)
    {
        await using var scope = Db.PcnScope(pcnId, actor: actor);
        var name = (await scope.ServiceProvider.GetRequiredService<LocalDefinitionService>().CreateAsync(form)).Name;
        var run = await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(name);
        return (name, run.Worklist.WorklistId);
    }

    private async Task<object> SnapshotCaseFindingBAsync(PcnDbContext context)
    {
        var pcnId = B.PcnId;
        var worklists = await context.Set<Worklist>().AsNoTracking().Where(w => w.PcnId == pcnId).OrderBy(w => w.WorklistId)
            .Select(w => new { w.WorklistId, w.LastRunAt, w.QualifyingCount }).ToListAsync();
        var entries = await context.Set<WorklistEntry>().AsNoTracking().Where(e => e.PcnId == pcnId).OrderBy(e => e.WorklistId).ThenBy(e => e.PatientId)
            .Select(e => new { e.WorklistId, e.PatientId, e.Status, e.AssignedTo, e.StillQualifies }).ToListAsync();
        var definitions = await context.Set<LocalDefinition>().AsNoTracking().Where(d => d.PcnId == pcnId).OrderBy(d => d.Name)
            .Select(d => new { d.Name, d.Title, d.UpdatedAt }).ToListAsync();
        return new { worklists, entries, definitions };
    }
}
