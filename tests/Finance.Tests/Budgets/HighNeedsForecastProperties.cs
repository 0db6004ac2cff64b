using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Funding.Entitlement;
using Xunit;

namespace Placements.Finance.Tests.Budgets;

/// <summary>
/// The forecast agrees with the engines that pay: for a year with no new demand, what a placement has been paid plus what
/// is committed is exactly what the funding engine (top-ups) or the agreement (fees) says the year costs; the movement's
/// causes always add up to it; the trend is never negative and grows with the growth scenario.
/// </summary>
[Properties(Arbitrary = [typeof(ForecastArbitraries)], MaxTest = 200)]
public class HighNeedsForecastProperties
{
    private static readonly ForecastOptions NoTrend = new(IncludeTrend: false);

    private static PlacementStage StageOn(LocalDate asAt, LocalDate start, LocalDate? end) =>
        start > asAt ? PlacementStage.NotStarted : end < asAt ? PlacementStage.Ended : PlacementStage.Active;

    /// <summary>Six on 1 April: an open-ended placement runs well past the year (its last NCY, 14, is years away).</summary>
    private static LocalDate YoungChild(FinancialYear year) => year.Start.PlusYears(-6);

    /// <summary>What monthly runs April … the k-th month paid, each paying the entitlement to date less what was paid before.</summary>
    private static Money PaidByRuns(PaidTopUpCase c)
    {
        var paid = Money.Zero;
        YearMonth? last = null;
        for (var i = 0; i < c.MonthsPaid; i++)
        {
            var run = new YearMonth(c.Year.StartYear, 4).PlusMonths(i);
            var owed = TopUpOwed.For(c.TopUp, run, new Dictionary<FinancialYear, Money> { [c.Year] = paid }, c.Settings, last)
                .SingleOrDefault(o => o.Year == c.Year);
            paid += owed?.Owed ?? Money.Zero;
            last = run;
        }
        return paid;
    }

    [Property]
    public void TopUp_PaidForKMonths_ActualPlusCommitmentIsTheEnginesEntitlementExactly(PaidTopUpCase c)
    {
        var actual = PaidByRuns(c);
        var entitlement = TopUpEntitlement.Schedule(c.TopUp, c.Year, c.Settings);
        Assert.Equal(c.MonthsPaid == 0 ? Money.Zero : entitlement.Months[c.MonthsPaid - 1].RoundedCumulative, actual);

        var stage = StageOn(c.AsAt, c.Start, c.End);
        var placement = new ForecastPlacement(1, "PL-0001", "P0012", "C-10001", "JS", ProvisionType.MaintainedSpecial, "1.2.1", stage, c.Start, c.End,
            c.TopUp, null, actual, [], Money.Zero, YoungChild(c.Year), 14);
        var result = HighNeedsForecast.Compute(new ForecastInputs(c.Year, c.AsAt, [placement], c.Settings, new Dictionary<string, Money>(), null, [], []),
            NoTrend, RagThresholds.Default);
        var p = Assert.Single(result.Placements);

        Assert.Null(p.Problem);
        Assert.Equal(entitlement.Total, p.FullYear);
        Assert.Equal(entitlement.Total, p.Actual + p.Commitment + p.Pipeline);
        // Not started, the rest is expected demand (a run on the 5th may already have paid a month it starts later in);
        // started, it is committed.
        if (stage is PlacementStage.NotStarted) Assert.Equal((Money.Zero, entitlement.Total - actual), (p.Commitment, p.Pipeline));
        else Assert.Equal((entitlement.Total - actual, Money.Zero), (p.Commitment, p.Pipeline));
        Assert.Equal(entitlement.Total, result.Line("1.2.1").Forecast);
        Assert.Equal(entitlement.Total, result.Forecast);
    }

    [Property]
    public void FeePaid_SomePeriodsInvoicedAtTheExpectedAmount_ActualPlusCommitmentIsTheAgreementsYearExactly(InvoicedAgreementCase c)
    {
        var terms = c.Terms;
        var periods = ExpectedAmount.BillingPeriods(terms, c.Year.Dates, c.Calendar);
        var invoiced = periods.Where((_, i) => c.Invoiced[i % c.Invoiced.Count]).ToList();
        var actual = Money.Sum(invoiced.Select(period => ExpectedAmount.For(terms, period, c.Calendar).Total));
        var onRoll = c.Year.Dates.Intersection(new DateInterval(terms.PlacementStart, terms.PlacementEnd ?? c.Year.End.PlusDays(1)));
        var year = onRoll is null ? Money.Zero : ExpectedAmount.For(terms, onRoll, c.Calendar).Total;

        var stage = StageOn(c.AsAt, terms.PlacementStart, terms.PlacementEnd);
        var placement = new ForecastPlacement(1, "PL-0001", "P0077", "C-10001", "TL", ProvisionType.IndependentSpecial, "1.2.3", stage,
            terms.PlacementStart, terms.PlacementEnd, null, terms, actual, invoiced, Money.Zero, YoungChild(c.Year), 14);
        var p = HighNeedsForecast.ForPlacement(placement, c.Year, c.AsAt,
            new TopUpSettings(new TopUpBandTable([]), c.Calendar, new YearMonth(2020, 4)));

        Assert.Null(p.Problem);
        Assert.Equal(year, p.FullYear);
        Assert.Equal(year, p.Total);
        if (stage is PlacementStage.NotStarted) Assert.Equal(Money.Zero, p.Commitment);
        else Assert.Equal((year, Money.Zero), (p.Actual + p.Commitment, p.Pipeline));
    }

