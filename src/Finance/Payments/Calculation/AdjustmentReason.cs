using NodaTime;
using NodaTime.Text;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Payments.Calculation;

/// <summary>Why a run adjusts months already paid, and the days the adjustment corrects.</summary>
/// <param name="Reason">In the words a provider reads on the remittance ("leaver date 2026-05-03 recorded after payment").</param>
/// <param name="Days">
/// The days of service the adjustment is for: a late leaver's recovery is for the days after the leaving date that were
/// paid; a rate change's difference for the days from the change; back-pay for the days on roll not yet paid. Recharges
/// share the adjustment by the split in force on these days (domain.md §8), so a recovery is credited at the split of
/// the days it recovers.
/// </param>
public sealed record ExplainedAdjustment(string Reason, DateInterval Days);

/// <summary>
/// Why a run adjusts months already paid, and for which days. The engine knows only that the entitlement moved; this
/// names the most likely cause from the placement's dates and funding rows against what was paid, and the days that
/// cause touches. Where no cause is recognised, the days are all the year's counted days through the months paid.
/// </summary>
public static class AdjustmentReason
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <param name="goLiveDate">The first day paid by this product: back-pay never reaches before it.</param>
    public static string For(TopUpPlacement placement, OwedForYear year, YearMonth runMonth, PaidSoFar paid, LocalDate goLiveDate) =>
        Explain(placement, year, runMonth, paid, goLiveDate).Reason;

    /// <param name="goLiveDate">The first day paid by this product: back-pay never reaches before it.</param>
    public static ExplainedAdjustment Explain(TopUpPlacement placement, OwedForYear year, YearMonth runMonth, PaidSoFar paid, LocalDate goLiveDate)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(paid);
        var (fy, recovery) = (year.Year, year.Adjustment.IsNegative);
        var runEnd = EndOf(runMonth);
        // The adjustment corrects the months before the run month, and the run month too when that was already paid.
        var through = Earlier(fy.End, runMonth <= paid.LastTopUpMonth ? runEnd : runMonth.OnDayOfMonth(1).PlusDays(-1));
        var first = Later(Later(placement.Start, fy.Start), goLiveDate);
        // Money paid for days on roll ends at the leaving date; money taken back may be for days after it.
        var counted = Days(first, recovery ? through : Earlier(through, placement.End));
        // Unrecognised days: the year's through the run month (or the last month paid, if later); the whole year for money
        // the inputs say was paid for a year after both.
        var lastEnd = paid.LastTopUpMonth is { } last && EndOf(last) > runEnd ? EndOf(last) : runEnd;
        var fallback = counted ?? Days(fy.Start, Earlier(fy.End, lastEnd)) ?? new DateInterval(fy.Start, fy.End);
        ExplainedAdjustment As(string reason, DateInterval? days) => new(reason, days ?? fallback);

        if (paid.ReleasedHoldReason is { } held) return As($"held payment released (held for: {held})", counted);
        if (paid.LastTopUpMonth is not { } lastPaid)
        {
            // Nothing paid before: the adjustment is the months between the start (or go-live) and the run month.
            return recovery
                ? As("recovery of an earlier overpayment", counted)
                : As($"back-pay from {Iso.Format(first)} (placement recorded after those months)", counted);
        }
        var paidThrough = EndOf(lastPaid);
        var paidInYear = Earlier(fy.End, paidThrough);
        if (placement.End is { } end && end < paidThrough && recovery)
            return As($"leaver date {Iso.Format(end)} recorded after payment", Days(Later(end.PlusDays(1), fy.Start), paidInYear));
        if (year.Entitlement.IsZero && !year.AlreadyPaid.IsZero)
            return As($"placement no longer on roll in {fy}: all paid for that year recovered", Days(Later(fy.Start, goLiveDate), paidInYear));
        var change = placement.Funding.LastOrDefault(f => f.EffectiveFrom > placement.Start && f.EffectiveFrom <= paidThrough);
        if (change is not null)
        {
            var what = change.Band is { } band ? $"band {band}" : $"agreed top-up {change.AgreedAnnualAmount} a year";
            return As($"top-up changed to {what} from {Iso.Format(change.EffectiveFrom)}",
                Days(Later(change.EffectiveFrom, first), Earlier(paidInYear, placement.End)));
        }
        return recovery
            ? As("correction to months already paid (recovery)", counted)
            : As("correction to months already paid", counted);
    }

    /// <summary>The days of <paramref name="runMonth"/> a top-up pays for: the month, from the start and to the end of the placement.</summary>
    public static DateInterval? TopUpDays(TopUpPlacement placement, YearMonth runMonth)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return Days(Later(runMonth.OnDayOfMonth(1), placement.Start), Earlier(EndOf(runMonth), placement.End));
    }

    private static LocalDate EndOf(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));

    private static DateInterval? Days(LocalDate from, LocalDate to) => to < from ? null : new DateInterval(from, to);

    private static LocalDate Later(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Earlier(LocalDate a, LocalDate? b) => b is { } other && other < a ? other : a;
}
