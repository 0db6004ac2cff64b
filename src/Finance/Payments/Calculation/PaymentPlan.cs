using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Payments.Calculation;

/// <summary>A placement a run pays: who it is for (by reference and initials only), where the money is charged, and its top-up inputs.</summary>
public sealed record PlacementToPay(
    int PlacementId, int ProviderId, string ProviderReference, string ChildReference, string ChildInitials, string S251Line, TopUpPlacement TopUp);

/// <summary>What approved runs have already paid a placement.</summary>
/// <param name="ByYear">Paid per financial year (held lines never count).</param>
/// <param name="LastTopUpMonth">The latest run month whose own top-up was paid, if any.</param>
/// <param name="ActiveHoldId">The placement's hold, if payments to it are stopped.</param>
/// <param name="ReleasedHoldReason">The reason of a hold released since the last approved run: what the released money was held for.</param>
public sealed record PaidSoFar(
    IReadOnlyDictionary<FinancialYear, Money> ByYear, YearMonth? LastTopUpMonth, int? ActiveHoldId = null, string? ReleasedHoldReason = null)
{
    /// <summary>A placement nothing has been paid to.</summary>
    public static PaidSoFar Nothing { get; } = new(new Dictionary<FinancialYear, Money>(), null);
}

/// <summary>A placement's lines for a run, or why it could not be computed.</summary>
public sealed record PlacementPayment(IReadOnlyList<PlannedLine> Lines, string? Problem);

/// <summary>
/// A run's lines for one placement (domain.md §4, "pay the difference, never edit the past"): per financial year,
/// the run month's own top-up and an adjustment for the rest of what is owed, with the reason for the adjustment.
/// Zero lines are not planned. Pure: the use case loads the inputs and posts the lines.
/// </summary>
public static class PaymentPlan
{
    public static PlacementPayment For(PlacementToPay placement, YearMonth runMonth, PaidSoFar paid, TopUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(settings);
        IReadOnlyList<OwedForYear> owed;
        try
        {
            owed = TopUpOwed.For(placement.TopUp, runMonth, paid.ByYear, settings, paid.LastTopUpMonth);
        }
        catch (TopUpAmountMissingException missing)
        {
            return new([], string.Join("; ", missing.Missing.Select(m => m.ToString())));
        }
        catch (DomainRuleException rule)
        {
            return new([], rule.Message);
        }

        var lines = new List<PlannedLine>();
        foreach (var year in owed)
        {
            if (!year.TopUp.IsZero)
                lines.Add(Line(placement, year.Year, PaymentKind.TopUp, year.TopUp, null, paid.ActiveHoldId, AdjustmentReason.TopUpDays(placement.TopUp, runMonth)));
            if (!year.Adjustment.IsZero)
            {
                var (reason, days) = AdjustmentReason.Explain(placement.TopUp, year, runMonth, paid, settings.GoLiveDate);
                lines.Add(Line(placement, year.Year, PaymentKind.Adjustment, year.Adjustment, reason, paid.ActiveHoldId, days));
            }
        }
        return new(lines, null);
    }

    private static PlannedLine Line(PlacementToPay p, FinancialYear year, PaymentKind kind, Money amount, string? reason, int? holdId, DateInterval? days) =>
        new(p.PlacementId, p.TopUp.Reference, p.ProviderId, p.ProviderReference, p.ChildReference, p.ChildInitials,
            year, kind, amount, p.S251Line, reason, holdId, days);
}
