using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;

namespace Placements.Web.Pages.Payments;

/// <summary>
/// What an approver checks on a run, read from the database: the run, its lines grouped by provider and s251 line, and the
/// differences from the month before. Amounts are summed in memory because <see cref="Money"/> is stored as pence through a
/// value converter (a run has about 1,300 lines). Children appear only by initials and reference.
/// </summary>
public sealed class PaymentRunView(FinanceDb finance, CommissioningDb commissioning)
{
    /// <summary>How many rows a list on the run page shows before saying how many more there are.</summary>
    public const int RowCap = 50;

    /// <summary>How many placements the "largest changes" table shows.</summary>
    public const int LargestChangeCount = 10;

    /// <summary>Every run, newest month first, and within a month the latest run first.</summary>
    public async Task<IReadOnlyList<PaymentRun>> RunsAsync(CancellationToken cancellationToken) =>
        (await finance.PaymentRuns.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(r => r.Month).ThenByDescending(r => r.Sequence).ToList();

    /// <summary>Run <paramref name="sequence"/> of the month, or its latest run; null when there is none.</summary>
    public async Task<RunDetails?> LoadAsync(YearMonth month, int? sequence, CancellationToken cancellationToken)
    {
        var run = await finance.PaymentRuns.AsNoTracking().Include(r => r.Events)
            .Where(r => r.Month == month && (sequence == null || r.Sequence == sequence))
            .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (run is null) return null;

        var lines = await finance.PaymentLines.AsNoTracking().Where(l => l.PaymentRunId == run.Id).ToListAsync(cancellationToken);
        var previousMonth = month.PlusMonths(-1);
        // The month before as it was paid: its approved runs (a supplementary run included), held lines not counted.
        var previousRuns = await finance.PaymentRuns.AsNoTracking().Where(PaymentRun.Approved)
            .Where(r => r.Month == previousMonth)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var previousLines = previousRuns.Count == 0
            ? []
            : await finance.PaymentLines.AsNoTracking().Where(l => previousRuns.Contains(l.PaymentRunId) && l.HoldId == null).ToListAsync(cancellationToken);
        var problems = await finance.PaymentRunProblems.AsNoTracking().Where(p => p.PaymentRunId == run.Id)
            .OrderBy(p => p.PlacementReference).ToListAsync(cancellationToken);
        var holdIds = lines.Where(l => l.HoldId is not null).Select(l => l.HoldId!.Value).Distinct().ToList();
        var holds = await finance.PaymentHolds.AsNoTracking().Where(h => holdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var providerRefs = lines.Select(l => l.ProviderReference).Concat(previousLines.Select(l => l.ProviderReference)).Distinct().ToList();
        var providerNames = await commissioning.Providers.AsNoTracking().Where(p => providerRefs.Contains(p.Reference))
            .ToDictionaryAsync(p => p.Reference, p => p.Name, cancellationToken);

        return new RunDetails(run, lines, previousMonth, previousRuns.Count > 0, previousLines, problems, holds, providerNames);
    }
}

/// <summary>One run with what the page derives from it. Paid lines are those not held, as in the run's total.</summary>
public sealed class RunDetails
{
    private readonly IReadOnlyList<PaymentLine> _previous;
    private readonly IReadOnlyDictionary<string, string> _providerNames;

    internal RunDetails(PaymentRun run, IReadOnlyList<PaymentLine> lines, YearMonth previousMonth, bool previousMonthPaid,
        IReadOnlyList<PaymentLine> previousLines, IReadOnlyList<PaymentRunProblem> problems, IReadOnlyDictionary<int, PaymentHold> holds,
        IReadOnlyDictionary<string, string> providerNames)
    {
        Run = run;
        Lines = lines;
        PreviousMonth = previousMonth;
        PreviousMonthPaid = previousMonthPaid;
        _previous = previousLines;
        Problems = problems;
        _providerNames = providerNames;
        var paid = lines.Where(l => !l.IsHeld).ToList();
        PreviousTotal = Money.Sum(previousLines.Select(l => l.Amount));

        var previousByProvider = previousLines.GroupBy(l => l.ProviderReference).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));
        Providers = paid.GroupBy(l => l.ProviderReference).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProviderTotal(g.Key, ProviderName(g.Key), string.Join(", ", g.Select(l => l.S251Line).Distinct().Order(StringComparer.Ordinal)),
                Money.Sum(g.Where(l => !l.Amount.IsNegative).Select(l => l.Amount)), Money.Sum(g.Where(l => l.Amount.IsNegative).Select(l => l.Amount)),
                previousByProvider.GetValueOrDefault(g.Key)))
            .ToList();
        S251Lines = paid.GroupBy(l => l.S251Line).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new S251Total(g.Key, g.Select(l => l.PlacementId).Distinct().Count(), Money.Sum(g.Select(l => l.Amount))))
            .ToList();

        var now = paid.GroupBy(l => l.PlacementId).ToDictionary(g => g.Key, g => g.ToList());
        var before = previousLines.GroupBy(l => l.PlacementId).ToDictionary(g => g.Key, g => g.ToList());
        Changes = now.Keys.Union(before.Keys)
            .Select(id => Change(now.GetValueOrDefault(id) ?? [], before.GetValueOrDefault(id) ?? []))
            .ToList();
        LargestChanges = Changes.Where(c => !c.Difference.IsZero)
            .OrderByDescending(c => c.Difference.Abs()).ThenBy(c => c.PlacementReference, StringComparer.Ordinal)
            .Take(PaymentRunView.LargestChangeCount).ToList();
        NewPlacements = Changes.Where(c => !before.ContainsKey(c.PlacementId) && c.Now > Money.Zero)
            .OrderBy(c => c.ProviderReference, StringComparer.Ordinal).ThenBy(c => c.PlacementReference, StringComparer.Ordinal).ToList();
        var recovered = paid.Where(l => l.Amount.IsNegative).Select(l => l.PlacementId).ToHashSet();
        EndedPlacements = Changes.Where(c => before.ContainsKey(c.PlacementId) && (!now.ContainsKey(c.PlacementId) || recovered.Contains(c.PlacementId)))
            .OrderBy(c => c.ProviderReference, StringComparer.Ordinal).ThenBy(c => c.PlacementReference, StringComparer.Ordinal).ToList();
        Recoveries = lines.Where(l => l.Amount.IsNegative)
            .OrderBy(l => l.Amount).ThenBy(l => l.PlacementReference, StringComparer.Ordinal).ToList();
        Held = lines.Where(l => l.HoldId is not null).GroupBy(l => l.HoldId!.Value)
            .Select(g => new HeldPlacement(holds.GetValueOrDefault(g.Key), g.First().PlacementReference, g.First().ChildInitials, g.First().ChildReference,
                g.First().ProviderReference, Money.Sum(g.Select(l => l.Amount))))
            .OrderBy(h => h.PlacementReference, StringComparer.Ordinal).ToList();
    }

    public PaymentRun Run { get; }
    public IReadOnlyList<PaymentLine> Lines { get; }
    public YearMonth PreviousMonth { get; }
    /// <summary>Whether the month before has an approved run to compare with (the first month paid here has none).</summary>
    public bool PreviousMonthPaid { get; }
    /// <summary>What the month before paid, over its approved runs.</summary>
    public Money PreviousTotal { get; }
    /// <summary>This run's total less the month before's: positive when this month pays more.</summary>
    public Money ChangeFromPrevious => Run.Total - PreviousTotal;
    public IReadOnlyList<PaymentRunProblem> Problems { get; }
    public IReadOnlyList<ProviderTotal> Providers { get; }
    public IReadOnlyList<S251Total> S251Lines { get; }
    /// <summary>Every placement paid this month or last, with both totals.</summary>
    public IReadOnlyList<PlacementChange> Changes { get; }
    public IReadOnlyList<PlacementChange> LargestChanges { get; }
    /// <summary>Paid now and not paid by the month before.</summary>
    public IReadOnlyList<PlacementChange> NewPlacements { get; }
    /// <summary>Paid by the month before and nothing now, or with money recovered now.</summary>
    public IReadOnlyList<PlacementChange> EndedPlacements { get; }
    /// <summary>Negative lines (held ones too, marked), largest recovery first.</summary>
    public IReadOnlyList<PaymentLine> Recoveries { get; }
    public IReadOnlyList<HeldPlacement> Held { get; }

    public bool CanDownload => Run.IsApproved;

    public string ProviderName(string reference) => _providerNames.TryGetValue(reference, out var name) ? name : "";

    private static PlacementChange Change(List<PaymentLine> now, List<PaymentLine> before)
    {
        var any = now.Count > 0 ? now[0] : before[0];
        return new PlacementChange(any.PlacementId, any.PlacementReference, any.ChildInitials, any.ChildReference, any.ProviderReference,
            Money.Sum(now.Select(l => l.Amount)), Money.Sum(before.Select(l => l.Amount)),
            string.Join("; ", now.Select(l => l.Reason).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct()));
    }
}

/// <summary>A provider's part of a run: payments, recoveries netted off, and its total the month before.</summary>
public sealed record ProviderTotal(string Reference, string Name, string S251Lines, Money Payments, Money Recoveries, Money Previous)
{
    public Money Total => Payments + Recoveries;
    public Money Change => Total - Previous;
}

/// <summary>What a run charges to one s251 budget line.</summary>
public sealed record S251Total(string Line, int Placements, Money Total);

/// <summary>A placement's lines in this run against its lines paid the month before.</summary>
public sealed record PlacementChange(int PlacementId, string PlacementReference, string ChildInitials, string ChildReference, string ProviderReference,
    Money Now, Money Before, string Reasons)
{
    public Money Difference => Now - Before;
}

/// <summary>A placement's lines held in this run, with the hold (null only if the hold row has gone).</summary>
public sealed record HeldPlacement(PaymentHold? Hold, string PlacementReference, string ChildInitials, string ChildReference, string ProviderReference, Money Amount);
