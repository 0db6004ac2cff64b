using NodaTime;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Xunit;

namespace Placements.Finance.Tests.PooledFunding;

/// <summary>What a partner pays is recorded against its statement: in part or in full, never more than it owes.</summary>
public class RechargeReceiptTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 12, 10, 9, 0);
    private static readonly LocalDate On = new(2026, 12, 9);

    private static RechargeStatement Statement(decimal paid, decimal share) => new(Partner.Health, new DateInterval(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)),
        "finance.officer", At, new LocalDate(2027, 1, 2),
        [new RechargeLine(1, "PL-1", "AB", "top-up November 2026", new DateInterval(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)),
            Money.FromPounds(paid), "30%", Money.FromPounds(share), "1.2.2")]);

    [Fact]
    public void APartPayment_ThenTheRest_ClearsTheStatement()
    {
        var statement = Statement(5_000m, 1_500m);

        statement.Receive(Money.FromPounds(1_000m), On, "finance.officer", At);
        statement.Receive(Money.FromPounds(500m), On, "finance.officer", At);

        Assert.Equal((Money.FromPounds(1_500m), Money.Zero, false), (statement.Received, statement.Outstanding, statement.IsOverdue(new LocalDate(2027, 2, 1))));
    }

    [Fact]
    public void MoreThanIsOutstanding_IsRefused_AndNothingIsRecorded()
    {
        var statement = Statement(5_000m, 1_500m);
        statement.Receive(Money.FromPounds(1_000m), On, "finance.officer", At);

        var refused = Assert.Throws<DomainRuleException>(() => statement.Receive(Money.FromPounds(500.01m), On, "finance.officer", At));

        Assert.Equal(("ReceiptAboveOutstanding", "£500.01 is more than the £500.00 outstanding on RCH-HEALTH-2026-11."), (refused.Rule, refused.Message));
        Assert.Single(statement.Receipts);
    }

    [Fact]
    public void ACreditStatement_OwesNothing_SoNoReceiptIsTaken()
    {
        var credit = Statement(-1_774.19m, -532.25m);

        var refused = Assert.Throws<DomainRuleException>(() => credit.Receive(Money.FromPounds(1m), On, "finance.officer", At));

        Assert.Equal("NothingOwed", refused.Rule);
        Assert.Empty(credit.Receipts);
    }
}
