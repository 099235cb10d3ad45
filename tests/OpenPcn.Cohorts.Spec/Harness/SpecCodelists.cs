using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>The small codelists the spec cases use, resolvable by id (as the JSON form needs).</summary>
public static class SpecCodelists
{
    public static readonly Codelist Hypertension = new("HYP_COD", "spec-1", ["hyp1", "hyp2"], "Hypertension diagnosis");

    public static readonly Codelist HypertensionResolved = new("HYPRES_COD", "spec-1", ["hypres"], "Hypertension resolved");

    public static readonly Codelist Systolic = new("SYSBP_COD", "spec-1", ["sys"], "Systolic blood pressure");

    public static readonly Codelist Statins = new("STATIN_DRUGS", "spec-1", ["atorva", "simva"], "Statins");

    public static IReadOnlyList<Codelist> All { get; } = [Hypertension, HypertensionResolved, Systolic, Statins];

    public static Codelist Resolve(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new CohortModelException($"There is no codelist {id}.");
}
