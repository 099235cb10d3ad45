using Microsoft.Extensions.Configuration;

namespace OpenPcn.Core.Storage;

/// <summary>Which database to use, read from configuration section <c>Database</c> and <c>ConnectionStrings:OpenPcn</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the default: a file on this machine) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file when no connection string is given. Default: the user's data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Explicit connection string (required for PostgreSQL).</summary>
    public string? ConnectionString { get; set; }

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(Section).Bind(options);
        options.ConnectionString = configuration.GetConnectionString("OpenPcn") is { Length: > 0 } cs ? cs : options.ConnectionString;
        return options;
    }

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "openpcn");

    /// <summary>The connection string to use, building the SQLite file path when none was configured.</summary>
    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but no connection string is set. Set ConnectionStrings:OpenPcn " +
                "(environment variable ConnectionStrings__OpenPcn), e.g. Host=localhost;Database=openpcn;Username=openpcn;Password=...");
        }

        var folder = string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory : DataDirectory;
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "openpcn.db")};Foreign Keys=True";
    }

    /// <summary>A short description for start-up messages, without any password.</summary>
    public string Describe()
    {
        var cs = ResolveConnectionString();
        return Provider == DatabaseProvider.Sqlite
            ? $"SQLite ({new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource})"
            : $"PostgreSQL ({new Npgsql.NpgsqlConnectionStringBuilder(cs) { Password = null }.Host}/{new Npgsql.NpgsqlConnectionStringBuilder(cs).Database})";
    }
}

public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}
