using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Planning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Benchmarks;

/// <summary>
/// A county at the scale the architecture plans for: 300 providers, 20,000 children, 20,000 placements
/// starting over four academic years (2022/23 to 2025/26), places recorded for each of those years.
/// The same seed gives the same county.
/// </summary>
internal static class SyntheticPlanningCounty
{
    private const string CouncilLa = "990";
    private const string NeighbourLa = "991";

    public static PlanningData Build(int children = 20_000, int seed = 2026)
    {
        var random = new Random(seed);
        var districts = new[] { "North", "South", "East", "West", null };
        var mix = new (ProvisionType Type, int Count, string La)[]
        {
            (ProvisionType.MaintainedSpecial, 30, CouncilLa), (ProvisionType.SpecialAcademy, 10, CouncilLa),
            (ProvisionType.ResourcedProvision, 50, CouncilLa), (ProvisionType.PupilReferralUnit, 10, CouncilLa),
            (ProvisionType.Mainstream, 150, CouncilLa), (ProvisionType.IndependentSpecial, 30, CouncilLa),
            (ProvisionType.MaintainedSpecial, 20, NeighbourLa),
        };
        var providers = mix
            .SelectMany(m => Enumerable.Range(0, m.Count).Select(_ => (m.Type, m.La)))
            .Select((m, i) => new PlanningProvider(i + 1, $"P{i + 1}", $"{m.Type} {i + 1}", m.Type, m.La,
                districts[random.Next(districts.Length)], Enum.GetValues<Phase>()[random.Next(5)]))
            .ToList();

        var needs = Enum.GetValues<Need>();
        var people = Enumerable.Range(1, children)
            .Select(id => new PlanningChild(id, new LocalDate(2001 + random.Next(22), 1, 1).PlusDays(random.Next(365)),
                needs[random.Next(needs.Length)], districts[random.Next(districts.Length)]))
            .ToList();

        var firstStart = new LocalDate(2022, 9, 1);
        var span = Period.DaysBetween(firstStart, new LocalDate(2026, 1, 10));
        var reasons = new OutOfAreaReason?[] { null, OutOfAreaReason.NoLocalCapacity, OutOfAreaReason.ParentalPreference };
        var placements = people
            .Select(child =>
            {
                var start = firstStart.PlusDays(random.Next(span));
                LocalDate? end = random.Next(10) < 4 ? start.PlusDays(random.Next(900)) : null;
                return new PlanningPlacement(child.Id, 1 + random.Next(providers.Count), start, end,
                    reasons[random.Next(reasons.Length)], DualRegistration: random.Next(50) == 0);
            })
            .ToList();

        var places = providers
            .Where(p => p.LaCode == CouncilLa && p.ProvisionType is not (ProvisionType.Mainstream or ProvisionType.IndependentSpecial))
            .SelectMany(p => Enumerable.Range(2022, 4).SelectMany(y => new[]
            {
                new CommissionedPlaces(p.Id, new AcademicYear(y), needs[random.Next(needs.Length)], 20),
                new CommissionedPlaces(p.Id, new AcademicYear(y), null, 30),
            }))
            .ToList();
        return new PlanningData(CouncilLa, providers, people, placements, places);
    }
}
