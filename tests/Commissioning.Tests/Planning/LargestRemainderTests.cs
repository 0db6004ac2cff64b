using Placements.Commissioning.Planning;
using Xunit;

namespace Placements.Commissioning.Tests.Planning;

public class LargestRemainderTests
{
    [Fact]
    public void Split_TenPlacesThreeWaysEqually_GivesTheLeftoverPlaceToTheFirst()
    {
        Assert.Equal([4, 3, 3], LargestRemainder.Split(10, [1, 1, 1]));
    }

    [Fact]
    public void Split_TenPlacesThreeToFour_GivesTheLeftoverToTheLargerFraction()
    {
        // Quotas 4.29 and 5.71: whole parts 4 + 5, the spare place goes to .71.
        Assert.Equal([4, 6], LargestRemainder.Split(10, [3, 4]));
    }

    [Fact]
    public void Split_ZeroWeightShare_GetsNothing()
    {
        Assert.Equal([0, 7, 0], LargestRemainder.Split(7, [0, 2, 0]));
    }

    [Fact]
    public void Split_PlacesWithNoWeights_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LargestRemainder.Split(3, [0, 0]));
    }
}
