using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Invoices.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Invoices;

public class LatePaymentInterestTests
{
    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);

    /// <summary>Base rate 4.00% from 7 August 2025, 3.75% from 6 August 2026.</summary>
    private static readonly BaseRateRow[] Rates = [new(new(2025, 8, 7), 400), new(new(2026, 8, 6), 375)];

    [Fact]
    public void TheIssuesExample_34226Pounds40Paid20DaysLateAt4PercentBase_Is225Pounds05AndA100PoundCompensation()
    {
        // Due 1 October 2026 → reference date 30 June 2026 → base 4.00% → 12.00% a year.
        // 3,422,640p × 1,200 × 20 ÷ (10,000 × 365) = 82,143,360,000 ÷ 3,650,000 = 22,505.03p → £225.05.
        var charge = LatePaymentInterest.For(Pounds(34_226.40m), new(2026, 10, 1), new(2026, 10, 21), Rates);
        Assert.Equal(20, charge.DaysLate);
        Assert.Equal(400, charge.ReferenceRateBasisPoints);
        Assert.Equal(12.00m, charge.AnnualRatePercent);
        Assert.Equal(Pounds(225.05m), charge.Interest);
        Assert.Equal(Pounds(100m), charge.Compensation);
        Assert.Equal(Pounds(325.05m), charge.Total);
    }

    [Fact]
    public void TheReferenceRate_IsTheOneOn30June_EvenIfTheBaseRateChangedInAugustBeforeTheDueDate()
    {
        // Due 15 September 2026: the 3.75% from 6 August 2026 is later than the 30 June reference date, so 4.00% + 8% applies.
        // 1,000,000p × 1,200 × 10 ÷ 3,650,000 = 3,287.67p → £32.88.
        var charge = LatePaymentInterest.For(Pounds(10_000m), new(2026, 9, 15), new(2026, 9, 25), Rates);
        Assert.Equal(400, charge.ReferenceRateBasisPoints);
        Assert.Equal(Pounds(32.88m), charge.Interest);
        // Due in January 2027 the reference date is 31 December 2026, so 3.75% + 8% = 11.75%:
        // 1,000,000 × 1,175 × 10 ÷ 3,650,000 = 3,219.18p → £32.19.
        var january = LatePaymentInterest.For(Pounds(10_000m), new(2027, 1, 10), new(2027, 1, 20), Rates);
        Assert.Equal((375, Pounds(32.19m)), (january.ReferenceRateBasisPoints, january.Interest));
    }

    [Theory]
    [InlineData("2027-01-01", "2026-12-31")]
    [InlineData("2027-06-30", "2026-12-31")]
    [InlineData("2027-07-01", "2027-06-30")]
    [InlineData("2027-12-31", "2027-06-30")]
    public void ReferenceDate_Is31DecemberOr30JuneBeforeTheHalfYear(string due, string reference) =>
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(reference, System.Globalization.CultureInfo.InvariantCulture)),
            LatePaymentInterest.ReferenceDate(LocalDate.FromDateTime(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData(0.01, 40)]
    [InlineData(999.99, 40)]
    [InlineData(1_000.00, 70)]
    [InlineData(9_999.99, 70)]
    [InlineData(10_000.00, 100)]
    [InlineData(250_000.00, 100)]
    public void FixedCompensation_BySizeOfDebt(decimal debt, decimal compensation) =>
        Assert.Equal(Pounds(compensation), LatePaymentInterest.FixedCompensation(Pounds(debt)));

    [Fact]
    public void OneDayLate_OnASmallDebt()
    {
        // 99,999p × 1,200 × 1 ÷ 3,650,000 = 32.88p → 33p; compensation £40.
        var charge = LatePaymentInterest.For(Pounds(999.99m), new(2026, 10, 1), new(2026, 10, 2), Rates);
        Assert.Equal((1, Money.FromPence(33), Pounds(40m)), (charge.DaysLate, charge.Interest, charge.Compensation));
    }

    [Fact]
    public void PaidOnOrBeforeTheDueDate_CostsNothing()
    {
        foreach (var paid in new LocalDate[] { new(2026, 10, 1), new(2026, 9, 20) })
        {
            var charge = LatePaymentInterest.For(Pounds(34_226.40m), new(2026, 10, 1), paid, Rates);
            Assert.Equal((0, Money.Zero, Money.Zero, Money.Zero), (charge.DaysLate, charge.Interest, charge.Compensation, charge.Total));
        }
        // No base rate is needed when nothing is owed.
        Assert.Equal(Money.Zero, LatePaymentInterest.For(Pounds(500m), new(2026, 10, 1), new(2026, 10, 1), []).Total);
    }

    [Fact]
    public void NoBaseRateOnTheReferenceDate_IsNoBaseRateForDate()
    {
        // Due 1 October 2025 → reference 30 June 2025, before the first rate (7 August 2025).
        var error = Assert.Throws<DomainRuleException>(() =>
            LatePaymentInterest.For(Pounds(1_000m), new(2025, 10, 1), new(2025, 10, 20), Rates));
        Assert.Equal("NoBaseRateForDate", error.Rule);
    }

    [Property(MaxTest = 300)]
    public void Interest_IsNeverNegative_AndNeverFallsAsTheDebtIsPaidLater(NonNegativeInt pence, NonNegativeInt days, NonNegativeInt more, NonNegativeInt bp)
    {
        var due = new LocalDate(2026, 10, 1);
        var rates = new[] { new BaseRateRow(new(2000, 1, 1), bp.Get % 1_500) };
        var debt = Money.FromPence(pence.Get);
        var sooner = LatePaymentInterest.For(debt, due, due.PlusDays(days.Get % 2_000), rates);
        var later = LatePaymentInterest.For(debt, due, due.PlusDays(days.Get % 2_000 + more.Get % 2_000), rates);
        Assert.False(sooner.Interest.IsNegative);
        Assert.True(later.Interest >= sooner.Interest, $"{sooner.Interest} after {sooner.DaysLate} days, {later.Interest} after {later.DaysLate}");
        Assert.True(later.Total >= sooner.Total);
    }
}
