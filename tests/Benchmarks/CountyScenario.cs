using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Planning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Interchange;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;

namespace Placements.Benchmarks;

/// <summary>
/// The county-scale scenario of issue 3, end to end on the real stack: generate a 20,000-placement county
/// folder, import it into a fresh SQLite database through the product's own services (migrations, audit
/// interceptor, one transaction), re-import it (nothing changes), then load the planning data and compute the
/// sufficiency table and the projection. Prints each figure against its target.
/// </summary>
public static class CountyScenario
{
    public static async Task<int> RunAsync(int placements)
    {
        var work = Directory.CreateTempSubdirectory("placements-county-");
        var folder = Path.Combine(work.FullName, "county");
        var today = LocalDate.FromDateTime(DateTime.Today);
        var generator = new CountyGenerator(today, placements);
        generator.WriteTo(folder);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:Placements"] = $"Data Source={Path.Combine(work.FullName, "county.db")}";
        builder.Configuration["Demo:Seed"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddPlacements();
        await using var app = builder.Build();
        await DatabaseStartup.MigrateAsync(app.Services);

        Console.WriteLine($"County: {generator.PlacementCount:N0} placements, SQLite at {work.FullName}");
        var failures = 0;
        var (first, firstTime) = await TimedAsync(() => ImportAsync(app.Services, folder, today));
        failures += Report($"Import into an empty database ({first.Created:N0} rows created)", firstTime, TimeSpan.FromSeconds(30), first.Success);
        var (second, secondTime) = await TimedAsync(() => ImportAsync(app.Services, folder, today));
        failures += Report($"Re-import of the same folder ({second.Created} created, {second.Updated} updated)", secondTime, TimeSpan.FromSeconds(30),
            second.Success && second.Created == 0 && second.Updated == 0);

        await using var scope = app.Services.CreateAsyncScope();
        var (data, loadTime) = await TimedAsync(() => new PlanningDataQuery(scope.ServiceProvider.GetRequiredService<CommissioningDb>()).LoadAsync(CountyGenerator.LaCode));
        failures += Report($"Load planning data ({data.Placements.Count:N0} placements)", loadTime, null, data.Placements.Count >= placements - 1);
        var year = AcademicYear.For(today);
        var (table, tableTime) = Timed(() => SufficiencyTable.For(data, year));
        failures += Report($"Sufficiency table ({table.Rows.Count} rows, {table.GrandTotal.Places:N0} places)", tableTime, TimeSpan.FromMilliseconds(500), table.Rows.Count > 0);
        var (projection, projectionTime) = Timed(() => DemandProjection.Project(data, year, yearsAhead: 5));
        failures += Report($"Projection 5 years ahead ({projection.Years[^1].AllSettingsDemand:N0} children in {projection.Years[^1].Year})", projectionTime, TimeSpan.FromSeconds(2), projection.Years[^1].AllSettingsDemand > 0);

        SqliteCleanup();
        work.Delete(recursive: true);
        return failures == 0 ? 0 : 1;
    }

    private static async Task<CountyImportResult> ImportAsync(IServiceProvider services, string folder, LocalDate today)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var result = await new CountyImport(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>())
            .RunAsync(new FolderImportSource(folder), today, CountyGenerator.LaCode);
        foreach (var error in result.Errors.Take(10)) Console.WriteLine($"  {error}");
        return result;
    }

    private static int Report(string what, TimeSpan elapsed, TimeSpan? target, bool correct)
    {
        var met = correct && (target is null || elapsed < target);
        Console.WriteLine($"{(met ? "ok  " : "FAIL")} {what}: {Format(elapsed)}{(target is { } t ? $" (target < {Format(t)})" : "")}");
        return met ? 0 : 1;
    }

    private static string Format(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:F1} s" : $"{t.TotalMilliseconds:F0} ms";

    private static async Task<(T, TimeSpan)> TimedAsync<T>(Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        return (result, clock.Elapsed);
    }

    private static (T, TimeSpan) Timed<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        return (result, clock.Elapsed);
    }

    // SQLite keeps pooled connections open; clear them so the temporary folder can be deleted.
    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
