using FsCheck.Xunit;
using Placements.Commissioning.Planning;
using Xunit;

namespace Placements.Commissioning.Tests.Planning;

[Properties(Arbitrary = [typeof(PlanningArbitraries)], MaxTest = 200)]
public class PlanningProperties
{
    [Property]
    public void LargestRemainder_SharesAddUpToThePlacesAndStayWithinOneOfTheQuota(PlacesAndWeights input)
    {
        var shares = LargestRemainder.Split(input.Places, input.Weights);

        Assert.Equal(input.Places, shares.Sum());
        long weightSum = input.Weights.Sum();
        if (weightSum == 0)
        {
            Assert.All(shares, share => Assert.Equal(0, share));
            return;
        }
        for (var i = 0; i < shares.Length; i++)
        {
            // |share − places × w / Σw| < 1, kept in integers.
            var quotaTimesSum = (long)input.Places * input.Weights[i];
            Assert.True(Math.Abs(shares[i] * weightSum - quotaTimesSum) < weightSum, $"share {i} is {shares[i]}");
        }
    }

    [Property]
    public void SufficiencyPlaces_AddUpToEveryPlaceCommissionedAtOwnProvision(CountyOnADate county)
    {
        var table = SufficiencyTable.For(county.Data, county.Year, county.Date);

        var ownProviders = county.Data.Providers.Where(p => p.LaCode == county.Data.CouncilLa).Select(p => p.Id).ToHashSet();
        var commissioned = county.Data.Places.Where(p => p.AcademicYear == county.Year && ownProviders.Contains(p.ProviderId)).Sum(p => p.Places);
        Assert.Equal(commissioned, table.GrandTotal.Places);
        Assert.Equal(commissioned, table.Rows.Sum(r => r.Places));
    }

    [Property]
    public void Sufficiency_CountsEveryChildActiveOnTheDateExactlyOnce(CountyOnADate county)
    {
        var table = SufficiencyTable.For(county.Data, county.Year, county.Date);

        var active = county.Data.Placements
            .Where(p => p.Start <= county.Date && (p.End is null || county.Date <= p.End))
            .Select(p => p.ChildId).Distinct().Count();
        Assert.Equal(active, table.GrandTotal.Filled + table.GrandTotal.PlacedOutside + table.InLocalSettingsWithoutPlaces);
    }

    [Property]
    public void SufficiencyRows_AreConsistentAndTheTotalsAddThemUp(CountyOnADate county)
    {
        var table = SufficiencyTable.For(county.Data, county.Year, county.Date);

        Assert.All(table.Rows, r =>
        {
            Assert.Equal(r.Places - r.Filled, r.Vacant - r.OverPlaces);
            Assert.InRange(r.OutsideForNoLocalCapacity, 0, r.PlacedOutside);
        });
        Assert.Equal(table.Rows.Sum(r => r.Vacant), table.TotalsByNeed.Sum(t => t.Vacant));
        Assert.Equal(table.Rows.Sum(r => r.OverPlaces), table.GrandTotal.OverPlaces);
        Assert.Equal(table.Rows.Count, table.Rows.Select(r => (r.Need, r.Phase, r.District)).Distinct().Count());
    }

    [Property]
    public void Projection_WithNobodyLeavingOrJoining_KeepsEveryoneUntilTheyPass25(CountyWithMovesOnly input)
    {
        var county = input.County;
        var rates = TransitionRates.FromCounts([county.Year.Previous()], [], input.Moves, []);

        var projection = DemandProjection.Project(county.Data, county.Year, rates, input.YearsAhead);

        var startingNcys = projection.Years[0].Population.ToList();
        for (var k = 1; k <= input.YearsAhead; k++)
        {
            var stillUnder25 = startingNcys.Where(p => p.Ncy + k <= DemandProjection.LastNcy).Sum(p => p.Children);
            Assert.Equal(stillUnder25, projection.Years[k].Population.Sum(p => p.Children), 1e-9);
            Assert.Equal(stillUnder25, projection.Years[k].AllSettingsDemand, 1e-9);
        }
    }

    [Property]
    public void Projection_NeverGivesANegativeCount(CountyOnADate county)
    {
        var projection = DemandProjection.Project(county.Data, county.Year, yearsAhead: 5, historyYears: 3);

        Assert.All(projection.Years.SelectMany(y => y.Population), p => Assert.True(p.Children >= 0, p.ToString()));
        Assert.All(projection.Years.SelectMany(y => y.Rows), r =>
        {
            Assert.True(r.SpecialistDemand >= 0 && r.AllSettingsDemand >= r.SpecialistDemand - 1e-9 && r.Places >= 0, r.ToString());
            Assert.Equal(r.SpecialistDemand - r.Places, r.Gap);
        });
    }

    [Property]
    public void Projection_IsTheSameWhateverOrderTheDataComesIn(CountyOnADate county)
    {
        var data = county.Data;
        var reversed = data with
        {
            Providers = data.Providers.Reverse().ToList(),
            Children = data.Children.Reverse().ToList(),
            Placements = data.Placements.Reverse().ToList(),
            Places = data.Places.Reverse().ToList(),
        };

        var first = DemandProjection.Project(data, county.Year, yearsAhead: 4);
        var again = DemandProjection.Project(data, county.Year, yearsAhead: 4);
        var shuffled = DemandProjection.Project(reversed, county.Year, yearsAhead: 4);

        foreach (var other in new[] { again, shuffled })
        {
            Assert.Equal(first.Years.SelectMany(y => y.Rows), other.Years.SelectMany(y => y.Rows));
            Assert.Equal(first.Years.SelectMany(y => y.Population), other.Years.SelectMany(y => y.Population));
            Assert.Equal(first.Rates.Moves, other.Rates.Moves);
            Assert.Equal(first.Assumptions, other.Assumptions);
        }
    }

    [Property]
    public void ProjectionBaseYearPlaces_MatchTheSufficiencyTableOnTheCensusDate(CountyOnADate county)
    {
        var projection = DemandProjection.Project(county.Data, county.Year, yearsAhead: 1);
        var table = SufficiencyTable.For(county.Data, county.Year);

        var baseYear = projection.Years[0];
        if (baseYear.PlacesRecordedFor != county.Year)
        {
            // Nothing recorded for the year itself: the sufficiency table has no own provision at all.
            Assert.Equal(0, table.GrandTotal.Places);
            return;
        }
        var fromTable = table.Rows.GroupBy(r => (r.Need, r.Phase)).Where(g => g.Sum(r => r.Places) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Places));
        var fromProjection = baseYear.Rows.Where(r => r.Places > 0).ToDictionary(r => (r.Need, r.Phase), r => r.Places);
        Assert.Equal(fromTable.OrderBy(kv => kv.Key), fromProjection.OrderBy(kv => kv.Key));
    }
}
