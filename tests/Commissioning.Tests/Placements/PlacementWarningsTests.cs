using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Xunit;

namespace Placements.Commissioning.Tests.Placements;

public class PlacementWarningsTests
{
    // Born 1 March 2015: aged 11 on 31 August 2026, so Year 7 in 2026/27.
    private static readonly Child Year7Asd = new("C1", "Ava", "Smith", new LocalDate(2015, 3, 1), Need.ASD, "990");
    private static readonly LocalDate Start = new(2026, 9, 3);

    private static Provider School(int ageFrom, int ageTo, params Need[] designated) =>
        new("PRV1", "Hollybank School", ProvisionType.MaintainedSpecial, "990", Phase.Primary) { AgeFrom = ageFrom, AgeTo = ageTo, DesignatedNeeds = [.. designated] };

    [Fact]
    public void Warnings_ForAChildOlderThanTheAgeRange_SayTheAgeOnThe31August()
    {
        var warnings = PlacementRules.Warnings(School(4, 10, Need.ASD), Year7Asd, Start);

        var warning = Assert.Single(warnings);
        Assert.Contains("takes ages 4 to 10", warning);
        Assert.Contains("the child is 11", warning);
    }

    [Fact]
    public void Warnings_ForAChildYoungerThanTheAgeRange_AreGiven()
    {
        var warning = Assert.Single(PlacementRules.Warnings(School(12, 19, Need.ASD), Year7Asd, Start));
        Assert.Contains("takes ages 12 to 19", warning);
    }

    [Fact]
    public void Warnings_ForANeedTheProviderIsNotDesignatedFor_NameBoth()
    {
        var warning = Assert.Single(PlacementRules.Warnings(School(4, 19, Need.SLD, Need.PMLD), Year7Asd, Start));
        Assert.Contains("designated for SLD, PMLD", warning);
        Assert.Contains("primary need ASD", warning);
    }

    [Fact]
    public void Warnings_WhenAgeAndNeedBothFit_AreNone()
    {
        Assert.Empty(PlacementRules.Warnings(School(11, 11, Need.ASD), Year7Asd, Start));
    }

    [Fact]
    public void Warnings_ForAProviderDesignatedForNoNeed_AreNone_AnyNeedIsWelcome()
    {
        Assert.Empty(PlacementRules.Warnings(School(4, 19), Year7Asd, Start));
    }
}
