using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Elements;
using Placements.Finance.Funding.PlaceFunding;
using Xunit;

namespace Placements.Finance.Tests.Funding;

public class ProviderPlaceFundingTests
{
    private static readonly FinancialYear Fy2025 = new(2025);
    private static readonly FundedProvider Maintained = new("SP01", ProvisionType.MaintainedSpecial, IsAcademy: false, IsInThisCouncilsArea: true);

    private static PlaceRateTable Rates(params PlaceRateRow[] rows) => new(rows);

    private static readonly PlaceRateTable TenThousand =
        Rates(new PlaceRateRow(ProvisionType.MaintainedSpecial, new(2013, 4, 1), Money.FromPounds(10_000m), null),
              new PlaceRateRow(ProvisionType.SpecialAcademy, new(2013, 4, 1), Money.FromPounds(10_000m), null),
              new PlaceRateRow(ProvisionType.ResourcedProvision, new(2013, 4, 1), Money.FromPounds(6_000m), Money.FromPounds(10_000m)));

    private static Func<AcademicYear, CommissionedPlaces?> Places(int earlier, int later, int occupiedEarlier = 0, int occupiedLater = 0) =>
        year => year.StartYear == 2024 ? new(year, earlier, occupiedEarlier)
              : year.StartYear == 2025 ? new(year, later, occupiedLater)
              : null;

    [Property(MaxTest = 300)]
    public void SamePlacesInBothAcademicYears_FundPlacesTimesRate_AndThePartsSumExactly(NonNegativeInt places, NonNegativeInt ratePence, PositiveInt startYear)
    {
        var year = new FinancialYear(2000 + startYear.Get % 150);
        var rate = Money.FromPence(ratePence.Get % 5_000_000);
        var rates = Rates(new PlaceRateRow(ProvisionType.MaintainedSpecial, new(1990, 4, 1), rate, null));
        var n = places.Get % 1_000;

        var funding = ProviderPlaceFunding.For(Maintained, year, ay => new CommissionedPlaces(ay, n), rates);

        Assert.Equal(Money.FromPence(n * rate.Pence), funding.Total);
        Assert.Equal(funding.Total, funding.EarlierPart + funding.LaterPart);
        Assert.InRange(funding.EarlierPart.Pence * 12 - 5L * n * rate.Pence, -6, 6); // 5/12 of the year, within ½p
    }

    [Property(MaxTest = 300)]
    public void DifferentPlaces_FundFiveTwelfthsAndSevenTwelfths_RoundedOnceWithExactParts(NonNegativeInt earlier, NonNegativeInt later, NonNegativeInt ratePence)
    {
        var rate = Money.FromPence(ratePence.Get % 5_000_000);
        var rates = Rates(new PlaceRateRow(ProvisionType.MaintainedSpecial, new(1990, 4, 1), rate, null));
        var (e, l) = (earlier.Get % 1_000, later.Get % 1_000);

        var funding = ProviderPlaceFunding.For(Maintained, Fy2025, Places(e, l), rates);

        var exactTwelfths = (5L * e + 7L * l) * rate.Pence;
        Assert.InRange(funding.Total.Pence * 12 - exactTwelfths, -6, 6);
        Assert.InRange(funding.EarlierPart.Pence * 12 - 5L * e * rate.Pence, -6, 6);
        Assert.Equal(funding.Total, funding.EarlierPart + funding.LaterPart);
    }

    [Fact]
    public void MaintainedSpecial_60Then72PlacesAt10000_Funds67Places()
    {
        // DfE high needs operational guide: FY = 5/12 × places(AY 2024/25) + 7/12 × places(AY 2025/26).
        var funding = ProviderPlaceFunding.For(Maintained, Fy2025, Places(60, 72), TenThousand);

        Assert.Equal(Money.FromPounds(250_000m), funding.EarlierPart); // 5/12 × 60 × £10,000
        Assert.Equal(Money.FromPounds(420_000m), funding.LaterPart);   // 7/12 × 72 × £10,000
        Assert.Equal(Money.FromPounds(670_000m), funding.Total);
        Assert.Equal(FundingPayer.ThisCouncil, funding.PaidBy);
        Assert.Equal("1.0.2", PlaceFundingForYear.S251Line);
    }

    [Fact]
    public void Academy_PlaceFundingIsShownAsPaidByDfE()
    {
        var academy = new FundedProvider("SA01", ProvisionType.SpecialAcademy, IsAcademy: true, IsInThisCouncilsArea: true);

        var funding = ProviderPlaceFunding.For(academy, Fy2025, Places(40, 40), TenThousand);

        Assert.Equal(FundingPayer.DfE, funding.PaidBy);
        Assert.Equal(Money.FromPounds(400_000m), funding.Total); // deducted from the council's grant
    }

    [Fact]
    public void ResourcedProvision_FundsOccupiedAt6000AndEmptyAt10000()
    {
        // 10 places, 7 occupied, in both years: 7 × £6,000 + 3 × £10,000 = £72,000.
        var unit = new FundedProvider("RP01", ProvisionType.ResourcedProvision, IsAcademy: false, IsInThisCouncilsArea: true);

        var funding = ProviderPlaceFunding.For(unit, Fy2025, Places(10, 10, occupiedEarlier: 7, occupiedLater: 7), TenThousand);

        Assert.Equal(Money.FromPounds(72_000m), funding.Total);
    }

    [Fact]
    public void RateChangeFromSeptember_AppliesToTheSevenTwelfths()
    {
        var rates = Rates(new PlaceRateRow(ProvisionType.MaintainedSpecial, new(2013, 4, 1), Money.FromPounds(10_000m), null),
                          new PlaceRateRow(ProvisionType.MaintainedSpecial, new(2025, 9, 1), Money.FromPounds(10_600m), null));

        var funding = ProviderPlaceFunding.For(Maintained, Fy2025, Places(12, 12), rates);

        Assert.Equal(Money.FromPounds(50_000m), funding.EarlierPart); // 5/12 × 12 × £10,000
        Assert.Equal(Money.FromPounds(74_200m), funding.LaterPart);   // 7/12 × 12 × £10,600
    }

    [Fact]
    public void IndependentSpecial_HasNoPlaceFunding()
    {
        var independent = new FundedProvider("IS01", ProvisionType.IndependentSpecial, IsAcademy: false, IsInThisCouncilsArea: true);

        var funding = ProviderPlaceFunding.For(independent, Fy2025, Places(20, 20), TenThousand);

        Assert.Equal((FundingPayer.None, Money.Zero), (funding.PaidBy, funding.Total));
    }

    [Fact]
    public void MaintainedSchoolInAnotherCouncil_IsFundedByTheProviderCouncil()
    {
        var elsewhere = Maintained with { IsInThisCouncilsArea = false };

        Assert.Equal(FundingPayer.ProviderCouncil, ProviderPlaceFunding.For(elsewhere, Fy2025, Places(5, 5), TenThousand).PaidBy);
    }

    [Fact]
    public void PlacesWithNoRateInForce_AreAnError()
    {
        var error = Assert.Throws<DomainRuleException>(() => ProviderPlaceFunding.For(Maintained, Fy2025, Places(5, 5), Rates()));

        Assert.Equal("PlaceRateMustBeKnown", error.Rule);
    }
}
