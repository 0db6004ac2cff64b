using System.Numerics;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Tests.Funding;

/// <summary>
/// A deliberately naive reference for the top-up rules: walk every day, value it by the rule's own words (annual ÷ 12 ÷
/// days in its month; annual ÷ days in the year; annual ÷ school days in the year if a school day), and add the
/// fractions with BigInteger. Slow and obviously right, so the fast calculation can be checked against it.
/// </summary>
public static class DayByDayEntitlement
{
    /// <summary>The exact entitlement from the start of <paramref name="through"/>'s FY (or go-live) to it, as (numerator, denominator) pence.</summary>
    public static (BigInteger Numerator, BigInteger Denominator) Through(TopUpPlacement placement, TopUpSettings settings, LocalDate through)
    {
        var year = FinancialYear.For(through);
        var schoolDaysInYear = 0;
        for (var d = year.Start; d <= year.End; d = d.PlusDays(1))
            if (settings.TermCalendar.IsSchoolDay(d)) schoolDaysInYear++;

        var (numerator, denominator) = (BigInteger.Zero, BigInteger.One);
        for (var day = year.Start; day <= through; day = day.PlusDays(1))
        {
            if (day < settings.GoLiveDate || day < placement.Start || day > placement.End) continue;
            var row = placement.Funding.Last(r => r.EffectiveFrom <= day);
            var annual = row.AgreedAnnualAmount ?? settings.Bands.Find(placement.ProvisionType, row.Band!, year)!.Value;
            var (share, per) = placement.Basis switch
            {
                ProRataBasis.Monthly => (1, 12 * day.Calendar.GetDaysInMonth(day.Year, day.Month)),
                ProRataBasis.CalendarDays => (1, year.LengthInDays),
                _ => (settings.TermCalendar.IsSchoolDay(day) ? 1 : 0, schoolDaysInYear),
            };
            (numerator, denominator) = (numerator * per + annual.Pence * share * denominator, denominator * per);
            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!gcd.IsZero) (numerator, denominator) = (numerator / gcd, denominator / gcd);
        }
        return (numerator, denominator);
    }

    /// <summary>Whether <paramref name="exact"/> is the same fraction as <paramref name="reference"/>.</summary>
    public static bool SameAs(this ExactAmount exact, (BigInteger Numerator, BigInteger Denominator) reference) =>
        (BigInteger)exact.NumeratorPence * reference.Denominator == reference.Numerator * exact.Denominator;
}
