using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.SchoolCalendar;

// DfE high needs operational guide: a maintained school's FY place funding =
// 5/12 × places(AY started the previous September) + 7/12 × places(AY starting this September).
public class PlaceFundingSplitTests
{
    [Fact]
    public void Split_OfFY2025To26_Is5TwelfthsOfAY2024To25And7TwelfthsOfAY2025To26()
    {
        var split = new FinancialYear(2025).PlaceFundingSplit();

        Assert.Equal(new FinancialYear(2025), split.Year);
        Assert.Equal(new AcademicYear(2024), split.EarlierAcademicYear);
        Assert.Equal(5, split.EarlierTwelfths);
        Assert.Equal(new AcademicYear(2025), split.LaterAcademicYear);
        Assert.Equal(7, split.LaterTwelfths);
        Assert.Equal("FY 2025/26 = 5/12 AY 2024/25 + 7/12 AY 2025/26", split.ToString());
    }

    [Fact]
    public void PlacesFunded_60PlacesIn2024To25Then72In2025To26_Funds67()
    {
        // (5 × 60 + 7 × 72) / 12 = (300 + 504) / 12 = 804 / 12 = 67
        var split = PlaceFundingSplit.For(new FinancialYear(2025));
        int PlacesIn(AcademicYear year) => year.StartYear switch { 2024 => 60, 2025 => 72, _ => 0 };

        Assert.Equal(804, split.FundedPlaceTwelfths(PlacesIn));
        Assert.Equal(67m, split.PlacesFunded(PlacesIn));
    }

    [Fact]
    public void PlacesFunded_OnePlaceOnlyInTheEarlierYear_FundsFiveTwelfthsOfAPlace()
    {
        var split = PlaceFundingSplit.For(new FinancialYear(2025));

        Assert.Equal(5, split.FundedPlaceTwelfths(year => year.StartYear == 2024 ? 1 : 0));
        Assert.Equal(5m / 12m, split.PlacesFunded(year => year.StartYear == 2024 ? 1 : 0));
    }

    [Fact]
    public void PlacesFunded_NegativePlaces_Throws()
    {
        var split = PlaceFundingSplit.For(new FinancialYear(2025));

        Assert.Throws<ArgumentOutOfRangeException>(() => split.PlacesFunded(_ => -1));
    }
}
