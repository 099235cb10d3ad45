using System.Reflection;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using OpenPcn.Fhir.Synthetic;
using Code = OpenPcn.Fhir.Synthetic.Code;
using ModelInfo = Hl7.Fhir.Model.ModelInfo;
using Resource = Hl7.Fhir.Model.Resource;

namespace OpenPcn.Fhir.Tests.Synthetic;

/// <summary>Determinism, FHIR validity and code provenance, on small populations (2,000 patients).</summary>
public sealed class SyntheticOutputTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);
    private readonly List<string> _folders = [];

    [Fact]
    public async Task WriteAsync_SameSeedTwice_IdenticalBytes()
    {
        var a = await Generate(2_000, seed: 7);
        var b = await Generate(2_000, seed: 7);

        foreach (var file in Directory.GetFiles(a).Select(Path.GetFileName))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file!))), file);
        }
    }

    [Fact]
    public async Task WriteAsync_DifferentSeed_DifferentPatients()
    {
        var a = await Generate(2_000, seed: 7);
        var b = await Generate(2_000, seed: 8);

        Assert.False(File.ReadAllBytes(Path.Combine(a, "Patient.ndjson")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, "Patient.ndjson"))));
        Assert.False(File.ReadAllBytes(Path.Combine(a, "Observation.ndjson")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, "Observation.ndjson"))));
    }

    [Fact]
    public async Task WriteAsync_EveryLine_ParsesWithFirelyAsItsFilesType()
    {
        var folder = await Generate(2_000, seed: 11);
        var options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

        foreach (var file in Directory.GetFiles(folder, "*.ndjson"))
        {
            var type = Path.GetFileNameWithoutExtension(file);
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var resource = JsonSerializer.Deserialize<Resource>(line, options);
                Assert.True(resource?.TypeName == type, $"{type} line {number}");
            }

            Assert.True(number > 0, type);
        }
    }

    [Fact]
    public async Task WriteAsync_GivenNetworkCodes_UsesThem()
    {
        var options = new GeneratorOptions(50, 2, 3, AsOf, Core.Features.Network.PcnCode.Parse("U12345"), "Test PCN",
            [Core.Features.Network.PracticeCode.Parse("A11111"), Core.Features.Network.PracticeCode.Parse("B22222")]);
        var folder = NewFolder();

        await PopulationGenerator.WriteAsync(options, folder);

        var organisations = File.ReadAllText(Path.Combine(folder, "Organization.ndjson"));
        Assert.Contains("\"id\":\"U12345\"", organisations, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"A11111\"", organisations, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"B22222\"", organisations, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_EachTakenFromAShippedFile_IsInThatFile()
    {
        var codes = typeof(Codes).GetFields(BindingFlags.Static | BindingFlags.Public).SelectMany(f => Flatten(f.GetValue(null)))
            .Concat(typeof(ConditionCatalogue).GetFields(BindingFlags.Static | BindingFlags.Public).SelectMany(f => Flatten(f.GetValue(null))))
            .Concat(Medicines.All.Select(m => m.Code))
            .ToList();
        var shipped = 0;

        foreach (var code in codes.Where(c => c.Source is not null))
        {
            var path = Path.Combine(AppContext.BaseDirectory, "data", code.Source!);
            Assert.True(File.Exists(path), path);
            Assert.True(File.ReadLines(path).Any(l => l.StartsWith(code.RawValue + ",", StringComparison.Ordinal)), $"{code.RawValue} in {code.Source}");
            shipped++;
        }

        Assert.True(shipped > 80, $"{shipped} codes checked");
    }

    private static IEnumerable<Code> Flatten(object? value) => value switch
    {
        Code c => [c],
        IEnumerable<Code> many => many,
        IEnumerable<ConditionDef> defs => defs.SelectMany(d => d.Diagnoses.Select(x => x.Code).Concat(d.Resolved is null ? [] : [d.Resolved])),
        _ => [],
    };

    private async Task<string> Generate(int patients, int seed)
    {
        var folder = NewFolder();
        await PopulationGenerator.WriteAsync(new GeneratorOptions(patients, 3, seed, AsOf), folder);
        return folder;
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "openpcn-synthetic-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
