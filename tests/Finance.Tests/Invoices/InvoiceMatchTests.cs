using Placements.Finance.Invoices;
using Placements.Finance.Invoices.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Invoices;

public class InvoiceMatchTests
{
    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);
    private static readonly InvoiceTolerance Default = InvoiceTolerance.Default;

    [Theory]
    [InlineData(11_408.80, 57.04)] // 0.5% = 5,704.4p → £57.04
    [InlineData(100.00, 5.00)]     // 0.5% = 50p, under the £5.00 floor
    [InlineData(0.00, 5.00)]
    [InlineData(1_000.00, 5.00)]   // 0.5% = exactly £5.00
    [InlineData(1_001.00, 5.01)]   // 0.5% = 500.5p → half away from zero → £5.01
    [InlineData(-2_000.00, 10.00)] // a credit: the percentage is of its size
    public void Allowed_IsTheGreaterOfTheAmountAndThePercentage(decimal expected, decimal allowed) =>
        Assert.Equal(Pounds(allowed), InvoiceMatch.Allowed(Pounds(expected), Default));

    [Fact]
    public void Allowed_UsesTheSettings()
    {
        // 2% of £11,408.80 = £228.176 → £228.18, above £100.
        Assert.Equal(Pounds(228.18m), InvoiceMatch.Allowed(Pounds(11_408.80m), new InvoiceTolerance(Pounds(100m), 2m)));
        Assert.Equal(Pounds(250m), InvoiceMatch.Allowed(Pounds(11_408.80m), new InvoiceTolerance(Pounds(250m), 2m)));
    }

    [Fact]
    public void Decide_ExactlyTheExpectedAmount_IsReadyToApprove() =>
        Assert.Equal(new MatchDecision(InvoiceLineStatus.ReadyToApprove, null), InvoiceMatch.Decide(Pounds(11_408.80m), Pounds(11_408.80m), Default));

    [Fact]
    public void Decide_ExactlyAtTheToleranceEitherWay_IsReadyToApprove()
    {
        // £11,408.80 ± £57.04 = £11,351.76 … £11,465.84.
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, InvoiceMatch.Decide(Pounds(11_465.84m), Pounds(11_408.80m), Default).Status);
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, InvoiceMatch.Decide(Pounds(11_351.76m), Pounds(11_408.80m), Default).Status);
    }

    [Fact]
    public void Decide_APennyBeyondTheTolerance_IsQueriedWithTheReason()
    {
        Assert.Equal(new MatchDecision(InvoiceLineStatus.Queried, "£57.05 more than the agreement's £11,408.80 (tolerance £57.04)"),
            InvoiceMatch.Decide(Pounds(11_465.85m), Pounds(11_408.80m), Default));
        Assert.Equal(new MatchDecision(InvoiceLineStatus.Queried, "£57.05 less than the agreement's £11,408.80 (tolerance £57.04)"),
            InvoiceMatch.Decide(Pounds(11_351.75m), Pounds(11_408.80m), Default));
    }

    [Fact]
    public void Decide_120PoundsOver_IsQueried()
    {
        var decision = InvoiceMatch.Decide(Pounds(11_528.80m), Pounds(11_408.80m), Default);
        Assert.Equal(InvoiceLineStatus.Queried, decision.Status);
        Assert.Equal("£120.00 more than the agreement's £11,408.80 (tolerance £57.04)", decision.Reason);
    }

    [Fact]
    public void Decide_SmallExpectedAmounts_GetTheAbsoluteFloor()
    {
        // Expected £40.00: 0.5% is 20p, so £5.00 applies: £45.00 is ready, £45.01 is queried.
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, InvoiceMatch.Decide(Pounds(45m), Pounds(40m), Default).Status);
        Assert.Equal("£5.01 more than the agreement's £40.00 (tolerance £5.00)", InvoiceMatch.Decide(Pounds(45.01m), Pounds(40m), Default).Reason);
    }
}
