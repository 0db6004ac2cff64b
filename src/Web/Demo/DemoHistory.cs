using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Reports;
using Placements.Web.Security;

namespace Placements.Web.Demo;

/// <summary>
/// The demo county's year so far (<c>Demo:PaymentRuns</c>, on by default): every month from April to last month, the
/// payment run prepared on the 5th at 06:00 by <c>finance.officer</c> and approved that morning by <c>finance.approver</c>
/// (then <c>head.of.finance</c>, the run being above the first approver's limit), and the budget snapshot taken on the 6th
/// at 07:00 as the monthly job would — all through the real use cases on a clock set to that day. Each snapshot is of the
/// forecast as it was known then (<see cref="AsKnownOn"/>), so this month's forecast moves from last month's for the
/// reasons a budget holder sees in a real council: new placements, ended placements, re-banded rates, invoices above the
/// agreement. Also the DSG position of the last two (closed) years and this one, and a September budget revision.
/// </summary>
public sealed class DemoHistory(IServiceProvider services, LocalDate today)
{
    public const string Officer = "finance.officer";
    public const string Approver = "finance.approver";
    public const string SecondApprover = "head.of.finance";
    public const string RevisionReason = "DSG management plan revised in September";
    public const string RevisedLine = "1.2.3";

    private readonly CommissioningDb _commissioning = services.GetRequiredService<CommissioningDb>();
    private readonly FinanceDb _finance = services.GetRequiredService<FinanceDb>();
    private readonly AuditActor _actor = services.GetRequiredService<AuditActor>();
    private readonly FinancialYear _year = FinancialYear.For(today);

    /// <summary>The months the history covers: April of this financial year to last month (none in April).</summary>
    public IReadOnlyList<YearMonth> Months
    {
        get
        {
            var months = new List<YearMonth>();
            for (var m = new YearMonth(_year.StartYear, 4); m < today.ToYearMonth(); m = m.PlusMonths(1)) months.Add(m);
            return months;
        }
    }

    /// <summary>The payment runs, prepared and approved month by month (before the demo invoices, which the next run pays).</summary>
    public async Task SeedPaymentRunsAsync(CancellationToken cancellationToken = default)
    {
        _commissioning.ChangeTracker.Clear();
        _finance.ChangeTracker.Clear();
        var configuration = services.GetRequiredService<IConfiguration>();
        var settings = new PaymentSettings(services.GetRequiredService<CouncilSettings>().LaCode,
            TopUpScheduleText.GoLiveMonth(configuration) ?? new YearMonth(_year.StartYear, 4));
        var writer = services.GetService<IPaymentLineWriter>();
        foreach (var month in Months)
        {
            var fifth = month.OnDayOfMonth(5);
            _actor.ActingAs(Officer);
            var outcome = await new PreparePaymentRun(_commissioning, _finance, At(fifth, 6), writer).RunAsync(month, Officer, settings, null, cancellationToken);
            if (outcome.Run is null) continue;
            _actor.ActingAs(Approver);
            var run = await new ApprovePaymentRun(_finance, At(fifth, 9)).ApproveAsync(month,
                new Approver(Approver, DemoStartup.DemoApprovalLimits[Approver]), null, cancellationToken: cancellationToken);
            if (!run.IsApproved)
            {
                _actor.ActingAs(SecondApprover);
                await new ApprovePaymentRun(_finance, At(fifth, 10)).ApproveAsync(month,
                    new Approver(SecondApprover, DemoStartup.DemoApprovalLimits[SecondApprover]), null, cancellationToken: cancellationToken);
            }
            _finance.ChangeTracker.Clear();
        }
        _actor.ActingAs("system:demo-seed");
    }

    /// <summary>
    /// The monthly snapshots (after the demo invoices and agreements, which the forecasts price independent placements by:
    /// invoices approved today are not yet known on a past date), the September budget revision between them, and the DSG years.
    /// </summary>
    public async Task SeedBudgetHistoryAsync(CancellationToken cancellationToken = default)
    {
        _commissioning.ChangeTracker.Clear();
        _finance.ChangeTracker.Clear();
        var settings = services.GetRequiredService<BudgetSettings>();
        var loader = new LoadForecastInputs(_commissioning, _finance);
        foreach (var month in Months)
        {
            var sixth = month.OnDayOfMonth(6);
            var inputs = await loader.LoadAsync(_year, sixth, settings, cancellationToken);
            _actor.ActingAs(BudgetSnapshotJobActor);
            await new TakeBudgetSnapshot(loader, _finance, At(sixth, 7), services.GetService<ISnapshotPlacementWriter>())
                .SaveAsync(AsKnownOn(inputs, sixth, today), BudgetSnapshotJobActor, settings, cancellationToken);
            if (month.Month == 9) await ReviseBudgetAsync(month.OnDayOfMonth(24), cancellationToken);
        }
        if (!Months.Any(m => m.Month == 9)) await ReviseBudgetAsync(today, cancellationToken);
        await SeedDsgYearsAsync(settings, cancellationToken);
        _actor.ActingAs("system:demo-seed");
    }

