using System.Globalization;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Agreements.Calculation;

/// <summary>What an agreement says a period should cost, split into the fee and the extras, and how it was worked out.</summary>
/// <param name="Total">Fee + extras.</param>
/// <param name="Basis">One sentence for the invoice page, e.g. "autumn term: 70 of 195 school days × £34,226.40".</param>
public sealed record ExpectedInvoiceAmount(Money Total, Money Fee, Money Extras, string Basis);

/// <summary>
/// The expected amount of any invoice period under an individual placement agreement (domain.md §5). Pure.
/// Each day on roll is worth a fraction of the annual amount in force that day (fee row + extras in force):
/// <list type="bullet">
/// <item><b>MonthlyInArrears</b>: every calendar day is worth (annual ÷ 12) ÷ days in its month;</item>
/// <item><b>TermlyInAdvance, SchoolDays split</b>: every school day is worth annual ÷ school days in its academic year;</item>
/// <item><b>TermlyInAdvance, EqualThirds</b>: every school day of a term is worth (annual ÷ 3) ÷ school days in that term.</item>
/// </list>
/// A 52-week residential placement counts calendar days instead of school days, its "terms" being September–December,
/// January–March and April–August. Terms are the calendar's terms and half-terms grouped by the month they start in
/// (September–December autumn, January–March spring, April–August summer). Sums are exact and rounded once, cumulatively
/// through the academic year (round(to the period's end) − round(to the day before its start)), so a full year's
/// invoices total exactly the annual amount.
/// </summary>
public static class ExpectedAmount
{
    /// <exception cref="Commissioning.DomainRuleException">
    /// <c>AgreementHasNoFeeForPeriod</c> (no fee row in force on a day of the period on roll);
    /// <c>TermCalendarMustHaveSchoolDaysInTheYear</c> (termly pattern, academic year without term dates).
    /// </exception>
    public static ExpectedInvoiceAmount For(AgreementTerms terms, DateInterval period, TermCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);
        var fees = terms.Fees.OrderBy(f => f.EffectiveFrom).ToArray();
        var (fee, extras) = (Money.Zero, Money.Zero);
        var tally = new Tally();
        YearWeights? only = null;
        for (var year = AcademicYear.For(period.Start); year <= AcademicYear.For(period.End); year = year.Next())
        {
            var piece = Intersection(period, year.Dates)!;
            var onRoll = Intersection(new DateInterval(year.Start, piece.End), OnRoll(terms));
            if (onRoll is null) continue; // not on roll from the year's start to the piece's end: nothing to weigh
            var weights = YearWeights.For(terms, year, calendar);
            only = year == AcademicYear.For(period.Start) && year == AcademicYear.For(period.End) ? weights : null;
            var (feePart, extrasPart) = Piece(terms, fees, weights, onRoll, piece, tally);
            (fee, extras) = (fee + feePart, extras + extrasPart);
        }
        return new(fee + extras, fee, extras, Basis(terms, period, only, tally));
    }

    /// <summary>
    /// One academic year's part of the period: the rounded cumulative to its end less the rounded cumulative to the day
    /// before it, for the fee and the extras separately.
    /// </summary>
    private static (Money Fee, Money Extras) Piece(
        AgreementTerms terms, FeeRow[] fees, YearWeights weights, DateInterval onRoll, DateInterval piece, Tally tally)
    {
        if (onRoll.End < piece.Start) return (Money.Zero, Money.Zero); // left before the period
        Int128 fee = 0, extras = 0, feeBefore = 0, extrasBefore = 0;
        for (var day = onRoll.Start; day <= onRoll.End; day = day.PlusDays(1))
        {
            var inPeriod = day >= piece.Start;
            if (day == piece.Start) (feeBefore, extrasBefore) = (fee, extras);
            var weight = weights.Weight(day);
            if (weight == 0) continue;
            var row = Array.FindLast(fees, f => f.EffectiveFrom <= day);
            if (row is null)
            {
                if (!inPeriod) continue; // that day's own invoice period reports it
                throw new DomainRuleException("AgreementHasNoFeeForPeriod",
                    string.Create(CultureInfo.InvariantCulture,
                        $"The agreement for {terms.PlacementReference} has no fee in force on {day:d MMMM uuuu}. Record the fee from that date."));
            }
            var extra = terms.Extras.Where(e => e.From <= day && day <= (e.To ?? LocalDate.MaxIsoValue)).Sum(e => e.AnnualAmount.Pence);
            fee += (Int128)row.AnnualAmount.Pence * weight;
            extras += (Int128)extra * weight;
            if (inPeriod) tally.Count(row.AnnualAmount, Money.FromPence(extra));
        }
        var denominator = weights.Denominator;
        return (new ExactAmount(fee, denominator).Rounded() - new ExactAmount(feeBefore, denominator).Rounded(),
                new ExactAmount(extras, denominator).Rounded() - new ExactAmount(extrasBefore, denominator).Rounded());
    }

    /// <summary>E.g. "Autumn term 2026: 70 of 195 school days of £34,226.40 a year".</summary>
    private static string Basis(AgreementTerms terms, DateInterval period, YearWeights? weights, Tally tally)
    {
        var monthly = terms.Invoicing == InvoicingPattern.MonthlyInArrears;
        var unit = monthly || terms.Attendance == Attendance.Residential52 ? "days" : "school days";
        var oneMonth = period.Start.ToYearMonth() == period.End.ToYearMonth();
        var group = monthly ? null : weights?.GroupContaining(period);
        var label = monthly && oneMonth ? Format(period.Start, "MMMM uuuu")
            : group is not null ? group.Name
            : $"{Format(period.Start, "d MMMM uuuu")} to {Format(period.End, "d MMMM uuuu")}";
        if (tally.Days == 0) return $"{label}: no {unit} on roll";

        var fee = Rates(tally.Fees);
        var extras = tally.Extras.Any(e => !e.IsZero) ? $"; extras {string.Join(" then ", tally.Extras)} a year" : "";
        var counted = monthly && oneMonth
                ? $"{tally.Days} of {YearWeights.DaysIn(period.Start.ToYearMonth())} days, a twelfth of {fee}"
            : monthly ? $"{tally.Days} days on roll, in twelfths of {fee}"
            : group is not null && terms.TermSplit == TermSplit.EqualThirds
                ? $"{tally.Days} of {group.Days} {unit}, a third of {fee}"
            : group is not null ? $"{tally.Days} of {weights!.Denominator} {unit} of {fee}"
            : $"{tally.Days} {unit} on roll at {fee}";
        return $"{label}: {counted}{extras}";
    }

    private static string Rates(IReadOnlyList<Money> rates) => rates.Count switch
    {
        1 => $"{rates[0]} a year",
        2 => $"two fee rates ({rates[0]} then {rates[1]} a year)",
        _ => $"{rates.Count} fee rates ({string.Join(" then ", rates)} a year)",
    };

    private static string Format(LocalDate date, string pattern) => date.ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>The placement's days on roll; null when it ends before it starts (never attended).</summary>
    private static DateInterval? OnRoll(AgreementTerms terms) =>
        terms.PlacementEnd is { } end && end < terms.PlacementStart ? null
            : new(terms.PlacementStart, terms.PlacementEnd ?? LocalDate.MaxIsoValue);

    private static DateInterval? Intersection(DateInterval a, DateInterval? b) => b is null ? null : a.Intersection(b);

    /// <summary>What the period's counted days were charged at, for the basis sentence.</summary>
    private sealed class Tally
    {
        private readonly List<Money> fees = [], extras = [];
        public int Days { get; private set; }
        public IReadOnlyList<Money> Fees => fees;
        public IReadOnlyList<Money> Extras => extras;

        public void Count(Money fee, Money extra)
        {
            Days++;
            if (fees.Count == 0 || fees[^1] != fee) fees.Add(fee);
            if (extras.Count == 0 || extras[^1] != extra) extras.Add(extra);
        }
    }

    /// <summary>
    /// The periods the provider should invoice, in order, that overlap <paramref name="within"/>, clipped to the placement's
    /// dates: calendar months (monthly pattern) or terms (termly pattern; a term's period runs from its first to its last day).
    /// </summary>
    /// <exception cref="DomainRuleException"><c>TermCalendarMustHaveSchoolDaysInTheYear</c> (termly, not 52-week).</exception>
    public static IReadOnlyList<DateInterval> BillingPeriods(AgreementTerms terms, DateInterval within, TermCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(within);
        ArgumentNullException.ThrowIfNull(calendar);
        var clip = Intersection(within, OnRoll(terms));
        if (clip is null) return [];
        var periods = new List<DateInterval>();
        if (terms.Invoicing == InvoicingPattern.MonthlyInArrears)
        {
            for (var month = clip.Start.ToYearMonth(); month <= clip.End.ToYearMonth(); month = month.PlusMonths(1))
                periods.Add(Intersection(clip, month.ToDateInterval())!);
            return periods;
        }
        for (var year = AcademicYear.For(clip.Start); year <= AcademicYear.For(clip.End); year = year.Next())
        {
            foreach (var group in TermGroup.Of(year, calendar, terms.Attendance == Attendance.Residential52))
                if (Intersection(clip, group.Dates) is { } period) periods.Add(period);
        }
        return periods;
    }
}
