using static OpenPcn.Cohorts.Spec.Definitions.DefinitionTesting;

namespace OpenPcn.Cohorts.Spec.Definitions;

public sealed class RegisterTests
{
    private static readonly DateOnly Diagnosed = new(2020, 5, 1);
    private static readonly DateOnly Resolved = new(2021, 1, 1);

    /// <summary>Register name, a diagnosis code, its resolved code (if any) and the minimum age.</summary>
    private static readonly (string Name, string Diagnosis, string? Resolved, int MinAge)[] Simple =
    [
        ("hypertension-register", "59621000", "162659009", 0),
        ("diabetes-register", "44054006", "315051004", 17),
        ("atrial-fibrillation-register", "49436004", null, 0),
        ("chd-register", "53741008", null, 0),
        ("heart-failure-register", "84114007", "521691000000100", 0),
        ("stroke-tia-register", "266257000", null, 0),
        ("asthma-register", "195967001", "162660004", 6),
        ("copd-register", "13645005", "941201000000103", 0),
        ("dementia-register", "52448006", null, 0),
        ("smi-register", "58214004", null, 0),
        ("learning-disability-register", "110359009", null, 0),
        ("ckd-register", "433144002", "939211000000104", 18),
        ("cancer-register", "254837009", null, 0),
        ("palliative-care-register", "103735009", "1048611000000104", 0),
    ];

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var engine in Records.Engines)
            {
                foreach (var register in Simple)
                {
                    data.Add(engine, register.Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Register_DiagnosedRegisteredPatient_IsInAndOthersOut(string engine, string name)
    {
        var (_, diagnosis, resolved, minAge) = Simple.Single(s => s.Name == name);
        var records = new Records()
            .Patient(1, age: Math.Max(minAge, 50)).Coded(1, diagnosis, Diagnosed)
            .Patient(2).Coded(2, diagnosis, Records.IndexDate.AddDays(1))
            .Patient(3, registered: false).Coded(3, diagnosis, Diagnosed)
            .Patient(4, died: new DateOnly(2025, 1, 1)).Coded(4, diagnosis, Diagnosed)
            .Patient(5);
        long[] expected = [1];
        if (resolved is not null)
        {
            records.Patient(6).Coded(6, diagnosis, Diagnosed).Coded(6, resolved, Resolved)
                .Patient(7).Coded(7, diagnosis, Diagnosed).Coded(7, resolved, Resolved).Coded(7, diagnosis, new DateOnly(2022, 3, 1));
            expected = [1, 7];
        }

        if (minAge > 0)
        {
            records.Patient(8, age: minAge - 1).Coded(8, diagnosis, Diagnosed);
        }

        var result = await RunAsync(engine, name, records);

        Assert.Equal(expected, Ids(result));
        Assert.Contains(diagnosis, Reason(name, result, 1), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task CkdRegister_LaterStage1Or2Code_IsOut(string engine)
    {
        var records = new Records()
            .Patient(1).Coded(1, "433144002", Diagnosed).Coded(1, Code("CKD1AND2_COD"), Resolved)
            .Patient(2).Coded(2, Code("CKD1AND2_COD"), Diagnosed).Coded(2, "433144002", Resolved)
            .Patient(3).Coded(3, Code("CKD1AND2_COD"), Diagnosed);

        var result = await RunAsync(engine, "ckd-register", records);

        Assert.Equal([2], Ids(result));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task CancerRegister_DiagnosisBeforeApril2003_IsOut(string engine)
    {
        var records = new Records()
            .Patient(1).Coded(1, "254837009", new DateOnly(2003, 3, 31))
            .Patient(2).Coded(2, "254837009", new DateOnly(2003, 4, 1));

        var result = await RunAsync(engine, "cancer-register", records);

        Assert.Equal([2], Ids(result));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task StrokeTiaRegister_StrokeCode_IsIn(string engine)
    {
        var records = new Records().Patient(1).Coded(1, "230690007", Diagnosed).Patient(2);

        var result = await RunAsync(engine, "stroke-tia-register", records);

        Assert.Equal([1], Ids(result));
        Assert.Equal("latest stroke or TIA code 230690007 on 2020-05-01", Reason("stroke-tia-register", result, 1));
    }
}
