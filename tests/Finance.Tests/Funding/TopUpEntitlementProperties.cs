using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Xunit;

namespace Placements.Finance.Tests.Funding;

[Properties(Arbitrary = [typeof(FundingArbitraries)], MaxTest = 200)]
public class TopUpEntitlementProperties
{
    private static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));

    [Property]
    public void FullYear_AtAConstantAmount_TotalsExactlyThatAmountUnderEveryBasis(FullYearCase c)
    {
        var since = c.Year.Start.PlusDays(-40);
        var placement = new TopUpPlacement("P1", FundingArbitraries.Type, since, null, [TopUpFundingRow.ByAgreedAmount(since, c.Annual)], c.Basis);
        var settings = new TopUpSettings(new TopUpBandTable([]), c.Calendar, new YearMonth(2020, 4));
        var schedule = TopUpEntitlement.Schedule(placement, c.Year, settings);
        Assert.Equal(c.Annual, schedule.Total);
        Assert.Equal(c.Annual, Money.Sum(schedule.Months.Select(m => m.Amount)));
        if (c.Basis == ProRataBasis.Monthly) // whole twelfths: the months differ by at most a penny
            Assert.True(schedule.Months.Max(m => m.Amount.Pence) - schedule.Months.Min(m => m.Amount.Pence) <= 1);
    }

    [Property]
    public void Schedule_MonthsAddUpToTheRoundedCumulative_WithinHalfAPennyOfTheExactFigure(TopUpCase c)
    {
        var schedule = TopUpEntitlement.Schedule(c.Placement, c.Year, c.Settings);
        var sum = Money.Zero;
        foreach (var month in schedule.Months)
        {
            sum += month.Amount;
            Assert.Equal(month.RoundedCumulative, sum); // no drift
            var error = month.Cumulative.RoundingError();
            Assert.True(Int128.Abs(error.NumeratorPence) * 2 <= error.Denominator, $"{month.Month}: {month.Cumulative} rounded to {month.RoundedCumulative}");
        }
    }

    [Property(MaxTest = 60)]
    public void Cumulative_EqualsTheDayByDayReference(TopUpCase c)
    {
        var through = LastDay(c.Month);
        var exact = TopUpEntitlement.CumulativeThrough(c.Placement, through, c.Settings);
        Assert.True(exact.SameAs(DayByDayEntitlement.Through(c.Placement, c.Settings, through)), $"got {exact}");
        Assert.Equal(exact, TopUpEntitlement.Schedule(c.Placement, c.Year, c.Settings)[c.Month].Cumulative);
    }

    [Property]
    public void SplittingTheDatesInTwo_KeepsTheExactEntitlement_AndTheRoundedWithinAPenny(TopUpCase c, PositiveInt cut)
    {
        var p = c.Placement;
        var end = p.End ?? p.Start.PlusDays(500);
        if (end == p.Start) return; // a single day cannot be split
        var splitAfter = p.Start.PlusDays((cut.Get - 1) % Period.DaysBetween(p.Start, end));
        var first = p.WithEnd(splitAfter);
        var second = new TopUpPlacement(p.Reference, p.ProvisionType, splitAfter.PlusDays(1), end, p.Funding, p.Basis);
        var whole = p.WithEnd(end);
        for (var year = FinancialYear.For(p.Start); year <= FinancialYear.For(end); year = year.Next())
        {
            var (a, b, all) = (Total(first, year, c.Settings), Total(second, year, c.Settings), Total(whole, year, c.Settings));
            Assert.Equal(all.Exact, Add(a.Exact, b.Exact));
            Assert.InRange((a.Rounded + b.Rounded - all.Rounded).Pence, -1, 1);
        }
    }

    [Property]
    public void MovingTheEndDateLater_NeverLowersAnyMonthsCumulative(TopUpCase c, PositiveInt days)
    {
        var end = c.Placement.End ?? c.Placement.Start.PlusDays(300);
        var earlier = TopUpEntitlement.Schedule(c.Placement.WithEnd(end), c.Year, c.Settings);
        var later = TopUpEntitlement.Schedule(c.Placement.WithEnd(end.PlusDays(days.Get % 400)), c.Year, c.Settings);
        for (var i = 0; i < 12; i++)
        {
            Assert.True(later.Months[i].Cumulative.CompareTo(earlier.Months[i].Cumulative) >= 0);
            Assert.True(later.Months[i].RoundedCumulative >= earlier.Months[i].RoundedCumulative);
        }
    }

    private static (ExactAmount Exact, Money Rounded) Total(TopUpPlacement placement, FinancialYear year, TopUpSettings settings)
    {
        var exact = TopUpEntitlement.CumulativeThrough(placement, year.End, settings);
        return (exact, exact.Rounded());
    }

    private static ExactAmount Add(ExactAmount a, ExactAmount b) =>
        new(a.NumeratorPence * b.Denominator + b.NumeratorPence * a.Denominator, checked(a.Denominator * b.Denominator));
}
