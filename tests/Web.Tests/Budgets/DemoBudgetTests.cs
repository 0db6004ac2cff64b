using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Demo;
using Placements.Web.Hosting;
using Placements.Web.Jobs;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// The demo county with its year so far (<c>Demo:PaymentRuns</c>, as <c>dotnet run</c> seeds it): the runs of April to
/// last month approved on their 5ths, a snapshot on each 6th as known then, so this month's forecast moves from last
/// month's for real reasons; the DSG years and the September revision; and the demo invoices seeded after the runs.
/// </summary>
public sealed class DemoBudgetTests(BudgetDemoApp app) : IClassFixture<BudgetDemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly LocalDate Today = SystemClock.Instance.TodayInLondon();
    private static readonly FinancialYear Year = FinancialYear.For(Today);
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static List<YearMonth> Months()
    {
        var months = new List<YearMonth>();
        for (var m = new YearMonth(Year.StartYear, 4); m < Today.ToYearMonth(); m = m.PlusMonths(1)) months.Add(m);
        return months;
    }

    [Fact]
    public async Task EveryMonthFromAprilToLastMonth_HasAnApprovedRun_PreparedOnThe5th_AndASnapshotOnThe6th()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var months = Months();
        Assert.NotEmpty(months);

        var runs = await finance.PaymentRuns.AsNoTracking().Include(r => r.Events).OrderBy(r => r.Month).ToListAsync(Ct);
        Assert.Equal(months, runs.Select(r => r.Month));
        Assert.All(runs, r =>
        {
            Assert.Equal((PaymentRunStatus.Approved, DemoHistory.Officer, 1), (r.Status, r.PreparedBy, r.Sequence));
            Assert.Equal(r.Month.OnDayOfMonth(5), r.ApprovedAt!.Value.InZone(London).Date);
            Assert.True(r.LineCount > 1_000, $"{r.Title}: {r.LineCount} lines");
        });
        // A month's top-ups (over £1m) are above the finance approver's limit: the head of finance approved second.
        Assert.Contains(runs, r => r.ApprovedBy == DemoHistory.SecondApprover);

        var snapshots = await finance.BudgetSnapshots.AsNoTracking().OrderBy(s => s.Month).ToListAsync(Ct);
        Assert.Equal(months, snapshots.Select(s => s.Month));
        Assert.All(snapshots, s => Assert.Equal((s.Month.OnDayOfMonth(6), BudgetSnapshotJob.ScheduledActor), (s.AsAt, s.TakenBy)));
        Assert.All(snapshots, s => Assert.Equal(s.Month.OnDayOfMonth(6), s.TakenAt.InZone(London).Date));
        // Actuals grow month by month (each snapshot counts the runs approved by its date).
        var lines = await finance.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).OrderBy(s => s.Month).ToListAsync(Ct);
        var actuals = lines.Select(s => Money.Sum(s.Lines.Select(l => l.Actual))).ToList();
        Assert.Equal(actuals.Order(), actuals);
        Assert.True(actuals[^1] > actuals[0]);

        // The invoices seeded after the runs are still there, waiting for the next run.
        Assert.True(await finance.Invoices.CountAsync(Ct) > 10);
    }

    [Fact]
    public async Task TheLiveForecast_HasMovedSinceLastMonthsSnapshot_ForNewAndEndedPlacements()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var settings = sp.GetRequiredService<BudgetSettings>();
        var queries = sp.GetRequiredService<BudgetMonitoringQueries>();
        var previous = await queries.PreviousSnapshotAsync(Year, Today, Ct);
        Assert.NotNull(previous);
        Assert.Equal(Today.ToYearMonth().PlusMonths(-1), previous.Month);

        var forecast = await sp.GetRequiredService<ForecastOutturn>().ForecastAsync(Year, Today, ForecastOptions.Base, settings, Ct);
        var movement = await queries.MovementSinceAsync(previous, forecast, Ct);

        Assert.Equal(forecast.Forecast - previous.Forecast, movement.Total);
        Assert.Equal(movement.Total, Money.Sum(movement.Causes.Select(c => c.Amount)));
        var causes = movement.Causes.ToDictionary(c => c.Cause);
        Assert.True(causes.TryGetValue(MovementCause.NewPlacements, out var added) && !added.Amount.IsZero, "new placements since last month");
        Assert.True(added!.Amount.Pence > 0, $"new placements add {added.Amount}");
        Assert.True(causes.TryGetValue(MovementCause.EndedPlacements, out var ended) && !ended.Amount.IsZero, "placements ended since last month");
        Assert.True(ended!.Amount.IsNegative, $"ended placements save {ended.Amount}");
        Assert.All(added.Items.Concat(ended.Items), i => Assert.NotNull(i.PlacementReference));
    }

    [Fact]
    public async Task SnapshotPlacementRows_NameNoChild()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var children = await sp.GetRequiredService<CommissioningDb>().Children.AsNoTracking()
            .Select(c => new { c.GivenName, c.FamilyName }).ToListAsync(Ct);
        var names = children.SelectMany(c => new[] { c.GivenName + " " + c.FamilyName, c.FamilyName }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = await sp.GetRequiredService<FinanceDb>().BudgetSnapshotPlacements.AsNoTracking().ToListAsync(Ct);

        Assert.True(rows.Count > 10_000, $"{rows.Count} rows");
        Assert.All(rows, r =>
        {
            Assert.InRange(r.ChildInitials.Length, 1, 3);
            foreach (var text in new[] { r.ChildReference, r.ChildInitials, r.PlacementReference, r.ProviderReference })
                Assert.DoesNotContain(text, names);
        });
    }

    [Fact]
    public async Task TheDsgYears_BuildUpADeficit_AndThisYearsBudgetWasRevisedInSeptember()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var finance = sp.GetRequiredService<FinanceDb>();
        var years = await finance.DsgYears.AsNoTracking().OrderBy(d => d.FinancialYear).ToListAsync(Ct);

        Assert.Equal([Year.Previous().Previous(), Year.Previous(), Year], years.Select(y => y.FinancialYear));
        Assert.Equal([3_200_000m, 4_400_000m, 5_900_000m], years.Select(y => y.DeficitBroughtForward.ToPounds()));
        Assert.All(years.Take(2), y => Assert.True(y.Outturn > y.HighNeedsAllocation, $"{y.FinancialYear} overspent"));
        Assert.Null(years[2].Outturn);
        Assert.All(years, y => Assert.InRange(y.Population2To18!.Value, 110_000, 130_000));
        var forecast = await sp.GetRequiredService<ForecastOutturn>().ForecastAsync(Year, Today, ForecastOptions.Base, sp.GetRequiredService<BudgetSettings>(), Ct);
        Assert.True(years[2].HighNeedsAllocation < forecast.Forecast, "this year's forecast is above the allocation: an in-year deficit");

        var revised = await finance.BudgetLines.AsNoTracking().Include(l => l.Revisions)
            .SingleAsync(l => l.FinancialYear == Year && l.S251LineCode == DemoHistory.RevisedLine, Ct);
        var revision = Assert.Single(revised.Revisions);
        Assert.Equal((2, DemoHistory.RevisionReason), (revised.Version, revision.Reason));
        Assert.True(revision.Amount > revision.Previous);
        // Snapshots before the revision were measured against the budget then in force.
        var snapshots = await finance.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).OrderBy(s => s.Month).ToListAsync(Ct);
        Assert.Equal(revision.Previous, snapshots[0].Lines.Single(l => l.S251Line == DemoHistory.RevisedLine).Budget);
        Assert.Equal(revision.Amount, snapshots[^1].Lines.Single(l => l.S251Line == DemoHistory.RevisedLine).Budget);
    }
}
