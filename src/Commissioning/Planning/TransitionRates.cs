using Placements.Commissioning.Children;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Planning;

/// <summary>Of <paramref name="Children"/> counted in <paramref name="Ncy"/> at one census, <paramref name="Left"/> had no placement at the next.</summary>
public sealed record LeavingCount(int Ncy, int Children, int Left)
{
    public double Rate => Children == 0 ? 0 : (double)Left / Children;
}

/// <summary><paramref name="Children"/> in <paramref name="Ncy"/> and setting <paramref name="From"/> at one census were in <paramref name="To"/> at the next.</summary>
public sealed record MoveCount(int Ncy, Setting From, Setting To, int Children);

/// <summary>
/// A measured move: of the <paramref name="OutOf"/> children in <paramref name="Ncy"/> and <paramref name="From"/>
/// who stayed (had a placement at the next census), <paramref name="Children"/> were then in <paramref name="To"/>.
/// </summary>
public sealed record MoveRate(int Ncy, Setting From, Setting To, int Children, int OutOf)
{
    public double Rate => OutOf == 0 ? 0 : (double)Children / OutOf;
}

/// <summary>Children who had no placement at one census and were in this state at the next (<paramref name="Ncy"/> is the later one).</summary>
public sealed record JoinerCount(int Ncy, Need Need, Setting Setting, int Joined);

/// <summary><paramref name="Joined"/> joiners over <paramref name="Years"/> measured years: <see cref="PerYear"/> on average.</summary>
public sealed record JoinerRate(int Ncy, Need Need, Setting Setting, int Joined, int Years)
{
    public double PerYear => Years == 0 ? 0 : (double)Joined / Years;
}

/// <summary>
/// How children moved between census dates, witan.send style: the chance of leaving by national curriculum
/// year, the chance of each next setting by year and setting, and the yearly number of joiners by year,
/// need and setting. Leaving and moves are pooled across needs and measured years because, split by need,
/// most cells would hold a handful of children and the rates would swing on one child.
/// Rates are keyed by the NCY the child was in <em>before</em> the move.
/// </summary>
public sealed class TransitionRates
{
    public const int MaxHistoryYears = 10;

    private readonly Dictionary<int, LeavingCount> leavingByNcy;
    private readonly Dictionary<(int, Setting), List<MoveRate>> movesFrom;

    private TransitionRates(IReadOnlyList<AcademicYear> measuredFrom, List<LeavingCount> leaving, List<MoveRate> moves, List<JoinerRate> joiners)
    {
        MeasuredFrom = measuredFrom;
        Leaving = leaving;
        Moves = moves;
        Joiners = joiners;
        leavingByNcy = leaving.ToDictionary(l => l.Ncy);
        movesFrom = moves.GroupBy(m => (m.Ncy, m.From)).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The earlier year of each measured pair of consecutive census dates (2023/24 means 2023/24 → 2024/25).</summary>
    public IReadOnlyList<AcademicYear> MeasuredFrom { get; }
    /// <summary>Leaving counts by NCY, pooled over the measured years, NCY ascending.</summary>
    public IReadOnlyList<LeavingCount> Leaving { get; }
    /// <summary>Moves by NCY, setting and next setting, pooled over needs and years; sorted that way.</summary>
    public IReadOnlyList<MoveRate> Moves { get; }
    /// <summary>Joiners by NCY (the year joined), need and setting; sorted that way.</summary>
    public IReadOnlyList<JoinerRate> Joiners { get; }

    /// <summary>The measured chance that a child in <paramref name="ncy"/> has no placement a year later; 0 where no child in that NCY was measured.</summary>
    public double LeaveProbability(int ncy) => leavingByNcy.TryGetValue(ncy, out var l) ? l.Rate : 0;

    /// <summary>
    /// The chance of each setting a year later for a child in <paramref name="ncy"/> and <paramref name="from"/>
    /// who stays; null where no such child was ever seen staying.
    /// </summary>
    public IReadOnlyList<MoveRate>? MovesFrom(int ncy, Setting from) => movesFrom.GetValueOrDefault((ncy, from));

    /// <summary>
    /// Measures the rates over up to <paramref name="historyYears"/> pairs of consecutive census dates ending
    /// at <paramref name="baseYear"/>'s census; a pair is used only when both censuses found children.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="historyYears"/> is not 1–10.</exception>
    public static TransitionRates Measure(PlanningData data, AcademicYear baseYear, int historyYears = 3) =>
        Measure(new PlanningIndex(data), baseYear, historyYears, new Dictionary<AcademicYear, Dictionary<int, CensusEntry>>());

    internal static TransitionRates Measure(
        PlanningIndex index, AcademicYear baseYear, int historyYears, Dictionary<AcademicYear, Dictionary<int, CensusEntry>> censuses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyYears, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyYears, MaxHistoryYears);
        Dictionary<int, CensusEntry> CensusOf(AcademicYear y) =>
            censuses.TryGetValue(y, out var c) ? c : censuses[y] = Census.Take(index, y);

        var measured = new List<AcademicYear>();
        var leaving = new List<LeavingCount>();
        var moves = new List<MoveCount>();
        var joiners = new List<JoinerCount>();
        for (var startYear = Math.Max(1900, baseYear.StartYear - historyYears); startYear < baseYear.StartYear; startYear++)
        {
            var from = new AcademicYear(startYear);
            var before = CensusOf(from);
            var after = CensusOf(from.Next());
            if (before.Count == 0 || after.Count == 0) continue; // no data recorded that far back
            measured.Add(from);
            foreach (var (childId, then) in before)
            {
                var s = then.State;
                if (after.TryGetValue(childId, out var now))
                {
                    leaving.Add(new LeavingCount(s.Ncy, 1, 0));
                    moves.Add(new MoveCount(s.Ncy, s.Setting, now.State.Setting, 1));
                }
                else
                {
                    leaving.Add(new LeavingCount(s.Ncy, 1, 1));
                }
            }
            foreach (var (childId, now) in after)
                if (!before.ContainsKey(childId))
                    joiners.Add(new JoinerCount(now.State.Ncy, now.State.Need, now.State.Setting, 1));
        }
        return FromCounts(measured, leaving, moves, joiners);
    }

