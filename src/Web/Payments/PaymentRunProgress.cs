using System.Collections.Concurrent;
using NodaTime;
using Placements.Finance.Payments;

namespace Placements.Web.Payments;

/// <summary>Where the preparation of a month stands on this node, for the run page to poll.</summary>
public sealed record PreparationState(YearMonth Month, string RequestedBy, Instant QueuedAt, string Stage, int Done, int Total, bool Finished, string? Message, bool Failed)
{
    public int Percent => Total == 0 ? (Finished ? 100 : 0) : (int)(100L * Done / Total);

    /// <summary>
    /// Whether the preparation is still to be shown as under way beside <paramref name="run"/>, the month's run as the
    /// database has it. The run commits a moment before this node records the preparation as finished; a run prepared
    /// since this preparation was queued is its result, so the page shows the run, not the progress, in that moment.
    /// </summary>
    public bool UnderWayBeside(PaymentRun? run) => !Finished && !(run is not null && run.PreparedAt >= QueuedAt);
}

/// <summary>
/// Preparations in progress on this node. A preparation is one transaction, so its progress cannot be read from the
/// database until it commits; this in-memory record is what the page shows meanwhile.
/// </summary>
public sealed class PaymentRunProgress(IClock clock)
{
    private readonly ConcurrentDictionary<YearMonth, PreparationState> states = new();

    public PreparationState? For(YearMonth month) => states.GetValueOrDefault(month);

    public void Queued(YearMonth month, string requestedBy) =>
        states[month] = new(month, requestedBy, clock.GetCurrentInstant(), "Waiting to start", 0, 0, false, null, false);

    public IProgress<PreparationProgress> Reporter(YearMonth month, string requestedBy) =>
        new Progress(this, month, requestedBy);

    public void Finished(YearMonth month, string requestedBy, string message, bool failed) =>
        states[month] = (states.GetValueOrDefault(month) ?? new(month, requestedBy, clock.GetCurrentInstant(), "", 0, 0, false, null, false))
            with { Stage = failed ? "Failed" : "Finished", Finished = true, Message = message, Failed = failed };

    private Instant QueuedAt(YearMonth month) => states.TryGetValue(month, out var state) ? state.QueuedAt : clock.GetCurrentInstant();

    // Reported synchronously (not System.Progress<T>, which posts to the thread pool and can arrive after "Finished").
    private sealed class Progress(PaymentRunProgress owner, YearMonth month, string requestedBy) : IProgress<PreparationProgress>
    {
        public void Report(PreparationProgress value) =>
            owner.states[month] = new(month, requestedBy, owner.QueuedAt(month), value.Stage, value.Done, value.Total, false, null, false);
    }
}
