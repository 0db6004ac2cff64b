using NodaTime;
using Placements.Commissioning.SchoolCalendar;

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
    public static ExpectedInvoiceAmount For(AgreementTerms terms, DateInterval period, TermCalendar calendar) =>
        throw new NotImplementedException();

    /// <summary>
    /// The periods the provider should invoice, in order, that overlap <paramref name="within"/>, clipped to the placement's
    /// dates: calendar months (monthly pattern) or terms (termly pattern; a term's period runs from its first to its last day).
    /// </summary>
    public static IReadOnlyList<DateInterval> BillingPeriods(AgreementTerms terms, DateInterval within, TermCalendar calendar) =>
        throw new NotImplementedException();
}
