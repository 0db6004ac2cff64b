using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Interchange;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;

namespace Placements.Benchmarks;

/// <summary>
/// The budget forecast (issue 7) for a county-scale database: the payment-run scenario's county (generated as at 31 March
/// 2026 and imported through <see cref="CountyImport"/>), April to <c>--months</c> of runs prepared and approved, then the
/// forecast of 2026/27 as at today (kept within the year: the runs are approved now), timed as loading the inputs (<see cref="LoadForecastInputs"/>)
/// and computing (<see cref="HighNeedsForecast.Compute"/>), each the best of <c>--repeats</c> (3) on fresh contexts.
/// Target: the forecast (load + compute) under 3 s.
/// </summary>
public static class BudgetForecastScenario
{
    public const string Usage = "budget-forecast [--placements 100000] [--database sqlite|postgres|both] [--months 3] [--repeats 3]";
    public const double TargetSeconds = 3.0;

    private static readonly LocalDate CountyAsAt = new(2026, 3, 31);
    private static readonly FinancialYear Year = new(2026);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (placements, months, repeats) = (100_000, 3, 3);
        var databases = new List<DatabaseProvider> { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--placements" when value is not null: placements = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--months" when value is not null: months = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 12); i++; break;
                case "--repeats" when value is not null: repeats = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)); i++; break;
                case "--database" when value is not null:
                    databases = value.ToLowerInvariant() switch
                    {
                        "sqlite" => [DatabaseProvider.Sqlite],
                        "postgres" or "postgresql" => [DatabaseProvider.Postgres],
                        "both" => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
                        _ => throw new ArgumentException($"--database is sqlite, postgres or both, not '{value}'."),
                    };
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"usage: {Usage}");
                    return 2;
            }
        }

        var work = Directory.CreateTempSubdirectory("placements-budget-forecast-");
        var folder = Path.Combine(work.FullName, "county");
        var generator = new CountyGenerator(CountyAsAt, placements);
        generator.WriteTo(folder);
        Console.WriteLine($"County: {generator.PlacementCount:N0} placements as at {CountyAsAt:yyyy-MM-dd}, {Environment.ProcessorCount} cores, " +
                          $"{months} month(s) of approved runs, best of {repeats}");
        var results = new List<Result>();
        try
        {
            foreach (var database in databases) results.Add(await MeasureAsync(database, folder, work.FullName, months, repeats));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine("| database | placements forecast | approved runs (lines) | load inputs (best) | compute (best) | forecast (best load + compute) | forecast outturn |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Database} | {r.Placements:N0} | {r.Runs} ({r.Lines:N0}) | {F(r.Load)} | {F(r.Compute)} | {F(r.Load + r.Compute)} | {r.Forecast} |");
        foreach (var r in results)
            Console.WriteLine($"{((r.Load + r.Compute).TotalSeconds < TargetSeconds ? "ok  " : "FAIL")} {r.Database}: forecast {F(r.Load + r.Compute)} (target < {TargetSeconds} s)");
        return results.All(r => (r.Load + r.Compute).TotalSeconds < TargetSeconds) ? 0 : 1;
    }

    private static string F(TimeSpan t) => PaymentRunScenario.Format(t);

    private static async Task<Result> MeasureAsync(DatabaseProvider database, string folder, string work, int months, int repeats)
    {
        Console.WriteLine();
        Console.WriteLine($"== {database} ==");
        var connectionString = database == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(work, "budget-forecast.db") }.ToString()
            : await PaymentRunScenario.CreatePostgresAsync();
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            builder.Configuration[DatabaseSettings.ProviderKey] = database.ToString();
            builder.Configuration[DatabaseSettings.ConnectionStringKey] = connectionString;
            builder.Configuration["Demo:Seed"] = "false";
            builder.Configuration["Council:LaCode"] = CountyGenerator.LaCode;
            builder.Configuration["Payments:FirstMonth"] = "2026-04";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None";
            builder.AddPlacements();
            await using var app = builder.Build();
            var services = app.Services;
            await DatabaseStartup.MigrateAsync(services);

            var clock = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                var sp = scope.ServiceProvider;
                var imported = await new CountyImport(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>())
                    .RunAsync(new FolderImportSource(folder), CountyAsAt, CountyGenerator.LaCode);
                if (!imported.Success) throw new InvalidOperationException("The county import failed: " + string.Join("; ", imported.Errors.Take(5)));
                Console.WriteLine($"Imported {imported.Created:N0} rows in {F(clock.Elapsed)}");
            }
            if (database == DatabaseProvider.Postgres)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CommissioningDb>().Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var settings = new PaymentSettings(CountyGenerator.LaCode, new YearMonth(2026, 4));
            var lines = 0;
            for (var m = 0; m < months; m++)
            {
                var month = new YearMonth(2026, 4).PlusMonths(m);
                clock.Restart();
                await using var scope = services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<PreparePaymentRun>().RunAsync(month, "bench", settings);
                var run = await scope.ServiceProvider.GetRequiredService<ApprovePaymentRun>()
                    .ApproveAsync(month, new Approver("bench-approver", new Money(long.MaxValue / 4)), "benchmark");
                lines += run.LineCount;
                Console.WriteLine($"run {month:yyyy-MM} prepared and approved in {F(clock.Elapsed)}: {outcome.Message}");
            }
            if (database == DatabaseProvider.Postgres)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FinanceDb>().Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var budgetSettings = new BudgetSettings(CountyGenerator.LaCode, new YearMonth(2026, 4), RagThresholds.Default);
            // The runs are approved now (the app's clock), so the forecast counts them as actuals from today; the date is
            // kept in the year (the county is 2026/27's).
            var today = LocalDate.FromDateTime(DateTime.Today);
            var asAt = today < Year.Start ? Year.Start : today > Year.End ? Year.End : today;
            var loads = new List<TimeSpan>();
            var computes = new List<TimeSpan>();
            HighNeedsForecastResult? forecast = null;
            for (var i = 0; i < repeats; i++)
            {
                await using var scope = services.CreateAsyncScope();
                clock.Restart();
                var inputs = await scope.ServiceProvider.GetRequiredService<LoadForecastInputs>().LoadAsync(Year, asAt, budgetSettings);
                loads.Add(clock.Elapsed);
                clock.Restart();
                forecast = HighNeedsForecast.Compute(inputs, ForecastOptions.Base, budgetSettings.Rag);
                computes.Add(clock.Elapsed);
                Console.WriteLine($"forecast {i + 1} as at {asAt:yyyy-MM-dd}: load {F(loads[^1])} ({inputs.Placements.Count:N0} placements, " +
                                  $"{inputs.MonthlyActuals.Count:N0} monthly actuals), compute {F(computes[^1])}: forecast {forecast.Forecast}, " +
                                  $"actual {forecast.Totals.Actual}, commitment {forecast.Totals.Commitment}, {forecast.Problems.Count():N0} unpriced");
            }
            await BreakdownAsync(services, asAt, budgetSettings);
            await using (var scope = services.CreateAsyncScope())
            {
                // Not part of the target: the monthly job's snapshot, with every placement's part (off the request, once a month).
                clock.Restart();
                var taken = await scope.ServiceProvider.GetRequiredService<Placements.Finance.Budgets.Snapshots.TakeBudgetSnapshot>()
                    .RunAsync(asAt, "bench", budgetSettings);
                Console.WriteLine($"snapshot (the monthly job: load, compute, save {taken.Snapshot.Lines.Count} lines and {forecast!.Placements.Count:N0} placement rows): {F(clock.Elapsed)}");
            }
            return new Result(database.ToString(), forecast!.Placements.Count, months, lines, loads.Min(), computes.Min(), forecast.Forecast);
        }
        finally
        {
            if (database == DatabaseProvider.Postgres) await PaymentRunScenario.DropPostgresAsync(connectionString);
        }
    }

    /// <summary>The loader's main reads timed one by one (the same queries, for profiling; not part of the figure).</summary>
    private static async Task BreakdownAsync(IServiceProvider services, LocalDate asAt, BudgetSettings settings)
    {
        await using var scope = services.CreateAsyncScope();
        var commissioning = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var parts = new List<string>();
        async Task Time(string what, Func<Task<int>> read)
        {
            var clock = Stopwatch.StartNew();
            var n = await read();
            parts.Add($"{what} {F(clock.Elapsed)} ({n:N0})");
        }
        var earliest = asAt.PlusMonths(-12) < Year.Start ? asAt.PlusMonths(-12) : Year.Start;
        await Time("placements+providers+children", async () => (await (
            from p in commissioning.Placements.AsNoTracking()
            where p.ResponsibleLa == settings.CouncilLaCode && p.Start <= Year.End && (p.End == null || p.End >= earliest)
            join provider in commissioning.Providers on p.ProviderId equals provider.Id
            join child in commissioning.Children on p.ChildId equals child.Id
            select new { p.Id, p.Reference, p.Start, p.End, provider.ProvisionType, child.GivenName, child.FamilyName, child.DateOfBirth }).ToListAsync()).Count);
        await Time("agreements", async () => (await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras).AsSplitQuery().ToListAsync()).Count);
        await Time("funding", async () => (await finance.PlacementFunding.AsNoTracking().ToListAsync()).Count);
        await Time("runs", async () => (await finance.PaymentRuns.AsNoTracking().ToListAsync()).Count);
        await Time("paid by placement", async () => (await finance.PaymentLines.AsNoTracking()
            .Where(l => l.FinancialYear == Year && l.HoldId == null && l.Kind != PaymentKind.Fee)
            .GroupBy(l => l.PlacementId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Count);
        await Time("place funding report", async () =>
        {
            await new Placements.Finance.Reports.PlaceFundingReport(commissioning, finance).LoadAsync(Year, settings.CouncilLaCode);
            return 1;
        });
        Console.WriteLine("load breakdown: " + string.Join("; ", parts));
    }

    private sealed record Result(string Database, int Placements, int Runs, int Lines, TimeSpan Load, TimeSpan Compute, Money Forecast);
}
