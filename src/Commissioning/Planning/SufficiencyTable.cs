using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Planning;

/// <summary>One line of the sufficiency table: a need (null = any need), a phase and a district.</summary>
/// <param name="Places">Commissioned places at the council's own provision in the district, apportioned to this need and phase.</param>
/// <param name="Filled">Children at the council's own provision in the district with this need and phase.</param>
/// <param name="PlacedOutside">Children living in the district placed outside the council's own provision (another LA, or an independent or non-maintained school).</param>
/// <param name="OutsideForNoLocalCapacity">Of <paramref name="PlacedOutside"/>, those placed there because no local place was free.</param>
public sealed record SufficiencyRow(
    Need? Need, Phase Phase, string District, int Places, int Filled, int PlacedOutside, int OutsideForNoLocalCapacity)
{
    /// <summary>Never negative: an over-full row has no vacancies (see <see cref="OverPlaces"/>).</summary>
    public int Vacant => Math.Max(0, Places - Filled);
    /// <summary>Children beyond the places: filled − places, when positive.</summary>
    public int OverPlaces => Math.Max(0, Filled - Places);
}

/// <summary>
/// The sum of several rows (one need's, or every row). Vacancies and over-filling are summed row by row,
/// not recomputed from the totals: a vacancy in one district does not cancel a shortfall in another.
/// </summary>
public sealed record SufficiencyTotal(
    Need? Need, int Places, int Filled, int Vacant, int OverPlaces, int PlacedOutside, int OutsideForNoLocalCapacity)
{
    internal static SufficiencyTotal Of(Need? need, IEnumerable<SufficiencyRow> rows)
    {
        int places = 0, filled = 0, vacant = 0, over = 0, outside = 0, noLocal = 0;
        foreach (var row in rows)
        {
            places += row.Places;
            filled += row.Filled;
            vacant += row.Vacant;
            over += row.OverPlaces;
            outside += row.PlacedOutside;
            noLocal += row.OutsideForNoLocalCapacity;
        }
        return new SufficiencyTotal(need, places, filled, vacant, over, outside, noLocal);
    }
}

/// <summary>
/// Places, filled places and vacancies at the council's own provision for one academic year on one date,
/// by need × phase × district, beside the children placed outside it — the commissioner's sufficiency view.
/// </summary>
public sealed class SufficiencyTable
{
    /// <summary>The district shown for a child or provider whose district is not recorded.</summary>
    public const string DistrictNotRecorded = "Not recorded";

    private SufficiencyTable(AcademicYear year, LocalDate date, IReadOnlyList<SufficiencyRow> rows, int inLocalSettingsWithoutPlaces)
    {
        Year = year;
        Date = date;
        Rows = rows;
        TotalsByNeed = rows.GroupBy(r => r.Need).Select(g => SufficiencyTotal.Of(g.Key, g)).ToList();
        GrandTotal = SufficiencyTotal.Of(null, rows);
        InLocalSettingsWithoutPlaces = inLocalSettingsWithoutPlaces;
        Method = Explain(year, date);
    }

    public AcademicYear Year { get; }
    /// <summary>The date the children are counted on.</summary>
    public LocalDate Date { get; }
    /// <summary>Sorted by need (any need last), phase, district (not recorded last).</summary>
    public IReadOnlyList<SufficiencyRow> Rows { get; }
    /// <summary>One total per need present in <see cref="Rows"/>, in the same order.</summary>
    public IReadOnlyList<SufficiencyTotal> TotalsByNeed { get; }
    /// <summary>Every row added up; its <see cref="SufficiencyTotal.Need"/> is null.</summary>
    public SufficiencyTotal GrandTotal { get; }
    /// <summary>
    /// Children active on the date at a setting in the council's own LA that has no commissioned places
    /// (mainstream schools, mostly): neither filling a place nor placed outside, shown so that nobody is lost.
    /// </summary>
    public int InLocalSettingsWithoutPlaces { get; }
    /// <summary>How the table is worked out, a sentence each, for the page.</summary>
    public IReadOnlyList<string> Method { get; }

