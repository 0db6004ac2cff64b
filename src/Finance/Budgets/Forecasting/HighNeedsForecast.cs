using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Children;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>
/// The forecast outturn of the High Needs Block for a financial year on a date (domain.md §7). Pure: no clock, no
/// database. For each placement:
/// <list type="bullet">
/// <item><b>actual</b>: what approved runs and approved invoices have paid for the year by the forecast date;</item>
/// <item><b>commitment</b> (on roll, or ended): a top-up placement's full-year entitlement from the funding engine, on
/// today's rates and known end dates, less its actual — so actual + commitment is exactly the engine's entitlement, and a
/// placement ended today owes nothing after today; a fee-paid placement's expected amount (from its agreement) over the
/// days of the year no approved invoice covers yet;</item>
/// <item><b>pipeline</b> (agreed not started, or proposed): its cost in the year once it starts.</item>
/// </list>
/// An open-ended placement runs to 31 March, or to the end of the academic year in which the young person reaches the
/// last NCY the setting takes them to. The <b>new-placements trend</b> is measured from the starts of the last 12 months
/// (<see cref="NewPlacementTrend"/>). Place funding (1.0.2) is the engine's place funding for the year; lines not paid
/// through Placements are held at budget.
/// </summary>
public static class HighNeedsForecast
{
    /// <summary>The lines whose forecast is built from placements.</summary>
    public static readonly IReadOnlySet<string> PlacementLines = new HashSet<string> { "1.2.1", "1.2.2", "1.2.3" };

    public const string PlaceFundingLine = "1.0.2";

    public static HighNeedsForecastResult Compute(ForecastInputs inputs, ForecastOptions options, RagThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(thresholds);
        var placements = inputs.Placements.Select(p => ForPlacement(p, inputs.Year, inputs.AsAt, inputs.TopUpSettings)).ToList();
        var trend = NewPlacementTrend.For(inputs.RecentStarts, inputs.AsAt, inputs.Year, options.GrowthPercent);
        var include = options.IncludeTrend;

        // A fee rise from 1 April lifts every placement's cost for the year (back-dated for a year already begun).
        ForecastFigures WithUplift(ForecastFigures f) =>
            options.FeeRisePercent == 0m ? f : f with { Uplift = (f.Actual + f.Commitment + f.ExpectedDemand).Multiply(options.FeeRisePercent / 100m) };

        ForecastFigures PlacementFigures(IEnumerable<PlacementForecast> items, IEnumerable<TrendLine> trendLines) =>
            WithUplift(new ForecastFigures(
                Money.Sum(items.Select(p => p.Actual)), Money.Sum(items.Select(p => p.Commitment)), Money.Sum(items.Select(p => p.Pipeline)),
                Money.Sum(trendLines.Select(t => t.Amount)), Money.Zero, include));

        var byLine = placements.ToLookup(p => p.Placement.S251Line);
        var trendByLine = trend.ToLookup(t => t.S251Line);
        var lines = S251Line.HighNeeds.Select(line =>
        {
            var budget = inputs.Budgets.GetValueOrDefault(line.Code);
            var (basis, figures) = line.Code switch
            {
                _ when PlacementLines.Contains(line.Code) || byLine[line.Code].Any() =>
                    (LineBasis.Placements, PlacementFigures(byLine[line.Code], trendByLine[line.Code])),
                PlaceFundingLine when inputs.PlaceFunding is { } placeFunding =>
                    (LineBasis.PlaceFunding, ForecastFigures.Zero(include) with { Commitment = placeFunding }),
                _ => (LineBasis.HeldAtBudget, ForecastFigures.Zero(include) with { Commitment = budget }),
            };
            // A line held at budget says nothing about the year: it is not measured against the thresholds.
            var rag = basis == LineBasis.HeldAtBudget ? RagStatus.Green : thresholds.Of(figures.Forecast, budget);
            return new LineForecast(line, basis, budget, figures, rag);
        }).ToList();

        var trendByType = trend.ToLookup(t => t.ProvisionType);
        var types = placements.GroupBy(p => p.Placement.ProvisionType).Select(g => g.Key)
            .Union(trend.Select(t => t.ProvisionType))
            .OrderBy(t => t)
            .Select(type => new ProvisionTypeForecast(type, placements.Count(p => p.Placement.ProvisionType == type),
                PlacementFigures(placements.Where(p => p.Placement.ProvisionType == type), trendByType[type])))
            .ToList();

        var profile = Profile(inputs, lines.Where(l => l.Basis == LineBasis.Placements).ToList());
        return new HighNeedsForecastResult(inputs.Year, inputs.AsAt, options, lines, types, placements, trend, profile);
    }

