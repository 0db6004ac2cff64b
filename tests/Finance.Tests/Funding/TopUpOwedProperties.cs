using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Entitlement;
using Xunit;

namespace Placements.Finance.Tests.Funding;

[Properties(Arbitrary = [typeof(FundingArbitraries)], MaxTest = 150)]
public class TopUpOwedProperties
{
    [Property]
    public void Owed_IsTopUpPlusAdjustment_TopUpBeingTheRunMonthsOwnAmountUnlessItWasPaid(TopUpCase c, int[] payments)
    {
        var paid = SomePayments(c, payments);
        foreach (var line in TopUpOwed.For(c.Placement, c.Month, paid, c.Settings))
        {
            Assert.Equal(line.Owed, line.TopUp + line.Adjustment);
            if (line.Year != c.Year) Assert.Equal(Money.Zero, line.TopUp);
            else Assert.Equal(TopUpEntitlement.Schedule(c.Placement, c.Year, c.Settings)[c.Month].Amount, line.TopUp);
        }
        Assert.All(TopUpOwed.For(c.Placement, c.Month, paid, c.Settings, lastMonthPaid: c.Month),
            line => Assert.Equal((Money.Zero, line.Owed), (line.TopUp, line.Adjustment)));
    }

    [Property]
    public void Owed_AfterPayingWhatWasOwed_IsZero(TopUpCase c, int[] payments)
    {
        var paid = SomePayments(c, payments);
        var owed = TopUpOwed.For(c.Placement, c.Month, paid, c.Settings);
        var afterPaying = new Dictionary<FinancialYear, Money>(paid);
        foreach (var line in owed) afterPaying[line.Year] = afterPaying.GetValueOrDefault(line.Year) + line.Owed;
        Assert.All(TopUpOwed.For(c.Placement, c.Month, afterPaying, c.Settings), line => Assert.Equal(Money.Zero, line.Owed));
    }

    [Property]
    public void LeaverDateRecordedLate_OwesBackExactlyTheOverpayment(TopUpCase c, PositiveInt leaverOffset)
    {
        // Pay every run from go-live (or start) to the run month on an open placement, as the runs would have.
        var open = c.Placement.WithEnd(null);
        var firstRun = Later(c.Settings.GoLiveMonth, open.Start.ToYearMonth());
        var paid = new Dictionary<FinancialYear, Money>();
        for (var run = firstRun; run <= c.Month; run = run.PlusMonths(1))
        {
            foreach (var line in TopUpOwed.For(open, run, paid, c.Settings, lastMonthPaid: run.PlusMonths(-1)))
            {
                Assert.Equal(Money.Zero, line.Adjustment); // nothing changed, so each run pays just its month
                paid[line.Year] = paid.GetValueOrDefault(line.Year) + line.Owed;
            }
        }

        // Then learn the child left on a day up to the end of the last paid month; the next run recovers the days after.
        var lastPaidDay = c.Month.OnDayOfMonth(c.Month.Calendar.GetDaysInMonth(c.Month.Year, c.Month.Month));
        if (lastPaidDay < open.Start) return;
        var leaver = open.Start.PlusDays(leaverOffset.Get % (Period.DaysBetween(open.Start, lastPaidDay) + 1));
        var corrected = open.WithEnd(leaver);
        var nextRun = c.Month.PlusMonths(1);
        foreach (var line in TopUpOwed.For(corrected, nextRun, paid, c.Settings, lastMonthPaid: c.Month))
        {
            var overpaid = paid.GetValueOrDefault(line.Year) - EntitledThrough(corrected, line.Year, lastPaidDay, c.Settings);
            Assert.Equal(-overpaid, line.Owed);
            Assert.True(line.Owed <= Money.Zero, $"{line.Year}: a leaver date can only recover, but {line.Owed} is owed");
            Assert.Equal(Money.Zero, line.TopUp); // nobody is on roll in the next run's month
        }
    }

    private static Money EntitledThrough(TopUpPlacement placement, FinancialYear year, LocalDate through, TopUpSettings settings) =>
        through < year.Start ? Money.Zero
        : TopUpEntitlement.CumulativeThrough(placement, through > year.End ? year.End : through, settings).Rounded();

    private static YearMonth Later(YearMonth a, YearMonth b) => a > b ? a : b;

    /// <summary>Arbitrary earlier payments against the years around the run month, including years not owed anything.</summary>
    private static Dictionary<FinancialYear, Money> SomePayments(TopUpCase c, int[] payments) =>
        (payments ?? []).Take(4)
            .Select((pence, i) => (Year: new FinancialYear(c.Year.StartYear - 2 + i), Pence: pence))
            .ToDictionary(p => p.Year, p => Money.FromPence(p.Pence));
}
