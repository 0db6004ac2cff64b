using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Placements.Web.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// Which database the product runs on: <c>Database:Provider</c> and <c>ConnectionStrings:Placements</c>
/// (or <c>Database__Provider</c> / <c>ConnectionStrings__Placements</c> in the environment). With neither
/// set, an embedded SQLite file under the app's <c>data</c> folder.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Placements";

    /// <exception cref="StartupProblem">The provider is unknown or a server provider has no connection string.</exception>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var name = configuration[ProviderKey];
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(name)) name = nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
            throw new StartupProblem($"{ProviderKey} is '{name}', which is not a database this product supports. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        if (!string.IsNullOrWhiteSpace(connectionString)) return new(provider, connectionString);
        if (provider != DatabaseProvider.Sqlite)
            throw new StartupProblem($"{ConnectionStringKey} must be set when {ProviderKey} is {provider}.");
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return new(provider, $"Data Source={Path.Combine(folder, "placements.db")}");
    }

    public string MigrationsAssembly => $"Placements.Migrations.{Provider}";

    /// <summary>Points a context at this database, with its own migrations history table.</summary>
    public void Configure(DbContextOptionsBuilder options, string historyTable)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
        }
    }

    /// <summary>Where the database is, for messages: never the password.</summary>
    public string Describe()
    {
        try
        {
            return Provider switch
            {
                DatabaseProvider.Postgres => new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}" : "",
                DatabaseProvider.Sqlite => $"SQLite file {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource}",
                _ => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString) is var s ? $"SQL Server database '{s.InitialCatalog}' on {s.DataSource}" : "",
            };
        }
        catch (ArgumentException)
        {
            return $"the {Provider} database (the connection string in {ConnectionStringKey} could not be read)";
        }
    }
}

/// <summary>A problem with configuration or the environment that stops the product starting; its message names the setting.</summary>
public sealed class StartupProblem(string message, Exception? inner = null) : Exception(message, inner);