    /// <summary>One placement's actual, commitment and pipeline for the year.</summary>
    public static PlacementForecast ForPlacement(ForecastPlacement p, FinancialYear year, LocalDate asAt, TopUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(settings);
        var end = ProjectedEnd(p, asAt);
        var started = p.Stage is PlacementStage.Active or PlacementStage.Ended;
        try
        {
            Money fullYear, rate;
            Money? uncovered = null;
            if (p.TopUp is { } topUp)
            {
                fullYear = TopUpEntitlement.Schedule(topUp.WithEnd(end), year, settings).Total;
                rate = TopUpRate(topUp, Clamp(asAt, p.Start, end), settings.Bands);
            }
            else if (p.Agreement is { } agreement)
            {
                var terms = agreement with { PlacementEnd = end };
                var onRoll = OnRollIn(year, p.Start, end);
                fullYear = onRoll is null ? Money.Zero : ExpectedAmount.For(terms, onRoll, settings.TermCalendar).Total;
                uncovered = onRoll is null ? Money.Zero
                    : Money.Sum(Uncovered(onRoll, p.Invoiced).Select(gap => ExpectedAmount.For(terms, gap, settings.TermCalendar).Total));
                rate = FeeRate(terms, Clamp(asAt, p.Start, end));
            }
            else
            {
                return new(p, Money.Zero, Money.Zero, p.Actual, Money.Zero, Money.Zero, end,
                    "No cost is recorded: it has neither a top-up band or amount nor a placement agreement.");
            }

            // Paid by schedule, actual + commitment is the engine's entitlement exactly; fee-paid, what no approved invoice covers yet.
            var commitment = started ? uncovered ?? fullYear - p.Actual : Money.Zero;
            var pipeline = started ? Money.Zero : (uncovered ?? fullYear - p.Actual);
            return new(p, rate, fullYear, p.Actual, commitment, pipeline, end, null);
        }
        catch (TopUpAmountMissingException missing)
        {
            return new(p, Money.Zero, Money.Zero, p.Actual, Money.Zero, Money.Zero, end, string.Join("; ", missing.Missing.Select(m => m.ToString())));
        }
        catch (DomainRuleException rule)
        {
            return new(p, Money.Zero, Money.Zero, p.Actual, Money.Zero, Money.Zero, end, rule.Message);
        }
    }

