using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Payments;
using Placements.Finance.Payments.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Payments;

/// <summary>Worked examples of a placement's lines in a run (domain.md §4, "pay the difference, never edit the past").</summary>
public class PaymentPlanExamples
{
    private static readonly FinancialYear Fy2026 = new(2026);
    private static readonly YearMonth April = new(2026, 4);
    private static readonly YearMonth May = new(2026, 5);
    private static readonly YearMonth June = new(2026, 6);

    private static TopUpSettings Settings(YearMonth? goLive = null) => new(
        new TopUpBandTable(
        [
            new BandAmount(ProvisionType.MaintainedSpecial, "B3", Fy2026, Money.FromPounds(15_750m)),
            new BandAmount(ProvisionType.MaintainedSpecial, "B4", Fy2026, Money.FromPounds(21_000m)),
        ]),
        TermCalendar.Empty, goLive ?? April);

    private static PlacementToPay Placement(LocalDate start, LocalDate? end = null, ProRataBasis basis = ProRataBasis.Monthly,
        params TopUpFundingRow[] rows) =>
        new(7, 3, "PRV-1", "CH-1", "AB", "1.2.1",
            new TopUpPlacement("PL-1", ProvisionType.MaintainedSpecial, start, end,
                rows.Length == 0 ? [TopUpFundingRow.ByBand(start, "B3")] : rows, basis));

    private static PaidSoFar Paid(Money amount, YearMonth lastTopUp, int? holdId = null, string? released = null) =>
        new(new Dictionary<FinancialYear, Money> { [Fy2026] = amount }, lastTopUp, holdId, released);

    [Fact]
    public void FullMonthInApril_PaysATwelfthOfTheBand_15750Gives1312Pounds50()
    {
        // £15,750 / 12 = £1,312.50, one TopUp line for April and nothing else.
        var payment = PaymentPlan.For(Placement(new(2025, 9, 1)), April, PaidSoFar.Nothing, Settings());

        Assert.Null(payment.Problem);
        var line = Assert.Single(payment.Lines);
        Assert.Equal((PaymentKind.TopUp, Money.FromPounds(1_312.50m), Fy2026, (string?)null, (int?)null),
            (line.Kind, line.Amount, line.FinancialYear, line.Reason, line.HoldId));
        Assert.Equal(new DateInterval(new(2026, 4, 1), new(2026, 4, 30)), line.ServiceDays);
        Assert.Equal((7, "PL-1", 3, "PRV-1", "CH-1", "AB", "1.2.1"),
            (line.PlacementId, line.PlacementReference, line.ProviderId, line.ProviderReference, line.ChildReference, line.ChildInitials, line.S251Line));
    }

    [Fact]
    public void PlacementRecordedLate_NothingPaidBefore_BackPaysFromItsStartAsAnAdjustment()
    {
        // Started 1 May, first seen by the July run: July's own £1,312.50 plus May and June (£2,625.00) as back-pay.
        var payment = PaymentPlan.For(Placement(new(2026, 5, 1)), new YearMonth(2026, 7), PaidSoFar.Nothing, Settings());

        Assert.Collection(payment.Lines,
            topUp => Assert.Equal((PaymentKind.TopUp, Money.FromPounds(1_312.50m)), (topUp.Kind, topUp.Amount)),
            back =>
            {
                Assert.Equal((PaymentKind.Adjustment, Money.FromPounds(2_625m)), (back.Kind, back.Amount));
                Assert.Equal("back-pay from 2026-05-01 (placement recorded after those months)", back.Reason);
                Assert.Equal(new DateInterval(new(2026, 5, 1), new(2026, 6, 30)), back.ServiceDays);
            });
    }

    [Fact]
    public void GoLiveMidYear_PlacementStartedYearsBefore_BackPaysOnlyFromGoLiveAndSaysSo()
    {
        // Go-live September 2026: April–August were paid by the old system. A placement on roll since 2024 first seen by
        // the November run is owed November (£1,312.50) and September–October (£2,625.00), so back-pay runs from go-live.
        var payment = PaymentPlan.For(Placement(new(2024, 9, 1)), new YearMonth(2026, 11), PaidSoFar.Nothing, Settings(new YearMonth(2026, 9)));

        Assert.Collection(payment.Lines,
            topUp => Assert.Equal((PaymentKind.TopUp, Money.FromPounds(1_312.50m)), (topUp.Kind, topUp.Amount)),
            back =>
            {
                Assert.Equal((PaymentKind.Adjustment, Money.FromPounds(2_625m)), (back.Kind, back.Amount));
                Assert.Equal("back-pay from 2026-09-01 (placement recorded after those months)", back.Reason);
                Assert.Equal(new DateInterval(new(2026, 9, 1), new(2026, 10, 31)), back.ServiceDays);
            });
    }

    [Fact]
    public void LeaverDateRecordedAfterPayment_RecoversTheDaysAfterIt_15MayOf31Days()
    {
        // April and May paid in full (£2,625.00); the child left on 15 May: May is worth 15/31 × £1,312.50 = £635.08 (635.0806…),
        // so June recovers £1,312.50 − £635.08 = £677.42 and pays no June top-up.
        var payment = PaymentPlan.For(Placement(new(2025, 9, 1), new LocalDate(2026, 5, 15)), June,
            Paid(Money.FromPounds(2_625m), May), Settings());

        var line = Assert.Single(payment.Lines);
        Assert.Equal((PaymentKind.Adjustment, Money.FromPounds(-677.42m)), (line.Kind, line.Amount));
        Assert.Equal("leaver date 2026-05-15 recorded after payment", line.Reason);
        // The recovery is for the days paid after the leaving date, 16–31 May: a recharge credits them at their split.
        Assert.Equal(new DateInterval(new(2026, 5, 16), new(2026, 5, 31)), line.ServiceDays);
    }

