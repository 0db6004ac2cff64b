using NodaTime;
using NodaTime.Text;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Payments.Calculation;

/// <summary>
/// Why a run adjusts months already paid, in the words a provider reads on the remittance ("leaver date 2026-05-03
/// recorded after payment"). The engine knows only that the entitlement moved; this names the most likely cause from
/// the placement's dates and funding rows against what was paid.
/// </summary>
public static class AdjustmentReason
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <param name="goLiveDate">The first day paid by this product: back-pay never reaches before it.</param>
    public static string For(TopUpPlacement placement, OwedForYear year, YearMonth runMonth, PaidSoFar paid, LocalDate goLiveDate)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(paid);
        if (paid.ReleasedHoldReason is { } held) return $"held payment released (held for: {held})";
        if (paid.LastTopUpMonth is not { } lastPaid)
        {
            // Nothing paid before: the adjustment is the months between the start (or go-live) and the run month.
            return year.Adjustment.IsNegative
                ? "recovery of an earlier overpayment"
                : $"back-pay from {Iso.Format(Later(Later(placement.Start, year.Year.Start), goLiveDate))} (placement recorded after those months)";
        }
        var paidThrough = lastPaid.OnDayOfMonth(lastPaid.Calendar.GetDaysInMonth(lastPaid.Year, lastPaid.Month));
        if (placement.End is { } end && end < paidThrough && year.Adjustment.IsNegative)
            return $"leaver date {Iso.Format(end)} recorded after payment";
        if (year.Entitlement.IsZero && !year.AlreadyPaid.IsZero)
            return $"placement no longer on roll in {year.Year}: all paid for that year recovered";
        var change = placement.Funding.LastOrDefault(f => f.EffectiveFrom > placement.Start && f.EffectiveFrom <= paidThrough);
        if (change is not null)
        {
            var what = change.Band is { } band ? $"band {band}" : $"agreed top-up {change.AgreedAnnualAmount} a year";
            return $"top-up changed to {what} from {Iso.Format(change.EffectiveFrom)}";
        }
        return year.Adjustment.IsNegative
            ? "correction to months already paid (recovery)"
            : "correction to months already paid";
    }

    private static LocalDate Later(LocalDate a, LocalDate b) => a > b ? a : b;
}
