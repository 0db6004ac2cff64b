using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Placements.Finance.Persistence;

/// <summary>
/// Quartz.NET's job-store tables, created by the migrations (Quartz never migrates its own schema). Each migrations
/// project embeds the script Quartz 4.7.3 ships for its database, frozen at that version so an upgrade of Quartz never
/// changes a migration that has already run; a later Quartz schema change is a new migration.
/// </summary>
public static class ScheduledJobTables
{
    /// <summary>The prefix of every Quartz table.</summary>
    public const string Prefix = "QRTZ_";

    // Children before parents, for Down.
    private static readonly string[] Tables =
    [
        "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS",
        "CRON_TRIGGERS", "BLOB_TRIGGERS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS", "TRIGGERS", "JOB_DETAILS", "CALENDARS",
    ];

    /// <summary>Runs the embedded <c>Quartz/quartz-4.7.3.sql</c> of <paramref name="migrations"/>, statement by statement.</summary>
    public static void Create(MigrationBuilder migrationBuilder, Assembly migrations)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(migrations);
        var name = migrations.GetManifestResourceNames().Single(n => n.EndsWith("quartz-4.7.3.sql", StringComparison.Ordinal));
        using var reader = new StreamReader(migrations.GetManifestResourceStream(name)!);
        // Statements are separated by a line reading '--;;'; {0} is the table prefix, {1} the prefix for index names.
        foreach (var statement in System.Text.RegularExpressions.Regex.Split(reader.ReadToEnd().ReplaceLineEndings("\n"), @"^--;;$",
                     System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            var sql = statement.Replace("{0}", Prefix, StringComparison.Ordinal).Replace("{1}", Prefix, StringComparison.Ordinal);
            if (sql.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal)))
                migrationBuilder.Sql(sql);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in Tables) migrationBuilder.Sql($"DROP TABLE IF EXISTS {Prefix}{table};");
    }
}
