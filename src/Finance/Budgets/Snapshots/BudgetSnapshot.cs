using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets.Forecasting;

namespace Placements.Finance.Budgets.Snapshots;

/// <summary>
/// The month's forecast as it stood when taken (domain.md §7): per s251 line and provision type, and every placement's
/// part, so next month's movement can be explained placement by placement. Immutable: nothing in it is ever changed or
/// deleted (<see cref="Persistence.FinanceDb"/> refuses to save such a change); only notes are added.
/// </summary>
public sealed class BudgetSnapshot : IAudited
{
    private readonly List<BudgetSnapshotLine> _lines = [];
    private readonly List<BudgetSnapshotProvisionType> _provisionTypes = [];
    private readonly List<BudgetSnapshotNote> _notes = [];

    private BudgetSnapshot() { }

    /// <param name="contributions">What health and social care were expected to contribute to the forecast, kept beside it
    /// so the month's net position is on record too; null if not worked out.</param>
    public BudgetSnapshot(HighNeedsForecastResult forecast, string takenBy, Instant takenAt, IReadOnlyDictionary<string, RagStatus>? previousRag,
        ContributionsForecast? contributions = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        (FinancialYear, Month, AsAt, TakenBy, TakenAt) = (forecast.Year, forecast.AsAt.ToYearMonth(), forecast.AsAt, takenBy, takenAt);
        TrendIncluded = forecast.Options.IncludeTrend;
        (Budget, Forecast) = (forecast.Budget, forecast.Forecast);
        if (contributions is not null)
        {
            HealthContribution = contributions.Partners.Single(p => p.Partner == PooledFunding.Partner.Health).Expected;
            SocialCareContribution = contributions.Partners.Single(p => p.Partner == PooledFunding.Partner.SocialCare).Expected;
        }
        _lines.AddRange(forecast.Lines.Select(l => new BudgetSnapshotLine(l, previousRag?.GetValueOrDefault(l.Line.Code))));
        _provisionTypes.AddRange(forecast.ProvisionTypes.Select(t => new BudgetSnapshotProvisionType(t)));
    }

    public int Id { get; private set; }
    public FinancialYear FinancialYear { get; private set; }
    /// <summary>The month the snapshot is for: one snapshot a month.</summary>
    public YearMonth Month { get; private set; }
    public LocalDate AsAt { get; private set; }
    public Instant TakenAt { get; private set; }
    public string TakenBy { get; private set; } = "";
    public bool TrendIncluded { get; private set; }
    public Money Budget { get; private set; }
    public Money Forecast { get; private set; }
    public IReadOnlyList<BudgetSnapshotLine> Lines => _lines;
    public IReadOnlyList<BudgetSnapshotProvisionType> ProvisionTypes => _provisionTypes;
    public IReadOnlyList<BudgetSnapshotNote> Notes => _notes;

    public Money Variance => Forecast - Budget;

    /// <summary>Health's (the ICB's) expected contribution to the year's jointly funded placements; null in a snapshot taken before contributions were kept.</summary>
    public Money? HealthContribution { get; private set; }

    /// <summary>Social care's expected contribution; null in a snapshot taken before contributions were kept.</summary>
    public Money? SocialCareContribution { get; private set; }

    /// <summary>The forecast outturn less the partners' expected contributions: the cost that stays with the High Needs Block.</summary>
    public Money? NetForecast => HealthContribution is { } health && SocialCareContribution is { } socialCare ? Forecast - health - socialCare : null;

    /// <summary>Lines whose forecast crossed into a worse RAG status since the previous snapshot: the alerts.</summary>
    public IEnumerable<BudgetSnapshotLine> Alerts => _lines.Where(l => l.Alert);

    /// <summary>A budget holder's note on a line; it stays with the snapshot. The snapshot's figures are untouched.</summary>
    /// <exception cref="DomainRuleException"><c>NoteNeedsText</c>; <c>NoteMustBeOnALineOfTheSnapshot</c>.</exception>
    public BudgetSnapshotNote Annotate(string s251Line, string text, string by, Instant at)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("NoteNeedsText", "Write the note.");
        if (text.Trim().Length > 2000) throw new DomainRuleException("NoteNeedsText", "A note is at most 2,000 characters.");
        if (_lines.All(l => l.S251Line != s251Line))
            throw new DomainRuleException("NoteMustBeOnALineOfTheSnapshot", $"'{s251Line}' is not a line of the {Month:MMMM yyyy} snapshot.");
        var note = new BudgetSnapshotNote(s251Line, text.Trim(), by, at);
        _notes.Add(note);
        return note;
    }

    public string AuditKey => $"budget snapshot {Month:yyyy-MM}";
}

