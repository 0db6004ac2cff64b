using NodaTime;
using Placements.Finance.Budgets.Snapshots;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>Why the forecast moved since last month (issue 7: new placements, ended placements, rate changes, invoices above expected).</summary>
public enum MovementCause
{
    NewPlacements,
    EndedPlacements,
    RateChanges,
    InvoicesAboveExpected,
    NewPlacementTrend,
    /// <summary>Place funding and the lines held at budget (a budget revision moves them).</summary>
    PlaceFundingAndOtherLines,
    /// <summary>Everything else: payments differing from what was committed, corrections, placements withdrawn.</summary>
    Other,
}

/// <summary>One placement's part of a forecast, as a snapshot keeps it and as a live forecast gives it.</summary>
public sealed record PlacementPart(
    int PlacementId, string Reference, string ProviderReference, string ChildInitials, string S251Line, PlacementStage Stage,
    LocalDate? End, Money AnnualRate, Money Total, Money InvoicedAboveExpected)
{
    public static PlacementPart From(PlacementForecast p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var x = p.Placement;
        return new(x.PlacementId, x.Reference, x.ProviderReference, x.ChildInitials, x.S251Line, x.Stage, x.End, p.AnnualRate, p.Total, x.InvoicedAboveExpected);
    }

    public static PlacementPart From(BudgetSnapshotPlacement p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.PlacementId, p.PlacementReference, p.ProviderReference, p.ChildInitials, p.S251Line, p.Stage, p.End, p.AnnualRate, p.Total,
            p.InvoicedAboveExpected);
    }
}

/// <summary>A forecast's figures by line, as movement compares them: the forecast and the trend counted in it.</summary>
public sealed record LineTotals(string S251Line, Money Forecast, Money TrendCounted);

/// <summary>One placement's (or one line's) movement and why.</summary>
public sealed record MovementItem(MovementCause Cause, string S251Line, string? PlacementReference, string? ProviderReference, string? ChildInitials,
    Money Amount, string Description);

/// <summary>The movement for one cause: its total and the items that make it, largest first.</summary>
public sealed record MovementGroup(MovementCause Cause, Money Amount, IReadOnlyList<MovementItem> Items);

/// <summary>The movement of the forecast between two dates, explained: the causes add up to it exactly.</summary>
public sealed record ForecastMovementResult(LocalDate From, LocalDate To, Money Previous, Money Current, IReadOnlyList<MovementGroup> Causes)
{
    public Money Total => Current - Previous;
}

