using Microsoft.Data.Sqlite;
using Npgsql;
using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// Fresh, real databases for tests: a SQLite file in a temp folder, or a new database on the local
/// PostgreSQL (started by the test script). <c>PLACEMENTS_TEST_POSTGRES</c> overrides the server connection.
/// </summary>
public static class TestDatabases
{
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("PLACEMENTS_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : "Host=localhost;Port=5432;Username=placements;Password=placements;Database=postgres";

    public static string Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Directory.CreateTempSubdirectory("placements-tests-").FullName, "placements.db"),
        }.ToString(),
        DatabaseProvider.Postgres => CreatePostgres(),
        _ => throw new NotSupportedException("No SQL Server engine runs on these machines; its migrations are checked as a script."),
    };

    private static string CreatePostgres()
    {
        var name = $"placements_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(PostgresServer))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
    }
}