    [Fact]
    public void RepeatedMonth_EverythingPaid_PlansNoLines()
    {
        var payment = PaymentPlan.For(Placement(new(2025, 9, 1)), May, Paid(Money.FromPounds(2_625m), May), Settings());

        Assert.Null(payment.Problem);
        Assert.Empty(payment.Lines);
    }

    [Fact]
    public void BandChangedFromADateAlreadyPaid_AdjustsWithAReasonNamingTheBand()
    {
        // B3 (£15,750) to B4 (£21,000) from 1 May, entered after May was paid at B3: May is owed £1,750 − £1,312.50 = £437.50 more.
        var placement = Placement(new(2025, 9, 1), null, ProRataBasis.Monthly,
            TopUpFundingRow.ByBand(new(2025, 9, 1), "B3"), TopUpFundingRow.ByBand(new(2026, 5, 1), "B4"));

        var payment = PaymentPlan.For(placement, June, Paid(Money.FromPounds(2_625m), May), Settings());

        Assert.Collection(payment.Lines,
            topUp => Assert.Equal((PaymentKind.TopUp, Money.FromPounds(1_750m)), (topUp.Kind, topUp.Amount)),
            change =>
            {
                Assert.Equal((PaymentKind.Adjustment, Money.FromPounds(437.50m)), (change.Kind, change.Amount));
                Assert.Equal("top-up changed to band B4 from 2026-05-01", change.Reason);
                Assert.Equal(new DateInterval(new(2026, 5, 1), new(2026, 5, 31)), change.ServiceDays);
            });
    }

    [Fact]
    public void BandWithNoAmountForTheYear_IsAProblemAndPaysNothing()
    {
        var placement = Placement(new(2025, 9, 1), null, ProRataBasis.Monthly, TopUpFundingRow.ByBand(new(2025, 9, 1), "B9"));

        var payment = PaymentPlan.For(placement, April, PaidSoFar.Nothing, Settings());

        Assert.Empty(payment.Lines);
        Assert.Equal("band B9 has no amount for 2026/27 (1 April 2026 to 30 April 2026)", payment.Problem);
    }

    [Fact]
    public void HeldPlacement_LinesCarryTheHold()
    {
        var payment = PaymentPlan.For(Placement(new(2026, 4, 1)), May,
            new PaidSoFar(new Dictionary<FinancialYear, Money>(), null, ActiveHoldId: 42), Settings());

        Assert.Equal(2, payment.Lines.Count); // May's top-up and April as back-pay
        Assert.All(payment.Lines, l => Assert.Equal(42, l.HoldId));
        Assert.Equal(Money.FromPounds(2_625m), Money.Sum(payment.Lines.Select(l => l.Amount)));
    }

    [Fact]
    public void HoldReleased_HeldMoneyIsPaidWithAReasonNamingTheHold()
    {
        var payment = PaymentPlan.For(Placement(new(2026, 4, 1)), June,
            new PaidSoFar(new Dictionary<FinancialYear, Money>(), null, null, "attendance query"), Settings());

        Assert.Collection(payment.Lines,
            topUp => Assert.Equal((PaymentKind.TopUp, Money.FromPounds(1_312.50m), (int?)null), (topUp.Kind, topUp.Amount, topUp.HoldId)),
            held =>
            {
                Assert.Equal((PaymentKind.Adjustment, Money.FromPounds(2_625m)), (held.Kind, held.Amount));
                Assert.Equal("held payment released (held for: attendance query)", held.Reason);
                Assert.Equal(new DateInterval(new(2026, 4, 1), new(2026, 5, 31)), held.ServiceDays);
            });
    }

    [Theory]
    [InlineData(ProvisionType.MaintainedSpecial, "1.2.1")]
    [InlineData(ProvisionType.ResourcedProvision, "1.2.1")]
    [InlineData(ProvisionType.Mainstream, "1.2.1")]
    [InlineData(ProvisionType.PupilReferralUnit, "1.2.1")]
    [InlineData(ProvisionType.EarlyYears, "1.2.1")]
    [InlineData(ProvisionType.SpecialAcademy, "1.2.2")]
    [InlineData(ProvisionType.FurtherEducation, "1.2.2")]
    [InlineData(ProvisionType.NonMaintainedSpecial, "1.2.3")]
    [InlineData(ProvisionType.IndependentSpecial, "1.2.3")]
    [InlineData(ProvisionType.SpecialPost16, "1.2.3")]
    [InlineData(ProvisionType.Other, "1.2.3")]
    public void S251LineForTopUp_ChargesEachProvisionTypeToItsLine(ProvisionType type, string expected)
    {
        Assert.Equal(expected, S251Line.ForTopUp(type));
        Assert.True(S251Line.IsKnown(S251Line.ForTopUp(type)));
    }

    [Fact]
    public void S251LineForTopUp_CoversEveryProvisionType()
    {
        // A new provision type must be placed on a line on purpose: this list is the one above.
        Assert.Equal(11, Enum.GetValues<ProvisionType>().Length);
    }
}
