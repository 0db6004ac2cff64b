using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Planning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.Planning;

public class SufficiencyTableTests
{
    private static readonly AcademicYear Year = new(2025);
    private static readonly LocalDate Census = new(2026, 1, 15);
    private static readonly LocalDate September = new(2025, 9, 1);

    /// <summary>
    /// A small county, counted on the 2025/26 census date (15 January 2026):
    /// <list type="bullet">
    /// <item>Oakfield, an all-through maintained special school in North: 10 ASD places, 5 any-need places;
    /// 3 primary and 4 secondary ASD children, 1 primary SLD and 2 secondary SEMH children.</item>
    /// <item>Brook, a secondary resourced provision in South: 4 SLCN places, nobody with SLCN, one ASD child.</item>
    /// <item>Riverside, an all-through PRU in South: 6 any-need places, only a dual registration there.</item>
    /// <item>Hill, a mainstream primary: 2 children, no places.</item>
    /// <item>Elm, an independent special school in the county: 2 children, one for lack of a local place.</item>
    /// <item>In the neighbouring LA: a special school (1 child, no local capacity) and a mainstream school (1 child).</item>
    /// </list>
    /// </summary>
    private static PlanningData WorkedCounty()
    {
        var county = new County();
        var oakfield = county.Provider("Oakfield", ProvisionType.MaintainedSpecial, Phase.AllThrough, "North");
        var brook = county.Provider("Brook", ProvisionType.ResourcedProvision, Phase.Secondary, "South");
        var riverside = county.Provider("Riverside", ProvisionType.PupilReferralUnit, Phase.AllThrough, "South");
        var hill = county.Provider("Hill", ProvisionType.Mainstream, Phase.Primary, "North");
        var elm = county.Provider("Elm", ProvisionType.IndependentSpecial, Phase.AllThrough, "North");
        var neighbourSpecial = county.Provider("Neighbour special", ProvisionType.MaintainedSpecial, Phase.Secondary, null, County.Neighbour);
        var neighbourMainstream = county.Provider("Neighbour primary", ProvisionType.Mainstream, Phase.Primary, null, County.Neighbour);

        county.Places(oakfield, Year, Need.ASD, 10).Places(oakfield, Year, null, 5)
            .Places(oakfield, Year.Previous(), Need.ASD, 99) // another year: must not count
            .Places(brook, Year, Need.SLCN, 4)
            .Places(riverside, Year, null, 6)
            .Places(neighbourSpecial, Year, null, 8); // another LA's places are not own provision

        // Oakfield: ASD primary ×3 (one ends on the census date), ASD secondary ×4 (one starts on it).
        county.Placement(county.Child(Need.ASD, 3, Year), oakfield, September);
        county.Placement(county.Child(Need.ASD, 4, Year), oakfield, September);
        county.Placement(county.Child(Need.ASD, 5, Year), oakfield, September, end: Census);
        county.Placement(county.Child(Need.ASD, 7, Year), oakfield, September);
        county.Placement(county.Child(Need.ASD, 8, Year), oakfield, September);
        county.Placement(county.Child(Need.ASD, 9, Year), oakfield, September);
        county.Placement(county.Child(Need.ASD, 10, Year), oakfield, Census);
        // Not on roll on the census date: left the day before, or starts the day after.
        county.Placement(county.Child(Need.ASD, 2, Year), oakfield, September, end: Census.PlusDays(-1));
        county.Placement(county.Child(Need.ASD, 2, Year), oakfield, Census.PlusDays(1));
        // Oakfield's any-need places: SLD primary ×1, SEMH secondary ×2.
        county.Placement(county.Child(Need.SLD, 1, Year), oakfield, September);
        county.Placement(county.Child(Need.SEMH, 8, Year), oakfield, September);
        county.Placement(county.Child(Need.SEMH, 11, Year), oakfield, September);

        county.Placement(county.Child(Need.ASD, 9, Year, "South"), brook, September);

        // Hill: two mainstream children; one is dually registered at Riverside and counted at Hill only.
        var dual = county.Child(Need.MLD, 4, Year, "South");
        county.Placement(dual, hill, September).Placement(dual, riverside, September, dual: true);
        county.Placement(county.Child(Need.MLD, 2, Year, "North"), hill, September);

        county.Placement(county.Child(Need.ASD, 10, Year, "South"), elm, September, reason: OutOfAreaReason.NoLocalCapacity);
        // Moved from Oakfield to Elm at New Year: counted once, at Elm, with no district recorded.
        var moved = county.Child(Need.SEMH, 9, Year);
        county.Placement(moved, oakfield, September, end: new LocalDate(2025, 12, 31))
            .Placement(moved, elm, new LocalDate(2026, 1, 1), reason: OutOfAreaReason.ParentalPreference);

        county.Placement(county.Child(Need.ASD, 8, Year, "North"), neighbourSpecial, September, reason: OutOfAreaReason.NoLocalCapacity);
        county.Placement(county.Child(Need.ASD, 5, Year, "North"), neighbourMainstream, September);
        return county.Data;
    }

