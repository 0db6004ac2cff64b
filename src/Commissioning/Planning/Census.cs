using Placements.Commissioning.Children;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Planning;

/// <summary>A child counted at a census: their state and the provider they were counted at.</summary>
internal readonly record struct CensusEntry(CohortState State, int ProviderId);

/// <summary>Who was where on an academic year's census date, one entry per child (dual registration counted once).</summary>
internal static class Census
{
    public static Dictionary<int, CensusEntry> Take(PlanningIndex index, AcademicYear year)
    {
        var population = new Dictionary<int, CensusEntry>();
        foreach (var (childId, placement) in index.ActiveOn(CensusDate.For(year)))
        {
            var child = index.Children[childId];
            var provider = index.Providers[placement.ProviderId];
            var state = new CohortState(NationalCurriculumYear.For(child.DateOfBirth, year), child.PrimaryNeed, Settings.Of(provider.ProvisionType));
            population[childId] = new CensusEntry(state, provider.Id);
        }
        return population;
    }
}