    /// <summary>
    /// Rates from counts (repeated keys are added up) — what <see cref="Measure(PlanningData, AcademicYear, int)"/>
    /// builds, and what a commissioner's "what if" would supply. Joiners per year divide by the number of measured years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or more left than were counted.</exception>
    public static TransitionRates FromCounts(
        IReadOnlyList<AcademicYear> measuredFrom, IEnumerable<LeavingCount> leaving, IEnumerable<MoveCount> moves, IEnumerable<JoinerCount> joiners)
    {
        var leavingTotals = leaving
            .GroupBy(l => l.Ncy)
            .Select(g => new LeavingCount(g.Key, g.Sum(l => NotNegative(l.Children)), g.Sum(l => NotNegative(l.Left))))
            .OrderBy(l => l.Ncy)
            .ToList();
        if (leavingTotals.FirstOrDefault(l => l.Left > l.Children) is { } impossible)
            throw new ArgumentOutOfRangeException(nameof(leaving), $"In NCY {impossible.Ncy}, {impossible.Left} left out of {impossible.Children}.");

        var moveTotals = moves
            .GroupBy(m => (m.Ncy, m.From, m.To))
            .Select(g => (g.Key.Ncy, g.Key.From, g.Key.To, Children: g.Sum(m => NotNegative(m.Children))))
            .ToList();
        var stayed = moveTotals.GroupBy(m => (m.Ncy, m.From)).ToDictionary(g => g.Key, g => g.Sum(m => m.Children));
        var moveRates = moveTotals
            .Where(m => stayed[(m.Ncy, m.From)] > 0)
            .Select(m => new MoveRate(m.Ncy, m.From, m.To, m.Children, stayed[(m.Ncy, m.From)]))
            .OrderBy(m => m.Ncy).ThenBy(m => m.From).ThenBy(m => m.To)
            .ToList();

        var joinerRates = joiners
            .GroupBy(j => (j.Ncy, j.Need, j.Setting))
            .Select(g => new JoinerRate(g.Key.Ncy, g.Key.Need, g.Key.Setting, g.Sum(j => NotNegative(j.Joined)), measuredFrom.Count))
            .OrderBy(j => j.Ncy).ThenBy(j => j.Need).ThenBy(j => j.Setting)
            .ToList();

        return new TransitionRates(measuredFrom.ToList(), leavingTotals, moveRates, joinerRates);
    }

    private static int NotNegative(int count) =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), "Counts cannot be negative.");
}