    [Fact]
    public void For_WorkedCounty_GivesEveryRowExactly()
    {
        var table = SufficiencyTable.For(WorkedCounty(), Year);

        Assert.Equal(Census, table.Date);
        Assert.Equal(
        [
            // Oakfield's 10 ASD places split 3:4 by largest remainder (quotas 4.29, 5.71) → 4 primary, 6 secondary.
            new SufficiencyRow(Need.ASD, Phase.Primary, "North", Places: 4, Filled: 3, PlacedOutside: 1, OutsideForNoLocalCapacity: 0),
            new SufficiencyRow(Need.ASD, Phase.Secondary, "North", Places: 6, Filled: 4, PlacedOutside: 1, OutsideForNoLocalCapacity: 1),
            // Brook has no ASD places: its ASD child over-fills; Elm's ASD child lives in South.
            new SufficiencyRow(Need.ASD, Phase.Secondary, "South", Places: 0, Filled: 1, PlacedOutside: 1, OutsideForNoLocalCapacity: 1),
            // Oakfield's 5 any-need places split SEMH 2 : SLD 1 (quotas 3.33, 1.67) → 3 and 2.
            new SufficiencyRow(Need.SEMH, Phase.Secondary, "North", Places: 3, Filled: 2, PlacedOutside: 0, OutsideForNoLocalCapacity: 0),
            new SufficiencyRow(Need.SEMH, Phase.Secondary, SufficiencyTable.DistrictNotRecorded, Places: 0, Filled: 0, PlacedOutside: 1, OutsideForNoLocalCapacity: 0),
            // Designated places nobody fills stay with their need.
            new SufficiencyRow(Need.SLCN, Phase.Secondary, "South", Places: 4, Filled: 0, PlacedOutside: 0, OutsideForNoLocalCapacity: 0),
            new SufficiencyRow(Need.SLD, Phase.Primary, "North", Places: 2, Filled: 1, PlacedOutside: 0, OutsideForNoLocalCapacity: 0),
            // Riverside's any-need places with nobody placed: "Any need", all-through shown as primary.
            new SufficiencyRow(null, Phase.Primary, "South", Places: 6, Filled: 0, PlacedOutside: 0, OutsideForNoLocalCapacity: 0),
        ], table.Rows);
    }

    [Fact]
    public void For_WorkedCounty_AddsUpVacanciesRowByRowAndCountsMainstreamSeparately()
    {
        var table = SufficiencyTable.For(WorkedCounty(), Year);

        // Places 15 + 4 + 6; vacancies 1 + 2 + 0 + 1 + 0 + 4 + 1 + 6; Brook's ASD child is the one over.
        Assert.Equal(new SufficiencyTotal(null, Places: 25, Filled: 11, Vacant: 15, OverPlaces: 1, PlacedOutside: 4, OutsideForNoLocalCapacity: 2), table.GrandTotal);
        Assert.Equal(new SufficiencyTotal(Need.ASD, Places: 10, Filled: 8, Vacant: 3, OverPlaces: 1, PlacedOutside: 3, OutsideForNoLocalCapacity: 2), table.TotalsByNeed[0]);
        Assert.Equal([Need.ASD, Need.SEMH, Need.SLCN, Need.SLD, null], table.TotalsByNeed.Select(t => t.Need));
        Assert.Equal(2, table.InLocalSettingsWithoutPlaces); // Hill's two children, the dual registration once
    }

