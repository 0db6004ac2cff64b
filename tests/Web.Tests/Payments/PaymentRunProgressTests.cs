using NodaTime;
using NodaTime.Testing;
using Placements.Finance.Payments;
using Placements.Web.Payments;

namespace Placements.Web.Tests.Payments;

/// <summary>
/// The run page shows a preparation's progress until its run is in the database. The run commits a moment before the
/// node records the preparation as finished; in that moment the page must show the run alone, not the run under a
/// progress panel (CI once caught the page in it).
/// </summary>
public sealed class PaymentRunProgressTests
{
    private static readonly YearMonth June = new(2026, 6);
    private static readonly Instant Queued = Instant.FromUtc(2026, 6, 20, 9, 0);

    private static (PaymentRunProgress Progress, FakeClock Clock) Queue()
    {
        var clock = new FakeClock(Queued);
        var progress = new PaymentRunProgress(clock);
        progress.Queued(June, "finance.officer");
        clock.AdvanceSeconds(5);
        progress.Reporter(June, "finance.officer").Report(new PreparationProgress(10, 100, "Computing"));
        return (progress, clock);
    }

    [Fact]
    public void APreparation_IsUnderWay_WhileTheMonthHasNoRun_OrOnlyARunPreparedBeforeItWasQueued()
    {
        var (progress, _) = Queue();
        var state = progress.For(June)!;

        Assert.Equal(Queued, state.QueuedAt);
        Assert.True(state.UnderWayBeside(null));
        Assert.True(state.UnderWayBeside(new PaymentRun(June, 1, "finance.officer", Queued - Duration.FromDays(3))));
    }

    [Fact]
    public void APreparation_IsNoLongerUnderWay_OnceItsRunIsCommitted_EvenBeforeItIsRecordedAsFinished()
    {
        var (progress, clock) = Queue();
        var committed = new PaymentRun(June, 1, "finance.officer", clock.GetCurrentInstant());

        Assert.False(progress.For(June)!.Finished);
        Assert.False(progress.For(June)!.UnderWayBeside(committed));
    }

    [Fact]
    public void AFinishedPreparation_IsNotUnderWay()
    {
        var (progress, _) = Queue();
        progress.Finished(June, "finance.officer", "Prepared.", failed: false);

        Assert.False(progress.For(June)!.UnderWayBeside(null));
        Assert.Equal(Queued, progress.For(June)!.QueuedAt);
    }
}
