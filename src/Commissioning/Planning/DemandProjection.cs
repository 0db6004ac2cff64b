using Placements.Commissioning.Children;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Planning;

/// <summary>Expected number of children in one state (fractional: a projection deals in expectations).</summary>
public sealed record CohortCount(int Ncy, Need Need, Setting Setting, double Children);

/// <summary>Demand and places for one need (null = places for any need nobody fills) and phase in one year.</summary>
/// <param name="SpecialistDemand">Expected children in special schools, resourced provision and AP.</param>
/// <param name="AllSettingsDemand">Expected children in any setting.</param>
/// <param name="Places">Commissioned places at own provision, apportioned to this need and phase.</param>
public sealed record DemandRow(Need? Need, Phase Phase, double SpecialistDemand, double AllSettingsDemand, int Places)
{
    /// <summary>Specialist demand − places: positive is a shortfall of places, negative a surplus.</summary>
    public double Gap => SpecialistDemand - Places;
}

/// <summary>One academic year of the projection: the base year (counted) or a projected one.</summary>
/// <param name="Projected">False for the base year, whose figures are the census count.</param>
/// <param name="PlacesRecordedFor">The year whose commissioned places are used: this year, or the latest earlier year with places; null when none.</param>
public sealed record DemandYear(
    AcademicYear Year, bool Projected, AcademicYear? PlacesRecordedFor, IReadOnlyList<DemandRow> Rows, IReadOnlyList<CohortCount> Population)
{
    public double SpecialistDemand => Rows.Sum(r => r.SpecialistDemand);
    public double AllSettingsDemand => Rows.Sum(r => r.AllSettingsDemand);
    public int Places => Rows.Sum(r => r.Places);
    public double Gap => SpecialistDemand - Places;
}

/// <summary>One need across the years of the projection (base year first), for a chart.</summary>
public sealed record NeedDemandSeries(Need Need, IReadOnlyList<double> SpecialistDemand, IReadOnlyList<double> AllSettingsDemand, IReadOnlyList<int> Places);

/// <summary>
/// Projects the children with placements 1–5 academic years ahead from the base year's census, by
/// national curriculum year, need and setting, with rates measured from history (<see cref="TransitionRates"/>),
/// and sets the demand for specialist places against the places commissioned.
/// </summary>
public sealed class DemandProjection
{
    public const int MaxYearsAhead = 5;
    /// <summary>The oldest NCY kept: young people stay to age 25 (SEN2 NCY 20) and none beyond.</summary>
    public const int LastNcy = 20;

    private DemandProjection(AcademicYear baseYear, TransitionRates rates, IReadOnlyList<DemandYear> years, IReadOnlyList<string> assumptions)
    {
        BaseYear = baseYear;
        Rates = rates;
        Years = years;
        Assumptions = assumptions;
        SeriesByNeed = Enum.GetValues<Need>()
            .Select(need => new NeedDemandSeries(need,
                years.Select(y => y.Rows.Where(r => r.Need == need).Sum(r => r.SpecialistDemand)).ToList(),
                years.Select(y => y.Rows.Where(r => r.Need == need).Sum(r => r.AllSettingsDemand)).ToList(),
                years.Select(y => y.Rows.Where(r => r.Need == need).Sum(r => r.Places)).ToList()))
            .Where(s => s.AllSettingsDemand.Any(d => d > 0) || s.Places.Any(p => p > 0))
            .ToList();
    }

    public AcademicYear BaseYear { get; }
    /// <summary>The rates the projection used, with their counts, for the page to show.</summary>
    public TransitionRates Rates { get; }
    /// <summary>The base year, then each projected year.</summary>
    public IReadOnlyList<DemandYear> Years { get; }
    /// <summary>Per need with any demand or places, one value per entry of <see cref="Years"/>.</summary>
    public IReadOnlyList<NeedDemandSeries> SeriesByNeed { get; }
    /// <summary>Every assumption, a sentence each, so a commissioner can challenge it.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>Measures rates over <paramref name="historyYears"/> and projects <paramref name="yearsAhead"/> years past <paramref name="baseYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearsAhead"/> is not 1–5 or <paramref name="historyYears"/> not 1–10.</exception>
    /// <exception cref="ArgumentException">A placement or place row refers to an unknown child or provider, or an id appears twice.</exception>
    public static DemandProjection Project(PlanningData data, AcademicYear baseYear, int yearsAhead = 3, int historyYears = 3)
    {
        CheckYearsAhead(yearsAhead);
        var index = new PlanningIndex(data);
        var censuses = new Dictionary<AcademicYear, Dictionary<int, CensusEntry>>();
        var rates = TransitionRates.Measure(index, baseYear, historyYears, censuses);
        return Project(index, baseYear, rates, yearsAhead, censuses);
    }