    /// <summary>The table for <paramref name="year"/>, counting children on <paramref name="date"/> (by default the year's census date).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <paramref name="year"/>.</exception>
    /// <exception cref="ArgumentException">A placement or place row refers to an unknown child or provider, or an id appears twice.</exception>
    public static SufficiencyTable For(PlanningData data, AcademicYear year, LocalDate? date = null)
    {
        var on = date ?? CensusDate.For(year);
        if (!year.Contains(on))
            throw new ArgumentOutOfRangeException(nameof(date), $"{on:uuuu-MM-dd} is not in the academic year {year}.");

        var index = new PlanningIndex(data);
        var own = index.OwnProvision(year);
        var cells = new Dictionary<(Need?, Phase, string), Cell>();
        var occupants = own.Keys.ToDictionary(id => id, _ => new List<(Need, Phase)>());
        var inLocalWithoutPlaces = 0;

        foreach (var (childId, placement) in index.ActiveOn(on))
        {
            var child = index.Children[childId];
            var provider = index.Providers[placement.ProviderId];
            var phase = NationalCurriculumYear.PhaseOf(NationalCurriculumYear.For(child.DateOfBirth, year));
            if (occupants.TryGetValue(provider.Id, out var atProvider))
            {
                atProvider.Add((child.PrimaryNeed, phase));
                CellOf(cells, child.PrimaryNeed, phase, provider.District).Filled++;
            }
            else if (IsOutsideOwnProvision(index, provider))
            {
                var cell = CellOf(cells, child.PrimaryNeed, phase, child.District);
                cell.PlacedOutside++;
                if (placement.OutOfAreaReason == OutOfAreaReason.NoLocalCapacity) cell.NoLocalCapacity++;
            }
            else
            {
                inLocalWithoutPlaces++;
            }
        }

        foreach (var (providerId, rows) in own)
        {
            var provider = index.Providers[providerId];
            foreach (var (key, places) in PlaceApportionment.Apportion(rows, provider.Phase, occupants[providerId]))
                CellOf(cells, key.Need, key.Phase, provider.District).Places += places;
        }

        var table = cells
            .Select(kv => new SufficiencyRow(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3,
                kv.Value.Places, kv.Value.Filled, kv.Value.PlacedOutside, kv.Value.NoLocalCapacity))
            .OrderBy(r => r.Need is null).ThenBy(r => r.Need)
            .ThenBy(r => r.Phase)
            .ThenBy(r => r.District == DistrictNotRecorded).ThenBy(r => r.District, StringComparer.Ordinal)
            .ToList();
        return new SufficiencyTable(year, on, table, inLocalWithoutPlaces);
    }

    /// <summary>
    /// A child counts as placed outside when the provider is in another LA, or is an independent special,
    /// non-maintained special or special post-16 provider the council has commissioned no places at —
    /// the settings a child goes to when a local place is not available or not suitable.
    /// </summary>
    private static bool IsOutsideOwnProvision(PlanningIndex index, PlanningProvider provider) =>
        !index.IsCouncils(provider)
        || provider.ProvisionType is ProvisionType.IndependentSpecial or ProvisionType.NonMaintainedSpecial or ProvisionType.SpecialPost16;

    private static Cell CellOf(Dictionary<(Need?, Phase, string), Cell> cells, Need? need, Phase phase, string? district)
    {
        var key = (need, phase, string.IsNullOrWhiteSpace(district) ? DistrictNotRecorded : district.Trim());
        if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = new Cell();
        return cell;
    }

    private static IReadOnlyList<string> Explain(AcademicYear year, LocalDate date) =>
    [
        $"Children are counted on {CensusDate.Describe(date)}" +
            (date == CensusDate.For(year) ? ", the census date of " + year + " (the third Thursday of January, as the school census and SEN2 count)." : $", in the academic year {year}."),
        "A placement counts when it started on or before that date and ends on or after it: both the start and the end day are included.",
        "A child with two placements on the date (dual registration) is counted once, at the placement that is not the dual registration.",
        "Need is the child's current primary need. Phase comes from the child's national curriculum year in " + year +
            " (Nursery and below early years, Reception to Year 6 primary, Years 7 to 11 secondary, Year 12 and above post-16), so an all-through school's children are split by their own phase.",
        $"Own provision is every setting in the council's LA with commissioned places for {year}.",
        "Filled counts the children at own provision, under the district the setting is in.",
        "Places designated for a need belong to that need; places for any need belong to the children whose need has no designated places there. " +
            "Each group of places is shared among the needs and phases of the children filling it in proportion to their numbers, " +
            "with leftover places going to the largest fractions (largest remainder method), so every setting's places add up exactly to what was commissioned.",
        "Places nobody fills keep their designated need, or show as \"Any need\", under the setting's phase; an all-through setting's empty places are shown as primary.",
        "Vacant is places minus filled when that is positive; over places is filled minus places when that is positive. Totals add up the rows, so a vacancy in one district does not hide a shortfall in another.",
        "Placed outside counts children at a setting in another LA, or at an independent special, non-maintained special or special post-16 provider the council has no commissioned places at, under the district the child lives in (\"Not recorded\" when unknown).",
        "Of those, \"no local capacity\" counts the placements whose out-of-area reason was recorded as no local capacity.",
        "Children at settings in the council's LA without commissioned places (mostly mainstream schools, individually funded) are neither filled nor placed outside; their number is shown separately.",
    ];

    private sealed class Cell
    {
        public int Places;
        public int Filled;
        public int PlacedOutside;
        public int NoLocalCapacity;
    }
}
