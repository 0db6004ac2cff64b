using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Payments;
using Xunit;

namespace Placements.Finance.Tests.Payments;

/// <summary>The run's life: Draft → (AwaitingSecondApproval) → Approved → Exported, with segregation of duties and approval limits.</summary>
public class PaymentRunTests
{
    private static readonly Instant Prepared = Instant.FromUtc(2026, 4, 20, 9, 0);
    private static readonly Instant First = Instant.FromUtc(2026, 4, 21, 10, 0);
    private static readonly Instant Second = Instant.FromUtc(2026, 4, 22, 11, 0);
    private static readonly Money Total = Money.FromPounds(250_000m);

    private static PaymentRun Draft(Money? total = null)
    {
        var run = new PaymentRun(new YearMonth(2026, 4), 1, "preparer", Prepared);
        run.Totals(total ?? Total, Money.FromPounds(1_000m), 120, 0);
        return run;
    }

    private static string Rule(Action act) => Assert.Throws<DomainRuleException>(act).Rule;

    [Theory]
    [InlineData("preparer")]
    [InlineData("PREPARER")]
    [InlineData("Preparer")]
    public void Approve_ByThePreparerInAnyCase_IsRefused(string approver)
    {
        var run = Draft();
        Assert.Equal("PreparerCannotApprove", Rule(() => run.Approve(approver, Money.FromPounds(1_000_000m), First, null)));
        Assert.Equal(PaymentRunStatus.Draft, run.Status);
    }

    [Fact]
    public void Approve_LimitCoversTheTotal_ApprovesAtOnce()
    {
        var run = Draft();
        run.Approve("approver.a", Total, First, "  checked against the schedule  ");

        Assert.Equal(PaymentRunStatus.Approved, run.Status);
        Assert.Equal(("approver.a", (Instant?)First), (run.ApprovedBy, run.ApprovedAt));
        Assert.Null(run.FirstApprovedBy);
        Assert.True(run.IsApproved);
        var approved = run.Events[^1];
        Assert.Equal((First, "approver.a", "Approved", (PaymentRunStatus?)PaymentRunStatus.Draft, PaymentRunStatus.Approved, "checked against the schedule"),
            (approved.At, approved.Actor, approved.Action, approved.From, approved.To, approved.Note));
    }

    [Fact]
    public void Approve_NegativeTotal_LimitComparedWithItsSize()
    {
        // A run that recovers £5,000 needs a limit of at least £5,000, not any limit above −£5,000.
        var run = Draft(Money.FromPounds(-5_000m));
        run.Approve("approver.a", Money.FromPounds(4_999.99m), First, null);
        Assert.Equal(PaymentRunStatus.AwaitingSecondApproval, run.Status);
    }

    [Fact]
    public void Approve_LimitBelowTotal_NeedsASecondApproverWithACoveringLimit()
    {
        var run = Draft();
        run.Approve("approver.a", Money.FromPounds(100_000m), First, "first look");

        Assert.Equal(PaymentRunStatus.AwaitingSecondApproval, run.Status);
        Assert.Equal(("approver.a", (Instant?)First), (run.FirstApprovedBy, run.FirstApprovedAt));
        Assert.Null(run.ApprovedBy);
        Assert.False(run.IsApproved);

        run.Approve("approver.b", Money.FromPounds(500_000m), Second, null);

        Assert.Equal(PaymentRunStatus.Approved, run.Status);
        Assert.Equal(("approver.b", (Instant?)Second), (run.ApprovedBy, run.ApprovedAt));
        Assert.Equal("approver.a", run.FirstApprovedBy);
        Assert.Equal(
            [
                ("preparer", "Prepared", (PaymentRunStatus?)null, PaymentRunStatus.Draft, (string?)null),
                ("approver.a", "First approval", PaymentRunStatus.Draft, PaymentRunStatus.AwaitingSecondApproval, "first look"),
                ("approver.b", "Approved", PaymentRunStatus.AwaitingSecondApproval, PaymentRunStatus.Approved, null),
            ],
            run.Events.Select(e => (e.Actor, e.Action, e.From, e.To, e.Note)));
        Assert.Equal([Prepared, First, Second], run.Events.Select(e => e.At));
    }

    [Theory]
    [InlineData("approver.a")]
    [InlineData("Approver.A")]
    public void Approve_SameApproverTwice_IsRefused(string again)
    {
        var run = Draft();
        run.Approve("approver.a", Money.FromPounds(100_000m), First, null);

        Assert.Equal("SecondApproverMustDiffer", Rule(() => run.Approve(again, Money.FromPounds(1_000_000m), Second, null)));
        Assert.Equal(PaymentRunStatus.AwaitingSecondApproval, run.Status);
    }

    [Fact]
    public void Approve_SecondApproverLimitTooLow_IsRefused()
    {
        var run = Draft();
        run.Approve("approver.a", Money.FromPounds(100_000m), First, null);

        Assert.Equal("SecondApproverLimitMustCoverTotal", Rule(() => run.Approve("approver.b", Money.FromPounds(249_999.99m), Second, null)));
        Assert.Equal(PaymentRunStatus.AwaitingSecondApproval, run.Status);
        Assert.Null(run.ApprovedBy);
    }

    [Fact]
    public void Approve_SecondApproverIsThePreparer_IsRefused()
    {
        var run = Draft();
        run.Approve("approver.a", Money.FromPounds(100_000m), First, null);
        Assert.Equal("PreparerCannotApprove", Rule(() => run.Approve("Preparer", Money.FromPounds(1_000_000m), Second, null)));
    }

