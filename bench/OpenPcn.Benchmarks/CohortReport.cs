using System.Globalization;

namespace OpenPcn.Benchmarks;

/// <summary>Collects the cohort run's medians and prints them as the markdown tables in docs/benchmarks.md.</summary>
internal sealed class CohortReport(IReadOnlyList<string> definitions)
{
    private readonly List<string> _engines = [];
    private readonly Dictionary<(string Engine, string Definition), (double Seconds, int Count)> _times = [];
    private readonly List<string> _baselines = [];
    private readonly List<string> _loads = [];

    public void Add(string engine, string definition, double seconds, int count)
    {
        if (!_engines.Contains(engine))
        {
            _engines.Add(engine);
        }

        _times[(engine, definition)] = (seconds, count);
    }

    public void AddBaseline(string engine, string definition, double seconds, int count)
    {
        var generated = _times[(engine, definition)].Seconds;
        _baselines.Add(Invariant($"| {engine} | {definition} | {count:N0} | {seconds * 1000:N0} | {generated * 1000:N0} | {generated / seconds:N2}× |"));
    }

    public void AddLoad(string engine, double seconds, double megabytes) =>
        _loads.Add(Invariant($"| {engine} | load from SQLite {seconds:N1} s | managed heap after load {megabytes:N0} MB |"));

    public void Print(int runs)
    {
        Console.WriteLine($"Cohort run ({Environment.ProcessorCount} cores; median of {runs} warm runs; ms per definition, patients found):");
        Console.WriteLine("| Definition | " + string.Join(" | ", _engines) + " |");
        Console.WriteLine("|---|" + string.Concat(_engines.Select(_ => "---:|")));
        foreach (var definition in definitions)
        {
            Console.WriteLine($"| {definition} | " + string.Join(" | ", _engines.Select(e => Cell(e, definition))) + " |");
        }

        Console.WriteLine("| **Total (s)** | " + string.Join(" | ", _engines.Select(e => Invariant($"**{definitions.Sum(d => _times.GetValueOrDefault((e, d)).Seconds):N2}**"))) + " |");
        Console.WriteLine();
        Console.WriteLine("Baseline: hand-written SQL (same patients checked):");
        Console.WriteLine("| Database | Definition | Patients | Hand-written ms | Engine ms | Engine ÷ hand |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        _baselines.ForEach(Console.WriteLine);
        if (_loads.Count > 0)
        {
            Console.WriteLine();
            _loads.ForEach(Console.WriteLine);
        }
    }

    private string Cell(string engine, string definition) =>
        _times.TryGetValue((engine, definition), out var t) ? Invariant($"{t.Seconds * 1000:N0} ({t.Count:N0})") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
