using FsCheck.Xunit;
using NodaTime;
using Placements.Finance.Agreements.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Agreements;

[Properties(Arbitrary = [typeof(AgreementArbitraries)], MaxTest = 200)]
public class ExpectedAmountProperties
{
    [Property]
    public void AWholeAcademicYearOnRoll_InvoicedPeriodByPeriod_TotalsExactlyTheAnnualFeeAndExtras(FullYearAgreement c)
    {
        var periods = ExpectedAmount.BillingPeriods(c.Terms, c.Year.Dates, c.Calendar);
        Assert.Equal(c.Terms.Invoicing == Finance.Agreements.InvoicingPattern.MonthlyInArrears ? 12 : 3, periods.Count);
        var amounts = periods.Select(p => ExpectedAmount.For(c.Terms, p, c.Calendar)).ToList();
        Assert.Equal(c.Fee, Money.Sum(amounts.Select(a => a.Fee)));
        Assert.Equal(c.Extra, Money.Sum(amounts.Select(a => a.Extras)));
        Assert.Equal(c.Fee + c.Extra, Money.Sum(amounts.Select(a => a.Total)));
        Assert.Equal(c.Fee + c.Extra, ExpectedAmount.For(c.Terms, c.Year.Dates, c.Calendar).Total);
    }

    [Property]
    public void SplittingAPeriodInTwo_AddsUpExactly_AndNothingIsNegative(AgreementPeriod c)
    {
        var whole = ExpectedAmount.For(c.Terms, new DateInterval(c.A, c.C), c.Calendar);
        var first = ExpectedAmount.For(c.Terms, new DateInterval(c.A, c.B), c.Calendar);
        var second = ExpectedAmount.For(c.Terms, new DateInterval(c.B.PlusDays(1), c.C), c.Calendar);
        Assert.Equal(whole.Fee, first.Fee + second.Fee);
        Assert.Equal(whole.Extras, first.Extras + second.Extras);
        Assert.Equal(whole.Total, whole.Fee + whole.Extras);
        foreach (var amount in new[] { whole, first, second })
            Assert.False(amount.Fee.IsNegative || amount.Extras.IsNegative || amount.Total.IsNegative, amount.ToString());
    }

    [Property]
    public void TheBillingPeriodsOfARange_AddUpToTheRangesExpectedAmount(AgreementPeriod c)
    {
        var within = new DateInterval(c.A, c.C);
        var periods = ExpectedAmount.BillingPeriods(c.Terms, within, c.Calendar);
        Assert.All(periods, p => Assert.True(within.Contains(p.Start) && within.Contains(p.End) && c.Terms.PlacementStart <= p.Start));
        Assert.True(periods.Zip(periods.Skip(1)).All(pair => pair.First.End < pair.Second.Start), "in order, not overlapping");
        Assert.Equal(ExpectedAmount.For(c.Terms, within, c.Calendar).Total, Money.Sum(periods.Select(p => ExpectedAmount.For(c.Terms, p, c.Calendar).Total)));
    }
}
