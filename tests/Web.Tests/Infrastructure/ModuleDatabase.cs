using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;
using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database migrated for both modules, for testing their use cases without the web app: contexts are built as the
/// app builds them (with the audit interceptor), acting as a named user on the test's clock.
/// </summary>
public sealed class ModuleDatabase : IAsyncDisposable
{
    private readonly IClock _clock;

    private ModuleDatabase(DatabaseSettings settings, IClock clock) => (Settings, _clock) = (settings, clock);

    public DatabaseSettings Settings { get; }

    /// <summary>Creates and migrates the database (Commissioning first: it owns the audit table); SQLite in WAL mode, as the app runs it.</summary>
    public static async Task<ModuleDatabase> CreateAsync(DatabaseProvider provider, IClock clock, CancellationToken cancellationToken)
    {
        var database = new ModuleDatabase(new DatabaseSettings(provider, TestDatabases.Create(provider)), clock);
        var (commissioning, finance) = database.Contexts("setup");
        await using (commissioning)
        await using (finance)
        {
            await commissioning.Database.MigrateAsync(cancellationToken);
            await finance.Database.MigrateAsync(cancellationToken);
            if (provider == DatabaseProvider.Sqlite)
            {
                // Readers and a writer meet without "database is locked", as in the app (DatabaseStartup).
                var connection = (SqliteConnection)commissioning.Database.GetDbConnection();
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        return database;
    }

    /// <summary>Both modules' contexts, auditing as <paramref name="actor"/>.</summary>
    public (CommissioningDb Commissioning, FinanceDb Finance) Contexts(string actor)
    {
        var interceptor = new AuditInterceptor(_clock, new Actor(actor));
        T Make<T>(string history, Func<DbContextOptions<T>, T> create) where T : DbContext
        {
            var options = new DbContextOptionsBuilder<T>();
            Settings.Configure(options, history);
            options.AddInterceptors(interceptor);
            return create(options.Options);
        }
        return (Make<CommissioningDb>(CommissioningDb.MigrationsHistoryTable, o => new CommissioningDb(o)),
                Make<FinanceDb>(FinanceDb.MigrationsHistoryTable, o => new FinanceDb(o)));
    }

    /// <summary>
    /// Lets the database go. On PostgreSQL its connection pool is closed and the database dropped: a test class makes a
    /// database per test, and idle pooled connections to hundreds of them would exhaust the server's 100 connections.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        await using (var connection = new NpgsqlConnection(Settings.ConnectionString)) NpgsqlConnection.ClearPool(connection);
        await using var server = new NpgsqlConnection(TestDatabases.PostgresServer);
        await server.OpenAsync();
        await using var drop = server.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(Settings.ConnectionString).Database}\" WITH (FORCE)";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            // FORCE must terminate every backend on the database; an autovacuum worker there has no role, so a role
            // without pg_signal_backend (test.sh grants it) is refused until the worker finishes: wait for it.
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private sealed class Actor(string name) : IAuditActor
    {
        public string Name => name;
    }
}
