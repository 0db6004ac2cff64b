using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Planning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.Planning;

public class DemandProjectionTests
{
    private const double Exact = 1e-9;
    private static readonly AcademicYear LastYear = new(2024);
    private static readonly AcademicYear BaseYear = new(2025);

    /// <summary>
    /// History (2024/25 → 2025/26): 20 ASD children in Year 6 mainstream; a year later 9 are in Year 7 at
    /// Oakfield special school, 9 in Year 7 mainstream and 2 have left (10%). So half of those who stay move
    /// to special school at Year 7. In 2025/26 a new cohort of 10 Year 6 children joins mainstream.
    /// Oakfield, a secondary special school in the county, has 12 ASD places recorded for 2025/26 only.
    /// </summary>
    private static PlanningData Cohort()
    {
        var county = new County();
        var mainstream = county.Provider("Hill", ProvisionType.Mainstream, Phase.AllThrough, "North");
        var oakfield = county.Provider("Oakfield", ProvisionType.MaintainedSpecial, Phase.Secondary, "North");
        county.Places(oakfield, BaseYear, Need.ASD, 12);
        var endOfYear6 = new LocalDate(2025, 7, 20);
        for (var i = 0; i < 20; i++)
        {
            var child = county.Child(Need.ASD, 6, LastYear);
            county.Placement(child, mainstream, LastYear.Start, end: i < 9 || i >= 18 ? endOfYear6 : null);
            if (i < 9) county.Placement(child, oakfield, BaseYear.Start);
        }
        for (var i = 0; i < 10; i++)
            county.Placement(county.Child(Need.ASD, 6, BaseYear), mainstream, BaseYear.Start);
        return county.Data;
    }

    [Fact]
    public void Measure_Cohort_FindsTenPercentLeavingAndHalfOfStayersMovingToSpecialAtYear7()
    {
        var rates = TransitionRates.Measure(Cohort(), BaseYear, historyYears: 3);

        Assert.Equal([LastYear], rates.MeasuredFrom); // 2022/23 and 2023/24 hold no children: skipped
        Assert.Equal([new LeavingCount(6, Children: 20, Left: 2)], rates.Leaving);
        Assert.Equal(0.1, rates.LeaveProbability(6), Exact);
        Assert.Equal(
        [
            new MoveRate(6, Setting.Mainstream, Setting.Mainstream, Children: 9, OutOf: 18),
            new MoveRate(6, Setting.Mainstream, Setting.SpecialSchool, Children: 9, OutOf: 18),
        ], rates.Moves);
        Assert.Equal([new JoinerRate(6, Need.ASD, Setting.Mainstream, Joined: 10, Years: 1)], rates.Joiners);
    }

    [Fact]
    public void Project_Cohort_AgesLeavesMovesAndAddsJoinersExactly()
    {
        var projection = DemandProjection.Project(Cohort(), BaseYear, yearsAhead: 2);

        Assert.Equal([BaseYear, BaseYear.Next(), BaseYear.Next().Next()], projection.Years.Select(y => y.Year));
        AssertPopulation(projection.Years[0],
            (6, Setting.Mainstream, 10), (7, Setting.Mainstream, 9), (7, Setting.SpecialSchool, 9));
        // 2026/27: the 10 in Year 6 → 1 leaves, 4.5 special, 4.5 mainstream; Year 7 moves up unchanged
        // (no Year 7 history: nobody leaves or moves); 10 new Year 6 joiners.
        AssertPopulation(projection.Years[1],
            (6, Setting.Mainstream, 10), (7, Setting.Mainstream, 4.5), (7, Setting.SpecialSchool, 4.5),
            (8, Setting.Mainstream, 9), (8, Setting.SpecialSchool, 9));
        AssertPopulation(projection.Years[2],
            (6, Setting.Mainstream, 10), (7, Setting.Mainstream, 4.5), (7, Setting.SpecialSchool, 4.5),
            (8, Setting.Mainstream, 4.5), (8, Setting.SpecialSchool, 4.5),
            (9, Setting.Mainstream, 9), (9, Setting.SpecialSchool, 9));
    }

    [Fact]
    public void Project_Cohort_SetsSpecialistDemandAgainstCarriedForwardPlaces()
    {
        var projection = DemandProjection.Project(Cohort(), BaseYear, yearsAhead: 2);

        var baseRow = projection.Years[0].Rows.Single(r => r is { Need: Need.ASD, Phase: Phase.Secondary });
        Assert.Equal((9.0, 18.0, 12), (baseRow.SpecialistDemand, baseRow.AllSettingsDemand, baseRow.Places));
        Assert.Equal(-3, baseRow.Gap, Exact);

        var next = projection.Years[1];
        Assert.True(next.Projected);
        Assert.Equal(BaseYear, next.PlacesRecordedFor); // 2026/27 has no places recorded: 2025/26's carried forward
        var row = next.Rows.Single(r => r is { Need: Need.ASD, Phase: Phase.Secondary });
        Assert.Equal(13.5, row.SpecialistDemand, Exact); // 9 in Year 8 + 4.5 in Year 7
        Assert.Equal(27, row.AllSettingsDemand, Exact);
        Assert.Equal(12, row.Places);
        Assert.Equal(1.5, row.Gap, Exact);
        Assert.Equal(10, next.Rows.Single(r => r is { Need: Need.ASD, Phase: Phase.Primary }).AllSettingsDemand, Exact);
        Assert.Contains(projection.Assumptions, a => a.Contains("2026/27 uses 2025/26"));
    }

    [Fact]
    public void SeriesByNeed_Cohort_GivesOnePointPerYearForAsdOnly()
    {
        var projection = DemandProjection.Project(Cohort(), BaseYear, yearsAhead: 2);

        var asd = Assert.Single(projection.SeriesByNeed);
        Assert.Equal(Need.ASD, asd.Need);
        Assert.Equal([9, 13.5, 18], asd.SpecialistDemand);
        Assert.Equal([28, 37, 46], asd.AllSettingsDemand);
        Assert.Equal([12, 12, 12], asd.Places);
    }

    [Fact]
    public void Project_YoungPersonInYear20_LeavesAtTwentyFive()
    {
        var county = new County();
        var college = county.Provider("College", ProvisionType.FurtherEducation, Phase.Post16, null);
        county.Placement(county.Child(Need.PD, 19, BaseYear), college, BaseYear.Start);

        var projection = DemandProjection.Project(county.Data, BaseYear, yearsAhead: 2);

        AssertPopulation(projection.Years[1], (20, Setting.PostSixteen, 1));
        Assert.Empty(projection.Years[2].Population);
    }

    [Fact]
    public void Project_YearsAheadOutsideOneToFive_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemandProjection.Project(Cohort(), BaseYear, yearsAhead: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemandProjection.Project(Cohort(), BaseYear, yearsAhead: 6));
    }

    [Fact]
    public void FromCounts_MoreLeaversThanChildren_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TransitionRates.FromCounts([LastYear], [new LeavingCount(6, Children: 2, Left: 3)], [], []));
    }

    private static void AssertPopulation(DemandYear year, params (int Ncy, Setting Setting, double Children)[] expected)
    {
        var actual = year.Population.Where(p => p.Children > 0).ToList();
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal((expected[i].Ncy, expected[i].Setting), (actual[i].Ncy, actual[i].Setting));
            Assert.Equal(expected[i].Children, actual[i].Children, Exact);
        }
    }
}
