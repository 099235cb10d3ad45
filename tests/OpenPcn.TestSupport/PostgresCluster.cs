using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OpenPcn.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, started on a free loopback port with
/// durability off, stopped and deleted when the test process exits. One per test process, shared by every test
/// class; each class gets its own database (<see cref="CreateDatabaseAsync"/>).
/// Uses the server binaries under /usr/lib/postgresql/*/bin (or OPENPCN_PG_BIN); as root they run as user postgres.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartAsync);
    private readonly string _binDir;
    private readonly string _dir;
    private readonly bool _asPostgresUser;
    private readonly bool _keep;
    private int _databases;

    private PostgresCluster(string binDir, string dir, int port, bool asPostgresUser, bool keep = false)
    {
        _binDir = binDir;
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
        _keep = keep;
    }

    public int Port { get; }

    /// <summary>The cluster shared by this test process, started on first use.</summary>
    public static Task<PostgresCluster> Shared => SharedCluster.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public static async Task<PostgresCluster> StartAsync()
    {
        var binDir = FindBinDir();
        SweepStaleClusters();
        var asPostgres = Environment.UserName == "root";
        var dir = Directory.CreateTempSubdirectory("openpcn-pg-").FullName;
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", dir], asPostgresUser: false);
        }

        await RunAsync(Path.Combine(binDir, "initdb"),
            ["-D", Path.Combine(dir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres);
        var port = FreePort();
        var cluster = new PostgresCluster(binDir, dir, port, asPostgres);
        await RunAsync(Path.Combine(binDir, "pg_ctl"),
        [
            "-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300",
            "start",
        ], asPostgres);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
        return cluster;
    }

    /// <summary>
    /// A cluster kept in <paramref name="directory"/> between runs (benchmark data that takes minutes to load):
    /// created there on first use, started on a free port, stopped but not deleted on dispose.
    /// </summary>
    public static async Task<PostgresCluster> StartPersistentAsync(string directory)
    {
        var binDir = FindBinDir();
        var asPostgres = Environment.UserName == "root";
        Directory.CreateDirectory(directory);
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asPostgresUser: false);
        }

        var data = Path.Combine(directory, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(binDir, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(binDir, directory, port, asPostgres, keep: true);
        await RunAsync(Path.Combine(binDir, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "120",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c shared_buffers=1GB -c work_mem=64MB",
            "start",
        ], asPostgres);
        return cluster;
    }

    /// <summary>Creates the database <paramref name="name"/> unless it exists; true when it was created.</summary>
    public async Task<bool> EnsureDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            return false;
        }

        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return true;
    }

    /// <summary>Drops the database <paramref name="name"/> if it exists.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (!Directory.Exists(_dir))
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser);
        }
        finally
        {
            if (!_keep)
            {
                Directory.Delete(_dir, recursive: true);
            }
        }
    }

    /// <summary>Deletes folders of earlier runs whose server is no longer running (a test host killed mid-run).</summary>
    private static void SweepStaleClusters()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "openpcn-pg-*"))
        {
            if (Directory.GetLastWriteTimeUtc(dir) > TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-30))
            {
                continue; // possibly another test process starting its cluster
            }

            var pidFile = Path.Combine(dir, "data", "postmaster.pid");
            var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && IsRunning(pid);
            if (!running)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process may be creating it right now; leave it.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string FindBinDir()
    {
        if (Environment.GetEnvironmentVariable("OPENPCN_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. ./test.sh installs them " +
                "(apt-get install postgresql); or set OPENPCN_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