    [Fact]
    public void Approve_AnApprovedRun_IsRefused()
    {
        var run = Draft();
        run.Approve("approver.a", Total, First, null);
        var version = run.Version;

        Assert.Equal("PaymentRunMustBeAwaitingApproval", Rule(() => run.Approve("approver.b", Total, Second, null)));
        Assert.Equal(("approver.a", version), (run.ApprovedBy, run.Version));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Approve_WithNoLimit_IsRefused(long limitPence)
    {
        var run = Draft(Money.Zero);
        Assert.Equal("ApproverNeedsALimit", Rule(() => run.Approve("approver.a", Money.FromPence(limitPence), First, null)));
        Assert.Equal(PaymentRunStatus.Draft, run.Status);
    }

    [Fact]
    public void Exported_OnlyFromApproved()
    {
        var draft = Draft();
        Assert.Equal("OnlyAnApprovedRunIsExported", Rule(() => draft.Exported("clerk", Second, null)));

        var awaiting = Draft();
        awaiting.Approve("approver.a", Money.FromPounds(1m), First, null);
        Assert.Equal("OnlyAnApprovedRunIsExported", Rule(() => awaiting.Exported("clerk", Second, null)));

        var approved = Draft();
        approved.Approve("approver.a", Total, First, null);
        approved.Exported("clerk", Second, "sent to the ledger");
        Assert.Equal(PaymentRunStatus.Exported, approved.Status);
        Assert.True(approved.IsApproved);
        Assert.Equal(("clerk", (Instant?)Second), (approved.ExportedBy, approved.ExportedAt));
        var exported = approved.Events[^1];
        Assert.Equal(("clerk", "Exported", (PaymentRunStatus?)PaymentRunStatus.Approved, PaymentRunStatus.Exported, "sent to the ledger"),
            (exported.Actor, exported.Action, exported.From, exported.To, exported.Note));

        var events = approved.Events.Count;
        approved.Exported("someone.else", Second.Plus(Duration.FromDays(1)), null); // exporting twice records nothing new
        Assert.Equal((events, "clerk"), (approved.Events.Count, approved.ExportedBy));
    }

    [Fact]
    public void ApprovedRun_NeverChanges_TotalsRecomputeAndNotesRefused()
    {
        var run = Draft();
        run.Approve("approver.a", Total, First, null);

        Assert.Equal("PaymentRunIsNotDraft", Rule(() => run.Totals(Money.Zero, Money.Zero, 0, 0)));
        Assert.Equal("PaymentRunIsNotDraft", Rule(() => run.Recomputed("preparer", Second)));
        Assert.Equal("PaymentRunIsNotDraft", Rule(() => run.Noted("Held", "clerk", Second, "PL-1")));
        Assert.Equal(Total, run.Total);
    }

    [Fact]
    public void AwaitingSecondApproval_CannotBeRecomputed()
    {
        var run = Draft();
        run.Approve("approver.a", Money.FromPounds(1m), First, null);
        Assert.Equal("PaymentRunIsNotDraft", Rule(() => run.Recomputed("preparer", Second)));
    }

    [Fact]
    public void Version_GoesUpWithEveryChange()
    {
        var run = new PaymentRun(new YearMonth(2026, 4), 1, "preparer", Prepared);
        var seen = new List<int> { run.Version };

        run.Totals(Total, Money.Zero, 10, 0); seen.Add(run.Version);
        run.Noted("Held", "clerk", First, "PL-1: query"); seen.Add(run.Version);
        run.Recomputed("preparer.two", First); seen.Add(run.Version);
        run.Approve("approver.a", Money.FromPounds(1m), Second, null); seen.Add(run.Version);
        run.Approve("approver.b", Total, Second, null); seen.Add(run.Version);
        run.Exported("clerk", Second, null); seen.Add(run.Version);

        Assert.Equal(seen.Order().Distinct(), seen);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public void Recomputed_NewPreparerCannotApprove_AndAnEarlierPreparerNowCan()
    {
        var run = Draft();
        run.Recomputed("preparer.two", First);

        Assert.Equal(("preparer.two", First), (run.PreparedBy, run.PreparedAt));
        var recomputed = run.Events[^1];
        Assert.Equal(("preparer.two", "Recomputed", (PaymentRunStatus?)PaymentRunStatus.Draft, PaymentRunStatus.Draft),
            (recomputed.Actor, recomputed.Action, recomputed.From, recomputed.To));
        Assert.Equal("PreparerCannotApprove", Rule(() => run.Approve("PREPARER.TWO", Total, Second, null)));
    }

    [Fact]
    public void Noted_RecordsHoldOnHistoryWithoutChangingStatus()
    {
        var run = Draft();
        run.Noted("Held", "clerk", First, "PL-1: attendance query (SEND casework)");

        var held = run.Events[^1];
        Assert.Equal((First, "clerk", "Held", (PaymentRunStatus?)PaymentRunStatus.Draft, PaymentRunStatus.Draft, "PL-1: attendance query (SEND casework)"),
            (held.At, held.Actor, held.Action, held.From, held.To, held.Note));
        Assert.Equal(PaymentRunStatus.Draft, run.Status);
    }

    [Fact]
    public void Title_NamesSupplementaryRuns()
    {
        Assert.Equal("April 2026", new PaymentRun(new YearMonth(2026, 4), 1, "p", Prepared).Title);
        Assert.Equal("April 2026 (supplementary run 2)", new PaymentRun(new YearMonth(2026, 4), 2, "p", Prepared).Title);
    }
}