    /// <summary>
    /// The known end; for an open-ended placement the end of the academic year in which the young person reaches the last
    /// NCY the setting takes them to, unless that has already passed (they are still on roll, so the year runs on).
    /// </summary>
    public static LocalDate? ProjectedEnd(ForecastPlacement p, LocalDate asAt)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.End is { } known) return known;
        var thisYear = AcademicYear.For(asAt > p.Start ? asAt : p.Start);
        var yearsToGo = p.LastNcy - NationalCurriculumYear.For(p.DateOfBirth, thisYear);
        return yearsToGo is < 0 or > 30 ? null : new AcademicYear(thisYear.StartYear + yearsToGo).End;
    }

    /// <summary>The days of <paramref name="year"/> on roll, or null when none are.</summary>
    private static DateInterval? OnRollIn(FinancialYear year, LocalDate start, LocalDate? end)
    {
        var from = start > year.Start ? start : year.Start;
        var to = end is { } e && e < year.End ? e : year.End;
        return to < from ? null : new DateInterval(from, to);
    }

    /// <summary>The parts of <paramref name="onRoll"/> that no invoiced period covers, in date order.</summary>
    public static IReadOnlyList<DateInterval> Uncovered(DateInterval onRoll, IReadOnlyList<DateInterval> invoiced)
    {
        ArgumentNullException.ThrowIfNull(onRoll);
        ArgumentNullException.ThrowIfNull(invoiced);
        var gaps = new List<DateInterval>();
        var from = onRoll.Start;
        foreach (var period in invoiced.OrderBy(i => i.Start))
        {
            if (period.End < from) continue;
            if (period.Start > onRoll.End) break;
            if (period.Start > from) gaps.Add(new DateInterval(from, period.Start.PlusDays(-1) < onRoll.End ? period.Start.PlusDays(-1) : onRoll.End));
            if (period.End >= onRoll.End) return gaps;
            from = period.End.PlusDays(1) > from ? period.End.PlusDays(1) : from;
        }
        if (from <= onRoll.End) gaps.Add(new DateInterval(from, onRoll.End));
        return gaps;
    }

    /// <summary>The annual top-up, or fee with extras, in force on <paramref name="day"/>.</summary>
    public static Money AnnualRateOn(ForecastPlacement p, LocalDate day, TopUpBandTable bands)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(bands);
        return p.TopUp is { } topUp ? TopUpRate(topUp, day, bands) : p.Agreement is { } terms ? FeeRate(terms, day) : Money.Zero;
    }

    private static Money TopUpRate(TopUpPlacement topUp, LocalDate day, TopUpBandTable bands)
    {
        var row = topUp.Funding.LastOrDefault(r => r.EffectiveFrom <= day) ?? topUp.Funding.FirstOrDefault();
        if (row is null) return Money.Zero;
        return row.AgreedAnnualAmount ?? bands.Find(topUp.ProvisionType, row.Band!, FinancialYear.For(day)) ?? Money.Zero;
    }

    private static Money FeeRate(AgreementTerms terms, LocalDate day)
    {
        var fee = terms.Fees.LastOrDefault(f => f.EffectiveFrom <= day) ?? terms.Fees.FirstOrDefault();
        var extras = terms.Extras.Where(e => e.From <= day && day <= (e.To ?? LocalDate.MaxIsoValue)).Select(e => e.AnnualAmount);
        return (fee?.AnnualAmount ?? Money.Zero) + Money.Sum(extras);
    }

    private static LocalDate Clamp(LocalDate day, LocalDate start, LocalDate? end) =>
        day < start ? start : end is { } e && day > e ? e : day;

    /// <summary>
    /// The chart of the lines forecast from placements: budget cumulative in twelfths, actuals cumulative by the month they
    /// were approved through the forecast date's month, and the forecast — actuals to date, then the rest spread evenly over
    /// the months left (penny-exact, by <see cref="Money.Allocate(int)"/>).
    /// </summary>
    private static IReadOnlyList<ForecastMonth> Profile(ForecastInputs inputs, IReadOnlyList<LineForecast> lines)
    {
        var codes = lines.Select(l => l.Line.Code).ToHashSet();
        var budget = Money.Sum(lines.Select(l => l.Budget)).Allocate(12);
        var first = new YearMonth(inputs.Year.StartYear, 4);
        var asAtMonth = inputs.AsAt.ToYearMonth();
        var actualByMonth = inputs.MonthlyActuals.Where(a => codes.Contains(a.S251Line))
            .GroupBy(a => a.Month).ToDictionary(g => g.Key, g => Money.Sum(g.Select(a => a.Amount)));
        var monthsKnown = Enumerable.Range(0, 12).Count(i => first.PlusMonths(i) <= asAtMonth);
        var actualToDate = Money.Sum(Enumerable.Range(0, monthsKnown).Select(i => actualByMonth.GetValueOrDefault(first.PlusMonths(i))));
        var rest = Money.Sum(lines.Select(l => l.Forecast)) - actualToDate;
        var spread = monthsKnown == 12 ? [] : rest.Allocate(12 - monthsKnown);

        var months = new List<ForecastMonth>();
        var (budgetSoFar, actualSoFar, forecastSoFar) = (Money.Zero, Money.Zero, Money.Zero);
        for (var i = 0; i < 12; i++)
        {
            var month = first.PlusMonths(i);
            budgetSoFar += budget[i];
            if (i < monthsKnown)
            {
                actualSoFar += actualByMonth.GetValueOrDefault(month);
                forecastSoFar = actualSoFar + (monthsKnown == 12 && i == 11 ? rest : Money.Zero);
                months.Add(new ForecastMonth(month, budgetSoFar, actualSoFar, forecastSoFar));
            }
            else
            {
                forecastSoFar += spread[i - monthsKnown];
                months.Add(new ForecastMonth(month, budgetSoFar, null, forecastSoFar));
            }
        }
        return months;
    }
}
