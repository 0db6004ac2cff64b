using Placements.Commissioning.Providers;
using Placements.Finance.Funding.Elements;
using Xunit;

namespace Placements.Finance.Tests.Funding;

public class PlacePlusElementsTests
{
    private static readonly Money SixThousand = Money.FromPounds(6_000m);
    private static readonly Money TenThousand = Money.FromPounds(10_000m);

    private static FundedProvider Provider(ProvisionType type, bool academy = false, bool inArea = true) => new("X", type, academy, inArea);

    [Fact]
    public void Mainstream_SchoolMeetsTheFirst6000FromItsNotionalSenBudget_CouncilTopsUpTheRest()
    {
        // DfE high needs operational guide (domain.md §3): the first £6,000 of additional support comes from the
        // school's notional SEN budget. Support costing £9,100 needs a £3,100 top-up (Devon's middle mainstream band).
        var (fromSchool, topUp) = PlacePlusElements.SplitMainstreamSupport(Money.FromPounds(9_100m), SixThousand);
        Assert.Equal((SixThousand, Money.FromPounds(3_100m)), (fromSchool, topUp));

        var elements = PlacePlusElements.For(Provider(ProvisionType.Mainstream), topUp, placeRate: null, mainstreamThreshold: SixThousand);

        Assert.Equal(FundingPayer.SchoolFormula, elements.Element1.PaidBy);
        Assert.Equal((SixThousand, FundingPayer.SchoolFormula), (elements.Element2.AnnualAmount, elements.Element2.PaidBy));
        Assert.Equal((Money.FromPounds(3_100m), FundingPayer.ThisCouncil), (elements.Element3.AnnualAmount, elements.Element3.PaidBy));
        Assert.Contains("£6,000", elements.Element2.What);
    }

    [Fact]
    public void Mainstream_SupportUnderTheThreshold_NeedsNoTopUp()
    {
        Assert.Equal((Money.FromPounds(4_500m), Money.Zero), PlacePlusElements.SplitMainstreamSupport(Money.FromPounds(4_500m), SixThousand));
    }

    [Fact]
    public void Mainstream_ThresholdIsASetting_NotAConstant()
    {
        var (fromSchool, topUp) = PlacePlusElements.SplitMainstreamSupport(Money.FromPounds(9_100m), Money.FromPounds(7_000m));

        Assert.Equal((Money.FromPounds(7_000m), Money.FromPounds(2_100m)), (fromSchool, topUp));
    }

    [Theory]
    [InlineData(ProvisionType.MaintainedSpecial, false, true, FundingPayer.ThisCouncil)]
    [InlineData(ProvisionType.MaintainedSpecial, false, false, FundingPayer.ProviderCouncil)]
    [InlineData(ProvisionType.SpecialAcademy, true, true, FundingPayer.DfE)]
    [InlineData(ProvisionType.NonMaintainedSpecial, false, true, FundingPayer.DfE)]
    [InlineData(ProvisionType.SpecialPost16, false, true, FundingPayer.DfE)]
    [InlineData(ProvisionType.PupilReferralUnit, false, true, FundingPayer.ThisCouncil)]
    [InlineData(ProvisionType.PupilReferralUnit, true, true, FundingPayer.DfE)]
    public void SpecialistSettings_GetA10000PlaceFromItsFunder_AndATopUpFromThisCouncil(ProvisionType type, bool academy, bool inArea, FundingPayer placePayer)
    {
        var elements = PlacePlusElements.For(Provider(type, academy, inArea), Money.FromPounds(14_000m), TenThousand, SixThousand);

        Assert.Equal((TenThousand, placePayer), (elements.Element2.AnnualAmount, elements.Element2.PaidBy));
        Assert.Equal(placePayer, elements.Element1.PaidBy); // within the same place
        Assert.Equal((Money.FromPounds(14_000m), FundingPayer.ThisCouncil), (elements.Element3.AnnualAmount, elements.Element3.PaidBy));
    }

    [Fact]
    public void ResourcedProvision_PupilsGetElement1ThroughTheSchoolFormula_AndA6000Place()
    {
        var elements = PlacePlusElements.For(Provider(ProvisionType.ResourcedProvision), Money.FromPounds(5_000m), SixThousand, SixThousand);

        Assert.Equal(FundingPayer.SchoolFormula, elements.Element1.PaidBy);
        Assert.Equal((SixThousand, FundingPayer.ThisCouncil), (elements.Element2.AnnualAmount, elements.Element2.PaidBy));
    }

    [Fact]
    public void FurtherEducation_DfEPaysElements1And2()
    {
        var elements = PlacePlusElements.For(Provider(ProvisionType.FurtherEducation), Money.FromPounds(4_000m), SixThousand, SixThousand);

        Assert.Equal((FundingPayer.DfE, FundingPayer.DfE, FundingPayer.ThisCouncil),
            (elements.Element1.PaidBy, elements.Element2.PaidBy, elements.Element3.PaidBy));
    }

    [Fact]
    public void IndependentSpecial_HasNoPlace_TheCouncilPaysTheWholeFee()
    {
        var fee = Money.FromPounds(34_226.40m); // £175.57 × 195 days (domain.md §5)

        var elements = PlacePlusElements.For(Provider(ProvisionType.IndependentSpecial), fee, null, SixThousand);

        Assert.Equal((FundingPayer.None, FundingPayer.None), (elements.Element1.PaidBy, elements.Element2.PaidBy));
        Assert.Equal((fee, FundingPayer.ThisCouncil), (elements.Element3.AnnualAmount, elements.Element3.PaidBy));
    }
}