    private const string BudgetSnapshotJobActor = Jobs.BudgetSnapshotJob.ScheduledActor;

    /// <summary>The demo's one budget revision: the independent line raised when the DSG management plan was revised.</summary>
    private async Task ReviseBudgetAsync(LocalDate on, CancellationToken cancellationToken)
    {
        const string by = "budget.holder";
        _actor.ActingAs(by);
        var line = await _finance.BudgetLines.AsNoTracking().SingleOrDefaultAsync(l => l.FinancialYear == _year && l.S251LineCode == RevisedLine, cancellationToken);
        if (line is null) return;
        await new ReviseBudget(_finance, At(on, 11)).RunAsync(_year, RevisedLine, TenThousands(line.Amount.ToPounds() * 1.05m),
            RevisionReason, by, cancellationToken);
        _finance.ChangeTracker.Clear();
    }

    /// <summary>
    /// The last two years closed with an outturn above the allocation, the deficit building up (£3.2m, £4.4m, £5.9m
    /// brought forward); this year's allocation 3% below today's forecast (the demo is relative to today, so it is worked
    /// out from it), so the year adds to the deficit; the 2–18 population about 120,000.
    /// </summary>
    private async Task SeedDsgYearsAsync(BudgetSettings settings, CancellationToken cancellationToken)
    {
        _actor.ActingAs("system:demo-seed");
        var forecast = HighNeedsForecast.Compute(await new LoadForecastInputs(_commissioning, _finance).LoadAsync(_year, today, settings, cancellationToken),
            ForecastOptions.Base, settings.Rag).Forecast;
        var allocation = TenThousands(forecast.ToPounds() * 0.97m);
        // The allocation grows about 5% a year; each closed year overspent it, adding to the deficit (+£1.2m, +£1.5m).
        var lastAllocation = TenThousands(allocation.ToPounds() * 0.95m);
        var twoAgoAllocation = TenThousands(lastAllocation.ToPounds() * 0.95m);
        var set = new SetDsgYear(_finance);
        var (twoAgo, lastYear) = (_year.Previous().Previous(), _year.Previous());
        await set.RunAsync(twoAgo, twoAgoAllocation, Money.FromPounds(3_200_000m), 118_400, twoAgoAllocation + Money.FromPounds(1_200_000m), cancellationToken);
        await set.RunAsync(lastYear, lastAllocation, Money.FromPounds(4_400_000m), 119_300, lastAllocation + Money.FromPounds(1_500_000m), cancellationToken);
        await set.RunAsync(_year, allocation, Money.FromPounds(5_900_000m), 120_100, null, cancellationToken);
        _finance.ChangeTracker.Clear();
    }

    /// <summary>
    /// The forecast inputs loaded on <paramref name="date"/> from today's records, cut back to what was known on that date:
    /// placements starting after it (and by today) were recorded when they started, so they are dropped; an end after it
    /// was not yet known (the placement is open-ended); funding rows effective after it (re-banding at a review) were not
    /// yet recorded. Pure.
    /// </summary>
    public static ForecastInputs AsKnownOn(ForecastInputs inputs, LocalDate date, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var placements = inputs.Placements
            .Where(p => !(p.Start > date && p.Start <= today))
            .Select(p => Known(p, date))
            .ToList();
        return inputs with
        {
            Placements = placements,
            RecentStarts = inputs.RecentStarts.Where(s => s.Start <= date).ToList(),
        };
    }

    private static ForecastPlacement Known(ForecastPlacement p, LocalDate date)
    {
        var endKnown = p.End is not { } end || end <= date;
        var topUp = p.TopUp;
        if (topUp is not null && (!endKnown || topUp.Funding.Any(f => f.EffectiveFrom > date)))
        {
            var rows = topUp.Funding.Where(f => f.EffectiveFrom <= date).ToList();
            if (rows.Count == 0) rows = [topUp.Funding[0]];
            topUp = new Finance.Funding.Entitlement.TopUpPlacement(topUp.Reference, topUp.ProvisionType, topUp.Start, endKnown ? topUp.End : null, rows, topUp.Basis);
        }
        if (endKnown && ReferenceEquals(topUp, p.TopUp)) return p;
        return p with
        {
            End = endKnown ? p.End : null,
            TopUp = topUp,
            Agreement = endKnown || p.Agreement is null ? p.Agreement : p.Agreement with { PlacementEnd = null },
        };
    }

    private static Money TenThousands(decimal pounds) => Money.FromPounds(decimal.Round(pounds / 10_000m, 0) * 10_000m);

    /// <summary>A clock stopped at <paramref name="hour"/>:00 UK time on <paramref name="date"/>, for the use cases' timestamps.</summary>
    private static IClock At(LocalDate date, int hour) => new StoppedClock(date.At(new LocalTime(hour, 0)).InZoneLeniently(London).ToInstant());

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private sealed class StoppedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