    [Fact]
    public void For_DayBeforeCensus_CountsTheLeaverAndNotTheCensusDayStarter()
    {
        var table = SufficiencyTable.For(WorkedCounty(), Year, Census.PlusDays(-1));

        var asdNorth = table.Rows.Where(r => r is { Need: Need.ASD, District: "North" }).ToList();
        Assert.Equal(4, asdNorth.Single(r => r.Phase == Phase.Primary).Filled);   // 3 + the leaver of the 14th
        Assert.Equal(3, asdNorth.Single(r => r.Phase == Phase.Secondary).Filled); // 4 − the starter of the 15th
        // The child who moved to Elm on 1 January is at Elm, not Oakfield, on the 14th too.
        Assert.Equal(2, table.Rows.Single(r => r is { Need: Need.SEMH, District: "North" }).Filled);
    }

    [Fact]
    public void For_DayAfterCensus_CountsTheLateStarterAndNotTheCensusDayLeaver()
    {
        var table = SufficiencyTable.For(WorkedCounty(), Year, Census.PlusDays(1));

        // Primary: 3 − the leaver on the 15th + the starter on the 16th.
        Assert.Equal(3, table.Rows.Single(r => r is { Need: Need.ASD, Phase: Phase.Primary, District: "North" }).Filled);
    }

    [Fact]
    public void For_DualRegistrationAtOwnProvision_IsCountedOnceAtTheMainPlacement()
    {
        var county = new County();
        var special = county.Provider("Special", ProvisionType.MaintainedSpecial, Phase.Primary, "East");
        var pru = county.Provider("PRU", ProvisionType.PupilReferralUnit, Phase.Primary, "West");
        county.Places(special, Year, null, 2).Places(pru, Year, null, 2);
        var child = county.Child(Need.SEMH, 5, Year, "East");
        // The dual registration is listed first, and starts later: neither should win over the main placement.
        county.Placement(child, pru, new LocalDate(2025, 10, 1), dual: true).Placement(child, special, September);

        var table = SufficiencyTable.For(county.Data, Year);

        Assert.Equal(1, table.GrandTotal.Filled);
        Assert.Equal(1, table.Rows.Single(r => r.District == "East" && r.Need == Need.SEMH).Filled);
        Assert.Equal(new SufficiencyRow(null, Phase.Primary, "West", 2, 0, 0, 0), table.Rows.Single(r => r.District == "West"));
    }

    [Fact]
    public void For_OwnLaIndependentSchoolWithCommissionedPlaces_IsOwnProvisionNotOutside()
    {
        var county = new County();
        var independent = county.Provider("Indie", ProvisionType.IndependentSpecial, Phase.Secondary, "East");
        county.Places(independent, Year, Need.ASD, 3);
        county.Placement(county.Child(Need.ASD, 8, Year, "West"), independent, September);

        var table = SufficiencyTable.For(county.Data, Year);

        Assert.Equal([new SufficiencyRow(Need.ASD, Phase.Secondary, "East", 3, 1, 0, 0)], table.Rows);
    }

    [Fact]
    public void For_DateOutsideTheYear_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SufficiencyTable.For(WorkedCounty(), Year, new LocalDate(2026, 9, 1)));
    }

    [Fact]
    public void For_PlacementAtUnknownProvider_IsRefusedRatherThanDropped()
    {
        var county = new County();
        county.Placement(county.Child(Need.ASD, 8, Year), 42, September);

        var error = Assert.Throws<ArgumentException>(() => SufficiencyTable.For(county.Data, Year));
        Assert.Contains("provider 42", error.Message);
    }

    [Fact]
    public void Method_ExplainsTheCensusDateAndTheAllThroughRule()
    {
        var table = SufficiencyTable.For(WorkedCounty(), Year);

        Assert.StartsWith("Children are counted on 15 January 2026, the census date of 2025/26", table.Method[0]);
        Assert.Contains(table.Method, s => s.Contains("all-through setting's empty places are shown as primary"));
    }
}