    /// <summary>Projects with the given rates (measured, or adjusted for a "what if").</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearsAhead"/> is not 1–5.</exception>
    public static DemandProjection Project(PlanningData data, AcademicYear baseYear, TransitionRates rates, int yearsAhead = 3)
    {
        CheckYearsAhead(yearsAhead);
        return Project(new PlanningIndex(data), baseYear, rates, yearsAhead, []);
    }

    private static DemandProjection Project(
        PlanningIndex index, AcademicYear baseYear, TransitionRates rates, int yearsAhead,
        Dictionary<AcademicYear, Dictionary<int, CensusEntry>> censuses)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var census = censuses.TryGetValue(baseYear, out var c) ? c : Census.Take(index, baseYear);
        var population = new Dictionary<CohortState, double>();
        foreach (var entry in census.Values)
            population[entry.State] = population.GetValueOrDefault(entry.State) + 1;

        var places = new CommissionedPlacesByYear(index, census);
        var years = new List<DemandYear> { Summarise(baseYear, false, population, places) };
        var year = baseYear;
        for (var i = 0; i < yearsAhead; i++)
        {
            year = year.Next();
            population = Step(population, rates);
            years.Add(Summarise(year, true, population, places));
        }
        return new DemandProjection(baseYear, rates, years, Explain(baseYear, rates, years));
    }

    /// <summary>
    /// One year on: each child ages one NCY; leaves with the measured chance for their NCY; otherwise moves
    /// setting with the measured chances for their NCY and setting, or stays put where that pair was never seen;
    /// then the year's joiners arrive. States are visited in order so the sums never depend on input order.
    /// </summary>
    private static Dictionary<CohortState, double> Step(Dictionary<CohortState, double> population, TransitionRates rates)
    {
        var next = new Dictionary<CohortState, double>();
        foreach (var (state, children) in population.OrderBy(kv => kv.Key.Ncy).ThenBy(kv => kv.Key.Need).ThenBy(kv => kv.Key.Setting))
        {
            if (state.Ncy >= LastNcy) continue; // aged 25: the plan ends
            var staying = children * (1 - rates.LeaveProbability(state.Ncy));
            if (rates.MovesFrom(state.Ncy, state.Setting) is { } moves)
                foreach (var move in moves)
                    Add(next, new CohortState(state.Ncy + 1, state.Need, move.To), staying * move.Rate);
            else
                Add(next, state with { Ncy = state.Ncy + 1 }, staying);
        }
        foreach (var joiner in rates.Joiners)
            if (joiner.Ncy <= LastNcy)
                Add(next, new CohortState(joiner.Ncy, joiner.Need, joiner.Setting), joiner.PerYear);
        return next;
    }

    private static void Add(Dictionary<CohortState, double> population, CohortState state, double children)
    {
        if (children > 0) population[state] = population.GetValueOrDefault(state) + children;
    }

    private static DemandYear Summarise(AcademicYear year, bool projected, Dictionary<CohortState, double> population, CommissionedPlacesByYear places)
    {
        var cells = new Dictionary<NeedAndPhase, (double Specialist, double All, int Places)>();
        foreach (var (state, children) in population)
        {
            var key = new NeedAndPhase(state.Need, NationalCurriculumYear.PhaseOf(state.Ncy));
            var cell = cells.GetValueOrDefault(key);
            cells[key] = (cell.Specialist + (state.Setting.UsesSpecialistPlace() ? children : 0), cell.All + children, cell.Places);
        }
        var (recordedFor, apportioned) = places.For(year);
        foreach (var (key, count) in apportioned)
        {
            var cell = cells.GetValueOrDefault(key);
            cells[key] = cell with { Places = cell.Places + count };
        }
        var rows = cells
            .Select(kv => new DemandRow(kv.Key.Need, kv.Key.Phase, kv.Value.Specialist, kv.Value.All, kv.Value.Places))
            .OrderBy(r => r.Need is null).ThenBy(r => r.Need).ThenBy(r => r.Phase)
            .ToList();
        var counts = population
            .Select(kv => new CohortCount(kv.Key.Ncy, kv.Key.Need, kv.Key.Setting, kv.Value))
            .OrderBy(p => p.Ncy).ThenBy(p => p.Need).ThenBy(p => p.Setting)
            .ToList();
        return new DemandYear(year, projected, recordedFor, rows, counts);
    }

    private static void CheckYearsAhead(int yearsAhead)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(yearsAhead, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yearsAhead, MaxYearsAhead);
    }

    private static IReadOnlyList<string> Explain(AcademicYear baseYear, TransitionRates rates, IReadOnlyList<DemandYear> years)
    {
        var carried = years.Where(y => y.PlacesRecordedFor is { } r && r != y.Year).ToList();
        var noPlaces = years.Where(y => y.PlacesRecordedFor is null).ToList();
        var measured = rates.MeasuredFrom.Count == 0
            ? "No two consecutive census dates with children were found, so no rates could be measured: nobody leaves, nobody changes setting and nobody joins."
            : "Rates were measured from the census dates of " + string.Join(", ", rates.MeasuredFrom.Select(y => $"{y} to {y.Next()}")) + ".";
        var assumptions = new List<string>
        {
            $"The starting point is every child with an agreed placement on the {baseYear} census date ({CensusDate.Describe(CensusDate.For(baseYear))}), counted once even when dually registered.",
            measured,
            "A child with a placement at one census and none at the next has left; a child with none at one census and a placement at the next has joined.",
            "Need is the child's current primary need: the data holds no history of needs, so past years use today's need and nobody changes need in the projection.",
            "The chance of leaving depends only on the national curriculum year, pooled across needs, settings and the measured years: split further, most groups hold too few children to give a steady rate.",
            "The chance of each next setting depends on the national curriculum year and the current setting, pooled across needs and the measured years, for the same reason.",
            "Where no child of a national curriculum year was measured, nobody of that year leaves; where a year and setting was never seen, children stay in the same setting.",
            "Joiners each year are the average yearly number measured, by national curriculum year, need and setting; they are assumed to continue at that level, with no growth (nationally EHC plans grew about 11% a year to January 2025, so this may understate demand).",
            $"Young people past Year 14 (age 19) stay until Year {LastNcy} (age 25), leaving at the measured rates; at 25 everyone leaves.",
            "Projected figures are expected numbers of children and are not whole numbers; they are rounded only for display.",
            "Settings: special school means maintained special schools, special academies and free schools and non-maintained special schools; independent means independent special schools and special post-16 institutions; alternative provision means pupil referral units and AP.",
            "Specialist demand counts children expected in special schools, resourced provision and alternative provision, wherever those are (a child in another LA's special school counts, since a local place would serve them). Independent, FE, mainstream and other settings are in the all-settings figure only.",
            "Phase comes from the national curriculum year (Nursery and below early years, Reception to Year 6 primary, Years 7 to 11 secondary, Year 12 and above post-16).",
            "Commissioned places are those at the council's own provision (settings in its LA with places recorded for the year), split across needs and phases as in the sufficiency table, using the children at each setting on the base-year census date.",
            "Gap is specialist demand minus places: positive means more children than places.",
        };
        if (carried.Count > 0)
            assumptions.Add("No places are recorded yet for " + string.Join(", ", carried.Select(y => y.Year)) +
                "; the latest recorded year's places are carried forward (" + string.Join(", ", carried.Select(y => $"{y.Year} uses {y.PlacesRecordedFor}")) + ").");
        if (noPlaces.Count > 0)
            assumptions.Add("No places are recorded for or before " + string.Join(", ", noPlaces.Select(y => y.Year)) + ", so those years show no places.");
        return assumptions;
    }

    /// <summary>Each year's own-provision places by need × phase, carrying the latest recorded year forward.</summary>
    private sealed class CommissionedPlacesByYear(PlanningIndex index, Dictionary<int, CensusEntry> baseCensus)
    {
        private readonly AcademicYear[] recorded = index.YearsWithPlaces.ToArray();
        private readonly Dictionary<AcademicYear, Dictionary<NeedAndPhase, int>> apportioned = [];

        // The base-year census is the latest occupancy there is, so it splits every year's places.
        private readonly Dictionary<int, List<(Need, Phase)>> occupants = baseCensus.Values
            .GroupBy(e => e.ProviderId)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.State.Need, NationalCurriculumYear.PhaseOf(e.State.Ncy))).ToList());

        public (AcademicYear? RecordedFor, Dictionary<NeedAndPhase, int> Places) For(AcademicYear year)
        {
            var latest = recorded.Where(y => y <= year).Select(y => (AcademicYear?)y).LastOrDefault();
            if (latest is not { } from) return (null, []);
            if (!apportioned.TryGetValue(from, out var places))
            {
                places = [];
                foreach (var (providerId, rows) in index.OwnProvision(from))
                    foreach (var (key, count) in PlaceApportionment.Apportion(rows, index.Providers[providerId].Phase, occupants.GetValueOrDefault(providerId) ?? []))
                        places[key] = places.GetValueOrDefault(key) + count;
                apportioned[from] = places;
            }
            return (from, places);
        }
    }
}