/// <summary>One s251 line of a snapshot.</summary>
public sealed class BudgetSnapshotLine
{
    private BudgetSnapshotLine() { }

    internal BudgetSnapshotLine(LineForecast line, RagStatus? previousRag)
    {
        (S251Line, Basis, Budget, Rag, PreviousRag) = (line.Line.Code, line.Basis, line.Budget, line.Rag, previousRag);
        var f = line.Figures;
        (Actual, Commitment, Pipeline, Trend, Forecast) = (f.Actual, f.Commitment, f.Pipeline, f.Trend, f.Forecast);
    }

    public long Id { get; private set; }
    public int BudgetSnapshotId { get; private set; }
    public string S251Line { get; private set; } = "";
    public LineBasis Basis { get; private set; }
    public Money Budget { get; private set; }
    public Money Actual { get; private set; }
    public Money Commitment { get; private set; }
    public Money Pipeline { get; private set; }
    public Money Trend { get; private set; }
    public Money Forecast { get; private set; }
    public RagStatus Rag { get; private set; }
    /// <summary>The line's status in the previous month's snapshot, if there was one.</summary>
    public RagStatus? PreviousRag { get; private set; }

    public Money Variance => Forecast - Budget;

    /// <summary>The forecast crossed a threshold since last month (green → amber or red, amber → red), or is red in a first snapshot.</summary>
    public bool Alert => PreviousRag is { } before ? Rag > before : Rag == RagStatus.Red;
}

/// <summary>One provision type of a snapshot.</summary>
public sealed class BudgetSnapshotProvisionType
{
    private BudgetSnapshotProvisionType() { }

    internal BudgetSnapshotProvisionType(ProvisionTypeForecast type)
    {
        (ProvisionType, Placements) = (type.ProvisionType, type.Placements);
        var f = type.Figures;
        (Actual, Commitment, Pipeline, Trend, Forecast) = (f.Actual, f.Commitment, f.Pipeline, f.Trend, f.Forecast);
    }

    public long Id { get; private set; }
    public int BudgetSnapshotId { get; private set; }
    public ProvisionType ProvisionType { get; private set; }
    public int Placements { get; private set; }
    public Money Actual { get; private set; }
    public Money Commitment { get; private set; }
    public Money Pipeline { get; private set; }
    public Money Trend { get; private set; }
    public Money Forecast { get; private set; }
}

/// <summary>One placement's part of a snapshot: what next month's movement is explained from. Reference and initials only.</summary>
public sealed class BudgetSnapshotPlacement
{
    private BudgetSnapshotPlacement() { }

    public BudgetSnapshotPlacement(int budgetSnapshotId, PlacementForecast p)
    {
        ArgumentNullException.ThrowIfNull(p);
        BudgetSnapshotId = budgetSnapshotId;
        var x = p.Placement;
        (PlacementId, PlacementReference, ProviderReference, ChildReference, ChildInitials) =
            (x.PlacementId, x.Reference, x.ProviderReference, x.ChildReference, x.ChildInitials);
        (ProvisionType, S251Line, Stage, End) = (x.ProvisionType, x.S251Line, x.Stage, x.End);
        (AnnualRate, Actual, Commitment, Pipeline, InvoicedAboveExpected) = (p.AnnualRate, p.Actual, p.Commitment, p.Pipeline, x.InvoicedAboveExpected);
    }

    public long Id { get; private set; }
    public int BudgetSnapshotId { get; private set; }
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public string ProviderReference { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public ProvisionType ProvisionType { get; private set; }
    public string S251Line { get; private set; } = "";
    public PlacementStage Stage { get; private set; }
    public LocalDate? End { get; private set; }
    public Money AnnualRate { get; private set; }
    public Money Actual { get; private set; }
    public Money Commitment { get; private set; }
    public Money Pipeline { get; private set; }
    public Money InvoicedAboveExpected { get; private set; }

    public Money Total => Actual + Commitment + Pipeline;
}

/// <summary>A budget holder's note on a line of a snapshot. Added, never changed.</summary>
public sealed class BudgetSnapshotNote : IAudited
{
    private BudgetSnapshotNote() { }

    internal BudgetSnapshotNote(string s251Line, string text, string by, Instant at) =>
        (S251Line, Text, WrittenBy, WrittenAt) = (s251Line, text, by, at);

    public int Id { get; private set; }
    public int BudgetSnapshotId { get; private set; }
    public string S251Line { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string WrittenBy { get; private set; } = "";
    public Instant WrittenAt { get; private set; }

    public string AuditKey => $"budget snapshot note {S251Line}";
}