    [Property]
    public void Uncovered_IsExactlyTheDaysOnRollNoInvoicedPeriodCovers_InOrder(NonNegativeInt from, PositiveInt length, (NonNegativeInt Start, PositiveInt Days)[] periods)
    {
        var origin = new LocalDate(2026, 4, 1);
        var onRoll = new DateInterval(origin.PlusDays(from.Get % 60), origin.PlusDays(from.Get % 60 + length.Get % 120));
        var invoiced = periods.Select(p => new DateInterval(origin.PlusDays(p.Start.Get % 200), origin.PlusDays(p.Start.Get % 200 + p.Days.Get % 40))).ToList();
        var gaps = HighNeedsForecast.Uncovered(onRoll, invoiced);

        var expected = Enumerable.Range(0, onRoll.Length).Select(onRoll.Start.PlusDays).Where(d => !invoiced.Any(i => i.Contains(d))).ToList();
        Assert.Equal(expected, gaps.SelectMany(g => Enumerable.Range(0, g.Length).Select(g.Start.PlusDays)).ToList());
        Assert.All(gaps.Zip(gaps.Skip(1)), pair => Assert.True(pair.Second.Start > pair.First.End.PlusDays(1), "gaps are separate and in order"));
    }

    [Property]
    public void Movement_CausesAlwaysAddUpToCurrentLessPrevious(MovementCase c)
    {
        var movement = ForecastMovement.Between(new(2026, 10, 15), c.PreviousLines, c.Previous, new(2026, 11, 15), c.CurrentLines, c.Current);
        Assert.Equal(Money.Sum(c.CurrentLines.Select(l => l.Forecast)) - Money.Sum(c.PreviousLines.Select(l => l.Forecast)), movement.Total);
        Assert.Equal(movement.Total, Money.Sum(movement.Causes.Select(g => g.Amount)));
        Assert.All(movement.Causes, g => Assert.Equal(g.Amount, Money.Sum(g.Items.Select(i => i.Amount))));
        Assert.All(movement.Causes, g => Assert.DoesNotContain(g.Items, i => i.Amount.IsZero));
        Assert.Equal(movement.Causes.Count, movement.Causes.Select(g => g.Cause).Distinct().Count());
    }

    [Property]
    public void Trend_IsNeverNegative_AndGrowsWithTheGrowthPercentage(TrendCase c)
    {
        var lower = NewPlacementTrend.For(c.Starts, c.AsAt, c.Year, c.LowerGrowth);
        var higher = NewPlacementTrend.For(c.Starts, c.AsAt, c.Year, c.HigherGrowth);
        Assert.Equal(lower.Select(l => (l.S251Line, l.ProvisionType, l.Starts)), higher.Select(l => (l.S251Line, l.ProvisionType, l.Starts)));
        Assert.All(lower.Concat(higher), l => Assert.False(l.Amount.IsNegative, $"{l.S251Line} {l.ProvisionType}: {l.Amount}"));
        Assert.All(lower.Zip(higher), pair => Assert.True(pair.First.Amount <= pair.Second.Amount, $"{pair.First.Amount} at {c.LowerGrowth}% > {pair.Second.Amount} at {c.HigherGrowth}%"));
        Assert.All(lower, l => Assert.Equal(Money.Sum(c.Starts.Where(s => s.S251Line == l.S251Line && s.ProvisionType == l.ProvisionType
            && s.Start > c.AsAt.PlusMonths(-12) && s.Start <= c.AsAt).Select(s => s.AnnualCost)), l.AnnualCostOfStarts));
    }

    [Property]
    public void Trend_WithoutGrowth_IsCTimesNSquaredOver288RoundedOnce_HalfAwayFromZero(TrendCase c)
    {
        var (left, before) = NewPlacementTrend.Months(c.AsAt, c.Year);
        foreach (var line in NewPlacementTrend.For(c.Starts, c.AsAt, c.Year))
        {
            // C × (n² / 288 + gap / 12) = C × (n² + 24 × gap) / 288, as an exact fraction rounded once.
            var exact = new ExactAmount((Int128)line.AnnualCostOfStarts.Pence * (left * left + 24 * before), 288);
            Assert.Equal(exact.Rounded(), line.Amount);
        }
    }
}