/// <summary>
/// Explains the movement between two forecasts of the same year (pure). Each placement's change goes to one cause, tested
/// in this order: new (not in the earlier forecast), ended (an end date recorded or brought forward), rate change (its
/// annual top-up or fee changed), invoices above expected (approved invoices above the agreement grew), else other. The
/// trend's change and the change in lines not forecast from placements are causes of their own, and whatever is left on a
/// line is "other", so the causes always add up to the movement to the penny.
/// </summary>
public static class ForecastMovement
{
    public static ForecastMovementResult Between(LocalDate from, IReadOnlyList<LineTotals> previousLines, IReadOnlyList<PlacementPart> previousPlacements,
        LocalDate to, IReadOnlyList<LineTotals> currentLines, IReadOnlyList<PlacementPart> currentPlacements)
    {
        ArgumentNullException.ThrowIfNull(previousLines);
        ArgumentNullException.ThrowIfNull(previousPlacements);
        ArgumentNullException.ThrowIfNull(currentLines);
        ArgumentNullException.ThrowIfNull(currentPlacements);
        var before = previousPlacements.ToDictionary(p => p.PlacementId);
        var after = currentPlacements.ToDictionary(p => p.PlacementId);
        var items = new List<MovementItem>();
        foreach (var id in before.Keys.Union(after.Keys))
        {
            var (was, now) = (before.GetValueOrDefault(id), after.GetValueOrDefault(id));
            var amount = (now?.Total ?? Money.Zero) - (was?.Total ?? Money.Zero);
            if (amount.IsZero) continue;
            var p = (now ?? was)!;
            var (cause, description) = Classify(was, now);
            items.Add(new MovementItem(cause, p.S251Line, p.Reference, p.ProviderReference, p.ChildInitials, amount, description));
        }

        var previousByLine = previousLines.ToDictionary(l => l.S251Line);
        foreach (var line in currentLines.Select(l => l.S251Line).Union(previousLines.Select(l => l.S251Line)))
        {
            var was = previousByLine.GetValueOrDefault(line);
            var now = currentLines.FirstOrDefault(l => l.S251Line == line);
            var lineMovement = (now?.Forecast ?? Money.Zero) - (was?.Forecast ?? Money.Zero);
            var trend = (now?.TrendCounted ?? Money.Zero) - (was?.TrendCounted ?? Money.Zero);
            if (!trend.IsZero)
                items.Add(new MovementItem(MovementCause.NewPlacementTrend, line, null, null, null, trend, "the trend of new placements, re-measured"));
            var placements = Money.Sum(items.Where(i => i.S251Line == line && i.PlacementReference is not null).Select(i => i.Amount));
            var rest = lineMovement - placements - trend;
            if (rest.IsZero) continue;
            var placementLine = HighNeedsForecast.PlacementLines.Contains(line) || placements != Money.Zero;
            items.Add(new MovementItem(placementLine ? MovementCause.Other : MovementCause.PlaceFundingAndOtherLines, line, null, null, null, rest,
                placementLine ? "other changes on the line (e.g. a scenario or a correction)" : $"s251 {line}: place funding or a revised budget"));
        }

        var causes = items.GroupBy(i => i.Cause).OrderBy(g => g.Key)
            .Select(g => new MovementGroup(g.Key, Money.Sum(g.Select(i => i.Amount)),
                g.OrderByDescending(i => i.Amount.Abs()).ThenBy(i => i.PlacementReference, StringComparer.Ordinal).ToList()))
            .ToList();
        return new ForecastMovementResult(from, to, Money.Sum(previousLines.Select(l => l.Forecast)), Money.Sum(currentLines.Select(l => l.Forecast)), causes);
    }

    private static (MovementCause, string) Classify(PlacementPart? was, PlacementPart? now)
    {
        if (was is null) return (MovementCause.NewPlacements, now!.Stage switch
        {
            PlacementStage.Proposed => "proposed since",
            PlacementStage.NotStarted => "agreed since, not yet started",
            _ => "new placement",
        });
        if (now is null) return (MovementCause.Other, "no longer in the forecast (withdrawn or moved to another council)");
        if (now.End is { } end && (was.End is null || end < was.End))
            return (MovementCause.EndedPlacements, $"ends {end:d MMM yyyy}" + (was.End is { } earlier ? $" (was {earlier:d MMM yyyy})" : ""));
        if (now.AnnualRate != was.AnnualRate) return (MovementCause.RateChanges, $"{was.AnnualRate} → {now.AnnualRate} a year");
        if (now.InvoicedAboveExpected != was.InvoicedAboveExpected)
            return (MovementCause.InvoicesAboveExpected, $"approved invoices {now.InvoicedAboveExpected} above the agreement (was {was.InvoicedAboveExpected})");
        if (was.Stage is PlacementStage.Proposed or PlacementStage.NotStarted && now.Stage is PlacementStage.Active)
            return (MovementCause.NewPlacements, "started");
        return (MovementCause.Other, "payments or dates corrected");
    }

    /// <summary>The line totals of a forecast, for comparing.</summary>
    public static IReadOnlyList<LineTotals> Lines(HighNeedsForecastResult forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.Lines.Select(l => new LineTotals(l.Line.Code, l.Forecast, l.Figures.TrendIncluded ? l.Figures.Trend : Money.Zero)).ToList();
    }

    /// <summary>The line totals a snapshot kept.</summary>
    public static IReadOnlyList<LineTotals> Lines(BudgetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Lines.Select(l => new LineTotals(l.S251Line, l.Forecast, snapshot.TrendIncluded ? l.Trend : Money.Zero)).ToList();
    }
}
