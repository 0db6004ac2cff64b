using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Placements.Accounts;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;

namespace Placements.Web.Database;

/// <summary>Brings the configured database up to the latest migration of every context.</summary>
public static class DatabaseStartup
{
    /// <exception cref="StartupProblem">The database cannot be reached or migrated; the message says which and why.</exception>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        await using var scope = services.CreateAsyncScope();
        try
        {
            // Commissioning first: it owns the audit table the others write to.
            await scope.ServiceProvider.GetRequiredService<CommissioningDb>().Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<FinanceDb>().Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.MigrateAsync(cancellationToken);
            if (settings.Provider == DatabaseProvider.Sqlite)
                await UseWriteAheadLogAsync(scope.ServiceProvider.GetRequiredService<CommissioningDb>(), cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new StartupProblem(
                $"Cannot open {settings.Describe()} (set by {DatabaseSettings.ProviderKey} and {DatabaseSettings.ConnectionStringKey}): {Innermost(e).Message}", e);
        }
    }

    // One SQLite file is shared by page requests, the CLI and background jobs: WAL lets readers and a writer meet
    // without "database is locked"; Microsoft.Data.Sqlite retries a busy database for the command timeout.
    private static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
