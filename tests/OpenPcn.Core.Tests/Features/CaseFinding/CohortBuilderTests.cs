using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.CaseFinding.CaseFindingTestData;

namespace OpenPcn.Core.Tests.Features.CaseFinding;

[Trait("Category", "Integration")]
public sealed class CohortBuilderTests
{
    // Aged 40 to 80, a systolic of 140 or more at the latest reading in the last year, and never a hypertension code.
    private static CohortBuilderForm RaisedBloodPressureForm() => new()
    {
        Title = "Raised BP, no hypertension diagnosis",
        Description = "Possible undiagnosed hypertension",
        AgeFrom = 40,
        AgeTo = 80,
        Criteria =
        [
            new() { Codes = [Systolic], When = CriterionWhen.InLastDays, Days = 365, Comparison = ValueComparison.AtLeast, Value = 140 },
            new() { CodelistId = "HYP_COD", Presence = CriterionPresence.MustNotHave },
        ],
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Build_FormOfRaisedBloodPressure_FindsTheSamePatientsAsTheSameDefinitionWrittenInCSharp(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await AddEventAsync(db, a, 3, Systolic, new DateOnly(2026, 10, 1), 150m); // no diagnosis: in
        await AddEventAsync(db, a, 3, Systolic, new DateOnly(2024, 10, 1), 120m);
        await using var scope = db.PcnScope(a);
        var shipped = scope.ServiceProvider.GetRequiredService<ShippedDefinitions>();
        var runner = scope.ServiceProvider.GetRequiredService<CohortRunner>();

        var built = scope.ServiceProvider.GetRequiredService<LocalDefinitionService>().Build("raised-bp", RaisedBloodPressureForm());
        var index = Cohort.IndexDate;
        var age = Cohort.Patients.AgeOn(index);
        var bp = Cohort.ClinicalEvents.WithCode(new Codelist("systolic", "1", [Systolic])).Where(e => e.Date.IsBetween(index.AddDays(-365), index));
        var diagnosed = Cohort.ClinicalEvents.WithCode(shipped.Codelist("HYP_COD")!).Where(e => e.Date <= index).Exists();
        var population = Populations.RegisteredOn(index) & (age >= 40) & (age <= 80) & bp.Exists() & (bp.Latest(e => e.Date).Value >= 140).OrFalse()
            & !diagnosed;
        var written = new CohortDefinition("raised-bp-csharp", "Raised BP", "", "test", 2026,
            new CohortQuery(population.Series, [new QueryColumn("systolic", bp.Latest(e => e.Date).Value.Series)]), "", [], "local");

        var fromForm = await runner.RunAsync(built);
        var fromCode = await runner.RunAsync(written);

        Assert.Equal([3L], fromCode.Result.Rows.Select(r => r.PatientId));
        Assert.Equal(fromCode.Result.Rows.Select(r => r.PatientId), fromForm.Result.Rows.Select(r => r.PatientId));
        Assert.Equal(fromCode.Result.Rows[0].Values[0], fromForm.Result.Rows[0].Values[fromForm.Result.ColumnNames.ToList().IndexOf("c1_value")]);
        Assert.Equal("aged 46; codes 72313002 in the last 365 days with latest value >= 140: latest 2026-10-01 (value 150); no HYP_COD",
            ReasonTemplate.Fill(built.Reason, fromForm.Result.ColumnNames, fromForm.Result.Rows[0].Values));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SavedLocalDefinition_RunsLikeABuiltInAfterItsJsonIsLoaded(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(db);
        var form = new CohortBuilderForm
        {
            Title = "Hypertension, 50 and over",
            AgeFrom = 50,
            Criteria = [new() { CodelistId = "HYP_COD" }, new() { Codes = [HypertensionResolved], Presence = CriterionPresence.MustNotHave }],
        };
        await using var scope = db.PcnScope(a, actor: "manager");
        var locals = scope.ServiceProvider.GetRequiredService<LocalDefinitionService>();

        Assert.Equal(2, await locals.PreviewAsync(form));
        var saved = await locals.CreateAsync(form);
        var again = await locals.CreateAsync(form);
        var loaded = await locals.LoadAsync(saved.Name);
        var run = await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(saved.Name);

        Assert.Equal(("hypertension-50-and-over", "hypertension-50-and-over-2", "manager"), (saved.Name, again.Name, saved.CreatedBy));
        Assert.NotNull(loaded);
        Assert.Equal(["HYP_COD", "hypertension-50-and-over-c2"], loaded.Codelists.Select(c => c.Id));
        Assert.Equal((2, "local"), (run.Worklist.Qualifying, run.Worklist.Category));
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<DefinitionCatalogue>().ListAsync(), d => d.Name == saved.Name && d.IsLocal);
        Assert.Equal(50, (await locals.GetAsync(saved.Name))!.Form.AgeFrom);

        await using var other = db.PcnScope(b);
        Assert.Null(await other.ServiceProvider.GetRequiredService<LocalDefinitionService>().GetAsync(saved.Name));
        Assert.Null(await other.ServiceProvider.GetRequiredService<DefinitionCatalogue>().FindAsync(saved.Name));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_NameOfADeletedDefinitionWithAWorklist_TakesANewName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        var form = new CohortBuilderForm { Title = "Hypertension", Criteria = [new() { CodelistId = "HYP_COD" }] };
        await using var scope = db.PcnScope(a);
        var locals = scope.ServiceProvider.GetRequiredService<LocalDefinitionService>();
        var first = await locals.CreateAsync(form);
        var worklist = (await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(first.Name)).Worklist;
        await locals.DeleteAsync(first.Name);

        var second = await locals.CreateAsync(form);

        Assert.Equal(("hypertension", "hypertension-2"), (first.Name, second.Name));
        Assert.Equal(first.Name, worklist.DefinitionName);
    }

    [Fact]
    public void Validate_IncompleteForm_NamesEachFieldInError()
    {
        var form = new CohortBuilderForm
        {
            AgeFrom = 70,
            AgeTo = 60,
            Sex = "woman",
            Criteria =
            [
                new() { CodelistId = "NOPE_COD" },
                new() { Codes = ["12a"], When = CriterionWhen.InLastDays },
                new() { Codes = ["38341003"], Comparison = ValueComparison.GreaterThan },
            ],
        };

        var errors = CohortBuilder.Validate(form, _ => null);

        Assert.Equal(
            ["AgeTo", "Criteria[0].CodelistId", "Criteria[1].Codes", "Criteria[1].Days", "Criteria[2].Value", "Sex", "Title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Throws<RuleViolationException>(() => CohortBuilder.Build("x", form, _ => null, 2026));
    }

    [Theory]
    [InlineData("Raised BP, no hypertension!", "raised-bp-no-hypertension")]
    [InlineData("  ---  ", "local-definition")]
    [InlineData("Über 80s", "ber-80s")]
    public void Slug_Title_IsLowerCaseLettersDigitsAndHyphens(string title, string slug) =>
        Assert.Equal(slug, CohortBuilder.Slug(title));
}
