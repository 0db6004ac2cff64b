using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;

namespace Placements.Benchmarks;

/// <summary>
/// Matching a county's open invoice lines against its individual placement agreements (issue 6: 50,000 lines in under
/// 5 s). Generates, untimed, fee-paid placements at independent special schools with agreements (three in four termly in
/// advance, split by school days or in thirds, the rest monthly in arrears; some with a 1 April uplift and extras), two
/// academic years of term dates, and their invoices from September 2024 to March 2026, one invoice per provider and period,
/// until there are <c>--lines</c> lines, every one Unmatched: most at the expected amount, some within the tolerance, some
/// beyond it, and a few for placements with no agreement. Then times <see cref="MatchInvoiceLines.MatchAsync"/> over all of
/// them on the product's own contexts (audit interceptor and all), best of <c>--repeats</c>, resetting the lines to
/// Unmatched between repeats so each is a first match.
/// </summary>
public static class InvoiceMatchingScenario
{
    public const string Usage = "invoice-matching [--lines 50000] [--database sqlite|postgres|both] [--repeats 3]";
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    private static readonly LocalDate From = new(2024, 9, 1);
    private static readonly LocalDate To = new(2026, 3, 31);

    private static readonly string PostgresServer =
        Environment.GetEnvironmentVariable("PLACEMENTS_BENCH_POSTGRES") is { Length: > 0 } cs
            ? cs
            : "Host=localhost;Port=5432;Username=placements;Password=placements;Database=postgres";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var lines = 50_000;
        var repeats = 3;
        var databases = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i], i + 1 < args.Count ? args[i + 1] : null)
            {
                case ("--lines", { } n):
                    lines = int.Parse(n, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case ("--repeats", { } n):
                    repeats = Math.Max(1, int.Parse(n, CultureInfo.InvariantCulture));
                    i++;
                    break;
                case ("--database", { } d):
                    databases = d.ToLowerInvariant() switch
                    {
                        "sqlite" => [DatabaseProvider.Sqlite],
                        "postgres" or "postgresql" => [DatabaseProvider.Postgres],
                        "both" => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
                        _ => throw new ArgumentException($"--database is sqlite, postgres or both, not '{d}'."),
                    };
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"usage: {Usage}");
                    return 2;
            }
        }

        var county = SyntheticInvoices.Generate(lines);
        Console.WriteLine($"Generated {county.LineCount:N0} invoice lines on {county.Invoices.Count:N0} invoices for {county.Placements.Count:N0} placements " +
                          $"({county.Agreements.Count:N0} with agreements) at {county.Providers.Count} providers; {Environment.ProcessorCount} cores, best of {repeats}");
        var work = Directory.CreateTempSubdirectory("placements-invoice-matching-");
        var results = new List<Result>();
        try
        {
            foreach (var database in databases)
                results.Add(await MeasureAsync(database, county, work.FullName, repeats));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine("| database | lines | match (best) | lines/s | ready to approve | queried | unmatched | other |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Database} | {r.Lines:N0} | {Format(r.Best)} | {r.Lines / r.Best.TotalSeconds:N0} | {r.Count(InvoiceLineStatus.ReadyToApprove):N0} | " +
                              $"{r.Count(InvoiceLineStatus.Queried):N0} | {r.Count(InvoiceLineStatus.Unmatched):N0} | " +
                              $"{r.Statuses.Where(s => s.Key is not (InvoiceLineStatus.ReadyToApprove or InvoiceLineStatus.Queried or InvoiceLineStatus.Unmatched)).Sum(s => s.Value):N0} |");
        var failures = 0;
        foreach (var r in results)
        {
            var ok = r.Best < Target && r.Matched == r.Lines && r.Count(InvoiceLineStatus.Unmatched) == county.LinesWithoutAgreement
                     && r.Count(InvoiceLineStatus.Queried) == county.LinesBeyondTolerance;
            if (!ok) failures++;
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {r.Database}: matched {r.Matched:N0} of {r.Lines:N0} lines in {Format(r.Best)} (target < {Format(Target)}); " +
                              $"unmatched {r.Count(InvoiceLineStatus.Unmatched):N0} (expected {county.LinesWithoutAgreement:N0}), " +
                              $"queried {r.Count(InvoiceLineStatus.Queried):N0} (expected {county.LinesBeyondTolerance:N0})");
        }
        return failures == 0 ? 0 : 1;
    }

    private static async Task<Result> MeasureAsync(DatabaseProvider database, SyntheticInvoices county, string work, int repeats)
    {
        Console.WriteLine();
        Console.WriteLine($"== {database} ==");
        var connectionString = database == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(work, "invoice-matching.db") }.ToString()
            : await CreatePostgresAsync();
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            builder.Configuration[DatabaseSettings.ProviderKey] = database.ToString();
            builder.Configuration[DatabaseSettings.ConnectionStringKey] = connectionString;
            builder.Configuration["Demo:Seed"] = "false";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None";
            builder.AddPlacements();
            await using var app = builder.Build();
            await DatabaseStartup.MigrateAsync(app.Services);

            var load = Stopwatch.StartNew();
            await county.WriteAsync(app.Services.GetRequiredService<DatabaseSettings>());
            Console.WriteLine($"Wrote the county (untimed): {Format(load.Elapsed)}");
            if (database == DatabaseProvider.Postgres)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FinanceDb>().Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var timings = new List<TimeSpan>();
            var matched = 0;
            for (var i = 0; i < repeats; i++)
            {
                if (i > 0) await ResetAsync(app.Services);
                await using var scope = app.Services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var match = new MatchInvoiceLines(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>(), InvoiceSettings.Default);
                var clock = Stopwatch.StartNew();
                matched = await match.MatchAsync();
                timings.Add(clock.Elapsed);
                Console.WriteLine($"match {i + 1}: {matched:N0} lines in {Format(clock.Elapsed)} ({matched / clock.Elapsed.TotalSeconds:N0} lines/s)");
            }

            await using var count = app.Services.CreateAsyncScope();
            var statuses = await count.ServiceProvider.GetRequiredService<FinanceDb>().InvoiceLines
                .GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Console.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key}")));
            return new Result(database.ToString(), county.LineCount, matched, timings.Min(), statuses);
        }
        finally
        {
            if (database == DatabaseProvider.Postgres) await DropPostgresAsync(connectionString);
        }
    }

    /// <summary>Every line back to Unmatched, as recorded (untimed), so the next repeat is a first match too.</summary>
    private static async Task ResetAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FinanceDb>().InvoiceLines.ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Status, InvoiceLineStatus.Unmatched)
            .SetProperty(l => l.AgreementId, (int?)null)
            .SetProperty(l => l.Expected, (Money?)null)
            .SetProperty(l => l.NetInvoiced, Money.Zero)
            .SetProperty(l => l.QueryReason, (string?)null));
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var name = $"placements_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
    }

    private static async Task DropPostgresAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static string Format(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:F2} s" : $"{t.TotalMilliseconds:F0} ms";

    private sealed record Result(string Database, int Lines, int Matched, TimeSpan Best, IReadOnlyDictionary<InvoiceLineStatus, int> Statuses)
    {
        public int Count(InvoiceLineStatus status) => Statuses.GetValueOrDefault(status);
    }

    /// <summary>The generated county: built in memory once, written to each database with plain contexts (no audit rows).</summary>
    private sealed class SyntheticInvoices
    {
        public List<Provider> Providers { get; } = [];
        public List<Term> Terms { get; } = [];
        public List<SchoolClosure> Closures { get; } = [];
        public List<Child> Children { get; } = [];
        /// <summary>Each child's one placement, at a provider (by index).</summary>
        public List<(string Reference, int Provider, LocalDate Start, Attendance Attendance)> Placements { get; } = [];
        /// <summary>By placement index; the placement's id is filled in when written.</summary>
        public List<(int Placement, Func<Placement, Provider, PlacementAgreement> Create)> Agreements { get; } = [];
        /// <summary>Provider index, period, lines (placement index, child index, amount).</summary>
        public List<(int Provider, DateInterval Period, List<(int Placement, DateInterval Period, Money Amount)> Lines)> Invoices { get; } = [];
        public int LineCount { get; private set; }
        public int LinesWithoutAgreement { get; private set; }
        public int LinesBeyondTolerance { get; private set; }

        public static SyntheticInvoices Generate(int lines)
        {
            var random = new Random(6);
            var county = new SyntheticInvoices();
            for (var i = 1; i <= 200; i++)
                county.Providers.Add(new Provider($"IND{i:000}", $"Independent School {i}", ProvisionType.IndependentSpecial, "99" + (i % 9), Phase.AllThrough));
            foreach (var year in new[] { new AcademicYear(2024), new AcademicYear(2025) })
            {
                var (a, b) = (year.StartYear, year.StartYear + 1);
                county.Terms.AddRange([
                    new Term(year, Monday(new(a, 9, 2)), Friday(new(a, 10, 24))), new Term(year, Monday(new(a, 11, 3)), Friday(new(a, 12, 19))),
                    new Term(year, Monday(new(b, 1, 5)), Friday(new(b, 2, 13))), new Term(year, Monday(new(b, 2, 23)), Friday(new(b, 3, 28))),
                    new Term(year, Monday(new(b, 4, 13)), Friday(new(b, 5, 22))), new Term(year, Monday(new(b, 6, 1)), Friday(new(b, 7, 22))),
                ]);
                county.Closures.Add(new SchoolClosure(Monday(new(a, 9, 2)), "INSET day"));
            }
            var calendar = new TermCalendar(county.Terms, county.Closures);

            var invoiceOf = new Dictionary<(int Provider, InvoicingPattern Pattern, LocalDate End), int>();
            for (var p = 0; county.LineCount < lines; p++)
            {
                var providerIndex = random.Next(county.Providers.Count);
                var attendance = random.Next(10) switch { < 7 => Attendance.Day, < 9 => Attendance.WeeklyBoarding, _ => Attendance.Residential52 };
                var start = Monday(new LocalDate(2024 - random.Next(0, 3), 9, 2));
                county.Children.Add(new Child($"B{p + 1:000000}", "Given", "Family", start.PlusYears(-10), Need.ASD, "990"));
                var reference = $"B{p + 1:000000}-1";
                county.Placements.Add((reference, providerIndex, start, attendance));

                var pattern = random.Next(4) == 0 ? InvoicingPattern.MonthlyInArrears : InvoicingPattern.TermlyInAdvance;
                var split = random.Next(5) == 0 ? TermSplit.EqualThirds : TermSplit.SchoolDays;
                var (low, high) = attendance switch { Attendance.Residential52 => (150, 220), Attendance.WeeklyBoarding => (80, 110), _ => (45, 65) };
                var fee = Money.FromPounds(random.Next(low * 100, high * 100 + 1) * 10m);
                var uplift = random.Next(5) == 0;
                var extra = random.Next(3) == 0 ? Money.FromPounds(random.Next(800, 2_001) * 10m) : (Money?)null;
                var withAgreement = random.Next(100) >= 2; // 2% still to match
                var fees = new List<FeeRow> { new(start, fee) };
                if (uplift) fees.Add(new(new LocalDate(2025, 4, 1), fee.Multiply(1.03m)));
                var terms = new AgreementTerms(reference, start, null, attendance, pattern, split, fees,
                    extra is { } e ? [new ExtraRow(ExtraKind.OneToOneSupport, "1:1 support", start, null, e)] : []);
                if (withAgreement)
                    county.Agreements.Add((p, (pl, pr) =>
                    {
                        var agreement = new PlacementAgreement(pl.Id, pl.Reference, pr.Id, pr.Reference, pattern, split, true, "one term",
                            new LocalDate(2026, 4, 1), 30, null);
                        foreach (var f in fees) agreement.ChangeFee(AgreementFee.Annual(f.EffectiveFrom, f.AnnualAmount));
                        if (extra is { } x) agreement.AddExtra(new AgreementExtra(ExtraKind.OneToOneSupport, "1:1 support", x, start, null));
                        return agreement;
                    }));

                foreach (var period in ExpectedAmount.BillingPeriods(terms, new DateInterval(From, To), calendar))
                {
                    if (county.LineCount >= lines) break;
                    var expected = ExpectedAmount.For(terms, period, calendar).Total;
                    var roll = random.Next(100);
                    // 85% as agreed, 10% a few pence out (rounding: within the tolerance), 5% an extra charge beyond it.
                    var amount = roll < 85 ? expected : roll < 95 ? expected + Money.FromPence(random.Next(1, 100)) : expected + Money.FromPounds(random.Next(200, 2_000));
                    if (!withAgreement) county.LinesWithoutAgreement++;
                    // A charge of a few hundred pounds on a 52-week term of £70,000 is within its 0.5% tolerance: count what the rule queries.
                    else if (global::Placements.Finance.Invoices.Calculation.InvoiceMatch.Decide(amount, expected, InvoiceSettings.Default.Tolerance).Status
                             == InvoiceLineStatus.Queried) county.LinesBeyondTolerance++;
                    var key = (providerIndex, pattern, period.End);
                    if (!invoiceOf.TryGetValue(key, out var invoice))
                    {
                        invoiceOf[key] = invoice = county.Invoices.Count;
                        county.Invoices.Add((providerIndex, period, []));
                    }
                    county.Invoices[invoice].Lines.Add((p, period, amount)); // each line its own period: a mid-term starter's is shorter
                    county.LineCount++;
                }
            }
            return county;
        }

        /// <summary>Writes the county with plain contexts (no audit interceptor: generating is not what is measured).</summary>
        public async Task WriteAsync(DatabaseSettings settings)
        {
            await using var commissioning = new CommissioningDb(Options<CommissioningDb>(settings, CommissioningDb.MigrationsHistoryTable));
            commissioning.ChangeTracker.AutoDetectChangesEnabled = false;
            commissioning.Providers.AddRange(Providers);
            commissioning.Terms.AddRange(Terms);
            commissioning.SchoolClosures.AddRange(Closures);
            commissioning.Children.AddRange(Children);
            await commissioning.SaveChangesAsync();
            var placements = Placements.Select((p, i) =>
            {
                var placement = new Placement(p.Reference, Children[i].Id, Providers[p.Provider].Id, p.Start, null, "990") { Attendance = p.Attendance };
                placement.Agree(providerHasVacancy: true, overrideReason: null);
                return placement;
            }).ToList();
            commissioning.Placements.AddRange(placements);
            await commissioning.SaveChangesAsync();

            await using var finance = new FinanceDb(Options<FinanceDb>(settings, FinanceDb.MigrationsHistoryTable));
            finance.ChangeTracker.AutoDetectChangesEnabled = false;
            finance.PlacementAgreements.AddRange(Agreements.Select(a => a.Create(placements[a.Placement], Providers[Placements[a.Placement].Provider])));
            var now = SystemClock.Instance.GetCurrentInstant();
            var number = 0;
            foreach (var (providerIndex, period, lines) in Invoices)
            {
                var provider = Providers[providerIndex];
                var received = period.End.PlusDays(3);
                var invoice = new Invoice(provider.Id, provider.Reference, $"INV-{++number:000000}", InvoiceKind.Invoice, period.End.PlusDays(1), received,
                    30, "bench-officer", now, "benchmark", null);
                foreach (var (p, linePeriod, amount) in lines)
                    invoice.AddLine(new InvoiceLine(placements[p].Id, placements[p].Reference, Children[p].Reference, "GF", linePeriod.Start, linePeriod.End, amount,
                        "Fees", null, null));
                finance.Invoices.Add(invoice);
            }
            finance.ChangeTracker.DetectChanges();
            await finance.SaveChangesAsync();
        }

        private static DbContextOptions<T> Options<T>(DatabaseSettings settings, string history) where T : DbContext
        {
            var options = new DbContextOptionsBuilder<T>();
            settings.Configure(options, history);
            return options.Options;
        }

        private static LocalDate Monday(LocalDate d) => d.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
        private static LocalDate Friday(LocalDate d) => d.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Friday));
    }
}
