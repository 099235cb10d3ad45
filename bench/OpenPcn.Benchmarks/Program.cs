using BenchmarkDotNet.Running;
using OpenPcn.Benchmarks;

// dotnet run -c Release --project bench/OpenPcn.Benchmarks -- import     (BenchmarkDotNet: directory imports)
// dotnet run -c Release --project bench/OpenPcn.Benchmarks -- startup    (scale run: start-up to first page)
// dotnet run -c Release --project bench/OpenPcn.Benchmarks -- hello --urls http://127.0.0.1:5999  (baseline app)
// dotnet run -c Release --project bench/OpenPcn.Benchmarks -- population [--sizes 10000,50000] [--sqlite-only]  (scale run: generate, parse, import)
// dotnet run -c Release --project bench/OpenPcn.Benchmarks -- cohorts-prepare [--sizes 50000,500000] [--sqlite-only]  (cache the generated networks)
// dotnet run -c Release --project bench/OpenPcn.Benchmarks -- cohorts [--runs 3] [--sqlite-sizes 50000,500000] [--postgres-sizes 50000,500000]  (every built-in; baselines)
return args.FirstOrDefault() switch
{
    "import" => Run(() => BenchmarkRunner.Run<DirectoryImportBenchmarks>(args: args[1..])),
    "startup" => await StartupRun.RunAsync(args[1..]),
    "hello" => await HelloServer.RunAsync(args[1..]),
    "population" => await PopulationRun.RunAsync(args[1..]),
    "population-import" => await PopulationImportChild.RunAsync(args[1..]),
    "cohorts-prepare" => await CohortPrepare.RunAsync(args[1..]),
    "cohorts" => await CohortRun.RunAsync(args[1..]),
    "cohorts-sql" => CohortRun.PrintSql(args[1..]),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("Usage: OpenPcn.Benchmarks import [BenchmarkDotNet options] | startup [--runs N] | hello --urls URL | population [--sizes N,N] [--sqlite-only]");
    return 1;
}
