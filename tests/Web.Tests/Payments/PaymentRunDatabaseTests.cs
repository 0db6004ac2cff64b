using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Funding;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Finance.Invoices;
using Placements.Finance.Agreements;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Payments;

/// <summary>
/// The payment run's use cases on a real, freshly migrated database (domain.md §4): a small hand-built county of an
/// academy (1.2.2), a resourced provision (1.2.1) and an independent special school (paid by invoice, never by a run).
/// </summary>
/// <remarks>
/// County 320, FY 2026/27 bands: academy B3 £15,750 (£1,312.50 a month), resourced provision R1 £6,000 (£500 a month),
/// independent X £60,000. Paid in April 2026: PL-001 and PL-002 £1,312.50 each, PL-003 £500, PL-004 (from 16 April)
/// 15/30 × £500 = £250: £3,375.00 in four lines. Not paid: PL-005 (independent), PL-006 (another LA's), PL-007
/// (proposed), PL-008 (left in March).
/// </remarks>
public abstract class PaymentRunDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Council = "320";
    private static readonly YearMonth April = new(2026, 4);
    private static readonly YearMonth May = new(2026, 5);
    private static readonly YearMonth June = new(2026, 6);
    private static readonly FinancialYear Fy2026 = new(2026);
    private static readonly PaymentSettings Settings = new(Council, April);
    private static readonly Approver ApproverA = new("approver.a", Money.FromPounds(100_000m));
    private static readonly Approver ApproverB = new("approver.b", Money.FromPounds(100_000m));

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 27, 9, 0), Duration.FromMinutes(1));
    private ModuleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class CancelWhen(Func<PreparationProgress, bool> when, CancellationTokenSource source) : IProgress<PreparationProgress>
    {
        public List<PreparationProgress> Seen { get; } = [];

        public void Report(PreparationProgress value)
        {
            Seen.Add(value);
            if (when(value)) source.Cancel();
        }
    }

    public async ValueTask InitializeAsync()
    {
        _database = await ModuleDatabase.CreateAsync(provider, _clock, Ct);
        await SeedCountyAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private (CommissioningDb, FinanceDb) Contexts(string actor) => _database.Contexts(actor);

    private FinanceDb Finance() => Contexts("reader").Item2;

    private async Task SeedCountyAsync()
    {
        var (commissioning, finance) = Contexts("setup");
        await using var c = commissioning;
        await using var f = finance;
        var academy = new Provider("ACAD", "Oakfield Academy", ProvisionType.SpecialAcademy, Council, Phase.Secondary) { Urn = "140001" };
        var resourced = new Provider("RP", "Elm Road Resourced Provision", ProvisionType.ResourcedProvision, Council, Phase.Primary);
        var independent = new Provider("IND", "Hillside Independent School", ProvisionType.IndependentSpecial, "881", Phase.Secondary);
        c.Providers.AddRange(academy, resourced, independent);
        await c.SaveChangesAsync(Ct);

        (string Ref, string Given, string Family, Provider At, LocalDate Start, LocalDate? End, string La, bool Agreed)[] rows =
        [
            ("001", "Amy", "Brown", academy, new(2025, 9, 1), null, Council, true),
            ("002", "Ben", "Carter", academy, new(2024, 9, 1), null, Council, true),
            ("003", "Cara", "Dunn", resourced, new(2025, 1, 6), null, Council, true),
            ("004", "Dan", "Evans", resourced, new(2026, 4, 16), null, Council, true),
            ("005", "Eve", "Foster", independent, new(2025, 9, 1), null, Council, true),
            ("006", "Finn", "Green", academy, new(2025, 9, 1), null, "999", true),
            ("007", "Gus", "Hall", academy, new(2026, 4, 1), null, Council, false),
            ("008", "Hana", "Irwin", resourced, new(2025, 9, 1), new(2026, 3, 31), Council, true),
        ];
        var children = rows.Select(r => new Child("CH-" + r.Ref, r.Given, r.Family, new LocalDate(2014, 1, 1), Need.ASD, Council)).ToList();
        c.Children.AddRange(children);
        await c.SaveChangesAsync(Ct);
        var placements = rows.Select((r, i) =>
        {
            var placement = new Placement("PL-" + r.Ref, children[i].Id, r.At.Id, r.Start, r.End, r.La);
            if (r.Agreed) placement.Agree(true, null);
            return placement;
        }).ToList();
        c.Placements.AddRange(placements);
        await c.SaveChangesAsync(Ct);

        f.TopUpBands.AddRange(
            new TopUpBand(ProvisionType.SpecialAcademy, "B3", Fy2026, Money.FromPounds(15_750m)),
            new TopUpBand(ProvisionType.ResourcedProvision, "R1", Fy2026, Money.FromPounds(6_000m)),
            new TopUpBand(ProvisionType.IndependentSpecial, "X", Fy2026, Money.FromPounds(60_000m)));
        f.ProviderFundingTerms.AddRange(
            new ProviderFundingTerms(academy.Id, academy.Reference, ProRataBasis.Monthly),
            new ProviderFundingTerms(resourced.Id, resourced.Reference, ProRataBasis.Monthly));
        f.PlacementFunding.AddRange(placements.Select((p, i) =>
            PlacementFunding.ByBand(p.Id, p.Reference, p.Start, rows[i].At == academy ? "B3" : rows[i].At == resourced ? "R1" : "X")));
        await f.SaveChangesAsync(Ct);
    }

    /// <summary><paramref name="count"/> more children at the resourced provision, on R1 since January (£500 each in April).</summary>
    private async Task SeedManyAsync(int count)
    {
        var (commissioning, finance) = Contexts("setup");
        await using var c = commissioning;
        await using var f = finance;
        var providerId = await c.Providers.Where(p => p.Reference == "RP").Select(p => p.Id).SingleAsync(Ct);
        var children = Enumerable.Range(0, count).Select(i => new Child($"CH-M{i:0000}", "Mo", "Many", new LocalDate(2015, 1, 1), Need.MLD, Council)).ToList();
        c.Children.AddRange(children);
        await c.SaveChangesAsync(Ct);
        var placements = children.Select((child, i) =>
        {
            var placement = new Placement($"PL-M{i:0000}", child.Id, providerId, new LocalDate(2026, 1, 5), null, Council);
            placement.Agree(true, null);
            return placement;
        }).ToList();
        c.Placements.AddRange(placements);
        await c.SaveChangesAsync(Ct);
        f.PlacementFunding.AddRange(placements.Select(p => PlacementFunding.ByBand(p.Id, p.Reference, p.Start, "R1")));
        await f.SaveChangesAsync(Ct);
    }

    private async Task<PreparationOutcome> PrepareAsync(YearMonth month, string by = "preparer",
        IProgress<PreparationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (commissioning, finance) = Contexts(by);
        await using var c = commissioning;
        await using var f = finance;
        return await new PreparePaymentRun(c, f, _clock, new Placements.Web.Payments.BulkPaymentLineWriter()).RunAsync(month, by, Settings, progress,
            cancellationToken == default ? Ct : cancellationToken);
    }

    private async Task<PaymentRun> ApproveAsync(YearMonth month, Approver? approver = null)
    {
        var (commissioning, finance) = Contexts((approver ?? ApproverA).Name);
        await using var c = commissioning;
        await using var f = finance;
        return await new ApprovePaymentRun(f, _clock).ApproveAsync(month, approver ?? ApproverA, null, cancellationToken: Ct);
    }

    private async Task<T> WithHoldsAsync<T>(string by, Func<HoldPayments, Task<T>> act)
    {
        var (commissioning, finance) = Contexts(by);
        await using var c = commissioning;
        await using var f = finance;
        return await act(new HoldPayments(c, f, _clock));
    }

    private async Task EndPlacementAsync(string reference, LocalDate lastDay)
    {
        var (commissioning, finance) = Contexts("caseworker");
        await using var c = commissioning;
        await using var f = finance;
        var placement = await c.Placements.SingleAsync(p => p.Reference == reference, Ct);
        placement.EndOn(lastDay, CeaseReason.MovedToAnotherSetting);
        await c.SaveChangesAsync(Ct);
    }

    private async Task<List<PaymentRun>> RunsAsync(YearMonth? month = null)
    {
        await using var f = Finance();
        return await f.PaymentRuns.AsNoTracking().Include(r => r.Events)
            .Where(r => month == null || r.Month == month).OrderBy(r => r.Month).ThenBy(r => r.Sequence).ToListAsync(Ct);
    }

    private async Task<List<PaymentLine>> LinesAsync(int? runId = null)
    {
        await using var f = Finance();
        return await f.PaymentLines.AsNoTracking().Where(l => runId == null || l.PaymentRunId == runId)
            .OrderBy(l => l.PlacementReference).ThenBy(l => l.Id).ToListAsync(Ct);
    }

    /// <summary>What approved runs have paid each placement (held lines are not paid).</summary>
    private async Task<Dictionary<string, Money>> PaidAsync()
    {
        await using var f = Finance();
        var approved = await f.PaymentRuns.Where(r => r.Status == PaymentRunStatus.Approved || r.Status == PaymentRunStatus.Exported)
            .Select(r => r.Id).ToListAsync(Ct);
        var lines = await f.PaymentLines.AsNoTracking().Where(l => approved.Contains(l.PaymentRunId) && l.HoldId == null).ToListAsync(Ct);
        return lines.GroupBy(l => l.PlacementReference).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));
    }

    private static (string, PaymentKind, Money, string?, int?)[] Shape(IEnumerable<PaymentLine> lines) =>
        lines.OrderBy(l => l.PlacementReference, StringComparer.Ordinal).ThenBy(l => l.Kind)
            .Select(l => (l.PlacementReference, l.Kind, l.Amount, l.Reason, l.HoldId)).ToArray();

    private static readonly (string, PaymentKind, Money, string?, int?)[] AprilLines =
    [
        ("PL-001", PaymentKind.TopUp, Money.FromPounds(1_312.50m), null, null),
        ("PL-002", PaymentKind.TopUp, Money.FromPounds(1_312.50m), null, null),
        ("PL-003", PaymentKind.TopUp, Money.FromPounds(500m), null, null),
        ("PL-004", PaymentKind.TopUp, Money.FromPounds(250m), null, null),
    ];

    /// <summary>An invoice line for PL-005 (the independent school), recorded by an officer and approved (in part when <paramref name="approvedPounds"/> is less).</summary>
    private async Task<long> ApprovedInvoiceLineAsync(string number, LocalDate from, LocalDate to, decimal invoicedPounds, decimal? approvedPounds = null)
    {
        var (commissioning, finance) = Contexts("finance.officer");
        await using var c = commissioning;
        await using var f = finance;
        var placement = await c.Placements.SingleAsync(p => p.Reference == "PL-005", Ct);
        var now = _clock.GetCurrentInstant();
        var invoice = new Invoice(placement.ProviderId, "IND", number, InvoiceKind.Invoice, from, from, 30, "finance.officer", now, "form", null);
        var invoiced = Money.FromPounds(invoicedPounds);
        var line = invoice.AddLine(new InvoiceLine(placement.Id, "PL-005", "CH-005", "EF", from, to, invoiced, null, null, null));
        line.Matched(null, invoiced, invoiced, InvoiceLineStatus.ReadyToApprove, null);
        line.Approve(Money.FromPounds(approvedPounds ?? invoicedPounds), "finance.approver", now, approvedPounds is null ? null : "extra hours not agreed");
        f.Invoices.Add(invoice);
        await f.SaveChangesAsync(Ct);
        return line.Id;
    }

    private async Task<List<InvoiceLine>> InvoiceLinesAsync()
    {
        await using var f = Finance();
        return await f.InvoiceLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task ApprovedInvoiceLines_ArePaidOnceAsOneFeeLinePerPlacementAndYear_UnderS251Line123_AndStampedPaidOnApproval()
    {
        // Summer term 2026 invoiced £20,000 and approved in full; April's 1:1 support invoiced £1,000, £900 approved (partly).
        await ApprovedInvoiceLineAsync("IND-0412", new(2026, 4, 13), new(2026, 7, 22), 20_000m);
        await ApprovedInvoiceLineAsync("IND-0413", new(2026, 4, 1), new(2026, 4, 30), 1_000m, 900m);

        await PrepareAsync(April);
        await PrepareAsync(April); // a recomputed draft takes the same lines again, not twice
        var run = Assert.Single(await RunsAsync());
        var fee = Assert.Single(await LinesAsync(run.Id), l => l.Kind == PaymentKind.Fee);
        Assert.Equal(("PL-005", "IND", "1.2.3", Fy2026, Money.FromPounds(20_900m), "EF"),
            (fee.PlacementReference, fee.ProviderReference, fee.S251Line, fee.FinancialYear, fee.Amount, fee.ChildInitials));
        Assert.Equal("invoices IND-0413 (1 Apr 2026 – 30 Apr 2026); IND-0412 (13 Apr 2026 – 22 Jul 2026)", fee.Reason);
        Assert.Equal(Money.FromPounds(3_375m + 20_900m), run.Total);
        await using (var f = Finance())
            Assert.Equal(2, await f.InvoicePayments.CountAsync(p => p.PaymentRunId == run.Id, Ct));
        Assert.All(await InvoiceLinesAsync(), l => Assert.Null(l.PaidOn));

        var approved = await ApproveAsync(April);
        var paidOn = approved.ApprovedAt!.Value.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        Assert.All(await InvoiceLinesAsync(), l => Assert.Equal((paidOn, (int?)run.Id), (l.PaidOn!.Value, l.PaidInRunId)));

        // The next month pays no fee again; the remittance names the invoices.
        await PrepareAsync(May);
        Assert.DoesNotContain(await LinesAsync((await RunsAsync(May)).Single().Id), l => l.Kind == PaymentKind.Fee);
        await using (var f = Finance())
            Assert.True(await f.AuditEntries.AnyAsync(a => a.EntityType == nameof(InvoiceLine) && a.After!.Contains("PaidOn"), Ct));
    }

    [Fact]
    public async Task FeeOfAPlacementHeldBeforeApproval_IsNotPaid_AndIsPaidByTheNextRunAfterRelease()
    {
        await ApprovedInvoiceLineAsync("IND-0500", new(2026, 4, 13), new(2026, 7, 22), 20_000m);
        await PrepareAsync(April);
        var hold = await WithHoldsAsync("clerk", h => h.HoldAsync("PL-005", "invoice under review", "Finance", "clerk", Ct));
        await ApproveAsync(April);

        Assert.Null(Assert.Single(await InvoiceLinesAsync()).PaidOn);
        await using (var f = Finance())
            Assert.Equal(0, await f.InvoicePayments.CountAsync(Ct));

        await WithHoldsAsync("finance.officer", h => h.ReleaseAsync(hold.Id, "finance.officer", "review done", Ct));
        await PrepareAsync(May);
        var may = (await RunsAsync(May)).Single();
        Assert.Equal(Money.FromPounds(20_000m), Assert.Single(await LinesAsync(may.Id), l => l.Kind == PaymentKind.Fee).Amount);
        await ApproveAsync(May);
        Assert.Equal(may.Id, Assert.Single(await InvoiceLinesAsync()).PaidInRunId);
    }

    [Fact]
    public async Task APlacementWithAnAgreement_IsFeePaid_AndGetsNoScheduledTopUp()
    {
        await using (var f = Finance())
        {
            await using var c = Contexts("setup").Item1;
            var academy = await c.Placements.SingleAsync(p => p.Reference == "PL-001", Ct);
            f.PlacementAgreements.Add(new PlacementAgreement(academy.Id, "PL-001", academy.ProviderId, "ACAD", InvoicingPattern.MonthlyInArrears,
                TermSplit.SchoolDays, true, "one term", null, 30, null));
            await f.SaveChangesAsync(Ct);
        }

        await PrepareAsync(April);

        Assert.DoesNotContain(await LinesAsync(), l => l.PlacementReference == "PL-001");
    }

    [Fact]
    public async Task PrepareApril_OneRunOfTheCouncilsScheduledPlacements_TotalIsTheSumOfItsLines_AndAudited()
    {
        var outcome = await PrepareAsync(April);

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(outcome.Run!.Id, run.Id);
        Assert.Equal((April, 1, PaymentRunStatus.Draft, "preparer"), (run.Month, run.Sequence, run.Status, run.PreparedBy));
        var lines = await LinesAsync(run.Id);
        Assert.Equal(AprilLines, Shape(lines));
        Assert.Equal(Money.FromPounds(3_375m), run.Total);
        Assert.Equal(Money.Sum(lines.Select(l => l.Amount)), run.Total);
        Assert.Equal((Money.Zero, 4, 0), (run.HeldTotal, run.LineCount, run.ProblemCount));
        Assert.All(lines, l => Assert.Equal(Fy2026, l.FinancialYear));
        Assert.Equal(["1.2.2", "1.2.2", "1.2.1", "1.2.1"], lines.Select(l => l.S251Line));
        Assert.Equal(["AB", "BC", "CD", "DE"], lines.Select(l => l.ChildInitials));
        Assert.DoesNotContain(lines, l => l.PlacementReference is "PL-005" or "PL-006" or "PL-007" or "PL-008");
        Assert.Equal("Prepared the April 2026 run: 4 lines, £3,375.00 to pay.", outcome.Message);

        await using var f = Finance();
        var audit = await f.AuditEntries.Where(a => a.EntityType == nameof(PaymentRun) && a.EntityKey == "payment run 2026-04 #1")
            .OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.NotEmpty(audit);
        Assert.Equal("Created", audit[0].Action);
        Assert.All(audit, a => Assert.Equal("preparer", a.Actor));
        Assert.Contains(audit, a => a.Action == "Changed" && a.After!.Contains("3,375.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoPreparationsAtOnce_ProduceOneRunWithTheLinesOfOne_RoundAfterRound()
    {
        for (var round = 1; round <= 5; round++)
        {
            var outcomes = await Task.WhenAll(PrepareAsync(April, "preparer.one"), PrepareAsync(April, "preparer.two"));

            var run = Assert.Single(await RunsAsync(April));
            Assert.Equal(1, run.Sequence);
            Assert.All(outcomes, o => Assert.Equal(run.Id, o.Run!.Id));
            var lines = await LinesAsync();
            Assert.Equal(AprilLines, Shape(lines)); // no duplicates, no leftovers of the other preparation
            Assert.Equal((Money.FromPounds(3_375m), 4), (run.Total, run.LineCount));
            Assert.Equal(2 * round - 1, run.Events.Count(e => e.Action == "Recomputed"));
        }
    }

    [Fact]
    public async Task PreparingAgainWhileDraft_RecomputesTheSameRun_LinesReplaced()
    {
        var first = (await PrepareAsync(April)).Run!;
        var firstLineIds = (await LinesAsync()).Select(l => l.Id).ToList();
        await EndPlacementAsync("PL-002", new LocalDate(2026, 4, 15)); // known before approval: no recovery, just less to pay

        var second = await PrepareAsync(April, "preparer.two");

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(first.Id, run.Id);
        Assert.True(run.Version > first.Version, $"version {run.Version} after {first.Version}");
        Assert.Equal("preparer.two", run.PreparedBy);
        var lines = await LinesAsync();
        Assert.DoesNotContain(lines, l => firstLineIds.Contains(l.Id));
        Assert.Equal(Money.FromPounds(656.25m), lines.Single(l => l.PlacementReference == "PL-002").Amount); // 15/30 of £1,312.50
        Assert.Equal(Money.FromPounds(2_718.75m), run.Total);
        var recomputed = Assert.Single(run.Events, e => e.Action == "Recomputed");
        Assert.Equal(("preparer.two", (PaymentRunStatus?)PaymentRunStatus.Draft, PaymentRunStatus.Draft), (recomputed.Actor, recomputed.From, recomputed.To));
        Assert.StartsWith("Recomputed the April 2026 run", second.Message);
    }

    [Fact]
    public async Task ApprovedMonthPreparedAgain_NothingToPay_ThenALateLeaverGivesASupplementaryRunThatRecovers()
    {
        await PrepareAsync(April);
        await ApproveAsync(April);

        var again = await PrepareAsync(April);
        Assert.Null(again.Run);
        Assert.StartsWith("Nothing to pay", again.Message);
        Assert.Single(await RunsAsync());

        await EndPlacementAsync("PL-002", new LocalDate(2026, 4, 15));
        var supplementary = (await PrepareAsync(April)).Run!;

        Assert.Equal((April, 2, PaymentRunStatus.Draft), (supplementary.Month, supplementary.Sequence, supplementary.Status));
        Assert.Equal("April 2026 (supplementary run 2)", supplementary.Title);
        // Paid £1,312.50 for April; 15 of April's 30 days are owed (£656.25): £656.25 is recovered.
        Assert.Equal([("PL-002", PaymentKind.Adjustment, Money.FromPounds(-656.25m), "leaver date 2026-04-15 recorded after payment", (int?)null)],
            Shape(await LinesAsync(supplementary.Id)));
        Assert.Equal(Money.FromPounds(-656.25m), supplementary.Total);

        await ApproveAsync(April);
        var may = (await PrepareAsync(May)).Run!;
        Assert.DoesNotContain(await LinesAsync(may.Id), l => l.PlacementReference == "PL-002"); // recovered once, not again in May
        Assert.Equal(Money.FromPounds(656.25m), (await PaidAsync())["PL-002"]);
    }

    [Fact]
    public async Task SegregationOfDuties_PreparerCannotApprove_AndAPaidMonthIsClosed()
    {
        await PrepareAsync(April, "Preparer");

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => ApproveAsync(April, new Approver("PREPARER", Money.FromPounds(1_000_000m))));
        Assert.Equal("PreparerCannotApprove", refused.Rule);
        Assert.Equal(PaymentRunStatus.Draft, Assert.Single(await RunsAsync()).Status);

        await ApproveAsync(April);
        await PrepareAsync(May);
        await ApproveAsync(May, ApproverB);

        var closed = await Assert.ThrowsAsync<DomainRuleException>(() => PrepareAsync(April));
        Assert.Equal("PaymentMonthIsClosed", closed.Rule);
        Assert.Equal(2, (await RunsAsync()).Count);
    }

    [Fact]
    public async Task FirstApprovalBelowTotal_RunCannotBeRecomputedUntilASecondApproverApproves()
    {
        await PrepareAsync(April);
        await ApproveAsync(April, new Approver("approver.a", Money.FromPounds(1_000m)));

        var awaiting = await Assert.ThrowsAsync<DomainRuleException>(() => PrepareAsync(April));
        Assert.Equal("PaymentRunAwaitingApproval", awaiting.Rule);

        var run = await ApproveAsync(April, ApproverB);
        Assert.Equal((PaymentRunStatus.Approved, "approver.a", "approver.b"), (run.Status, run.FirstApprovedBy, run.ApprovedBy));
    }

    [Fact]
    public async Task TwoOpenMonthsBothApproved_NeverPayTheSameMonthTwice()
    {
        // April's run is still a draft when May's is prepared: May's run sees nothing paid and back-pays April too.
        // Whatever order they are approved in, the money approved must not exceed what is owed through May.
        await PrepareAsync(April);
        try { await PrepareAsync(May); }
        catch (DomainRuleException) { /* refusing May while April is open is one way to keep exactly once */ }
        await ApproveAsync(April);
        try { await ApproveAsync(May, ApproverB); }
        catch (DomainRuleException) { /* so is refusing a run computed before another was approved */ }

        var paid = await PaidAsync();
        Assert.True(paid["PL-001"] <= Money.FromPounds(2_625m), $"PL-001 was paid {paid["PL-001"]} for April and May, owed £2,625.00");
        Assert.True(paid["PL-003"] <= Money.FromPounds(1_000m), $"PL-003 was paid {paid["PL-003"]} for April and May, owed £1,000.00");
    }

    [Fact]
    public async Task KilledMidComputation_LeavesNoRunAndNoLines_ThenAPreparationSucceeds()
    {
        await SeedManyAsync(1_200); // 1,205 placements to compute (PL-008 left in March: computed, nothing owed); progress every 500
        using var kill = new CancellationTokenSource();
        var progress = new CancelWhen(p => p.Stage == "Computing" && p.Done > 0, kill);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PrepareAsync(April, progress: progress, cancellationToken: kill.Token));

        Assert.Contains(progress.Seen, p => p.Stage == "Computing" && p.Done == 500 && p.Total == 1_205);
        Assert.DoesNotContain(progress.Seen, p => p.Stage == "Posting");
        Assert.Empty(await RunsAsync());
        Assert.Empty(await LinesAsync());
        await using (var f = Finance())
            Assert.False(await f.AuditEntries.AnyAsync(a => a.EntityType == nameof(PaymentRun), Ct));

        var run = (await PrepareAsync(April)).Run!;
        Assert.Equal((1, 1_204, Money.FromPounds(3_375m + 1_200 * 500m)), (run.Sequence, run.LineCount, run.Total));
        Assert.Equal(1_204, (await LinesAsync()).Count);
    }

    [Fact]
    public async Task KilledWhilePosting_LeavesNoRun_AndAKilledRecomputeLeavesTheDraftAsItWas()
    {
        using (var kill = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                PrepareAsync(April, progress: new CancelWhen(p => p.Stage == "Posting", kill), cancellationToken: kill.Token));
        }
        Assert.Empty(await RunsAsync());
        Assert.Empty(await LinesAsync());

        var prepared = (await PrepareAsync(April)).Run!;
        var draft = Assert.Single(await RunsAsync(), r => r.Id == prepared.Id);
        var draftLines = await LinesAsync();
        await EndPlacementAsync("PL-001", new LocalDate(2026, 4, 10)); // the recompute would change the figures

        using (var kill = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                PrepareAsync(April, "preparer.two", new CancelWhen(p => p.Stage == "Posting", kill), kill.Token));
        }

        var after = Assert.Single(await RunsAsync());
        Assert.Equal((draft.Id, draft.Version, draft.Total, draft.LineCount, draft.PreparedBy, draft.Events.Count),
            (after.Id, after.Version, after.Total, after.LineCount, after.PreparedBy, after.Events.Count));
        var afterLines = await LinesAsync();
        Assert.Equal(draftLines.Select(l => (l.Id, l.PlacementReference, l.Amount)), afterLines.Select(l => (l.Id, l.PlacementReference, l.Amount)));
    }

    [Fact]
    public async Task Hold_StopsAPlacementsLinesUntilReleased_ThenTheHeldMoneyIsPaidOnce()
    {
        await PrepareAsync(April);
        var hold = await WithHoldsAsync("clerk", h => h.HoldAsync("PL-003", "attendance query", "SEND casework", "clerk", Ct));

        var april = Assert.Single(await RunsAsync());
        Assert.Equal((Money.FromPounds(2_875m), Money.FromPounds(500m)), (april.Total, april.HeldTotal));
        Assert.Equal(hold.Id, (await LinesAsync()).Single(l => l.PlacementReference == "PL-003").HoldId);
        var held = april.Events.Single(e => e.Action == "Held");
        Assert.Equal(("clerk", "PL-003: attendance query (SEND casework)"), (held.Actor, held.Note));
        await ApproveAsync(April);

        var may = (await PrepareAsync(May)).Run!;
        var mayHeld = (await LinesAsync(may.Id)).Where(l => l.PlacementReference == "PL-003").ToList();
        Assert.Equal(Money.FromPounds(1_000m), Money.Sum(mayHeld.Select(l => l.Amount))); // May and the unpaid April, both held
        Assert.All(mayHeld, l => Assert.Equal(hold.Id, l.HoldId));
        Assert.Equal((Money.FromPounds(3_125m), Money.FromPounds(1_000m)), (may.Total, may.HeldTotal));
        await ApproveAsync(May, ApproverB);

        await WithHoldsAsync("finance.officer", h => h.ReleaseAsync(hold.Id, "finance.officer", "attendance confirmed", Ct));
        var june = (await PrepareAsync(June)).Run!;
        var juneLines = (await LinesAsync(june.Id)).Where(l => l.PlacementReference == "PL-003").ToList();
        Assert.Equal(
            [("PL-003", PaymentKind.TopUp, Money.FromPounds(500m), (string?)null, (int?)null),
             ("PL-003", PaymentKind.Adjustment, Money.FromPounds(1_000m), "held payment released (held for: attendance query)", null)],
            Shape(juneLines));
        await ApproveAsync(June);

        Assert.Equal(Money.FromPounds(1_500m), (await PaidAsync())["PL-003"]); // April, May and June, each once
        var (commissioning, finance) = Contexts("clerk");
        await using var c = commissioning;
        await using var f = finance;
        var exported = await new PaymentRunExport(c, f).LoadAsync(April, cancellationToken: Ct);
        Assert.DoesNotContain(exported.Lines, l => l.PlacementReference == "PL-003");
        Assert.DoesNotContain("PL-003", PaymentRunExport.PaymentLinesCsv(exported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoldReleasedWhileTheNextRunIsADraft_ReleasedLinesSayTheyWereHeld()
    {
        await PrepareAsync(April);
        var hold = await WithHoldsAsync("clerk", h => h.HoldAsync("PL-003", "attendance query", "SEND casework", "clerk", Ct));
        await ApproveAsync(April);
        var may = (await PrepareAsync(May)).Run!;

        await WithHoldsAsync("finance.officer", h => h.ReleaseAsync(hold.Id, "finance.officer", null, Ct));

        var run = Assert.Single(await RunsAsync(May));
        Assert.Equal((Money.FromPounds(4_125m), Money.Zero), (run.Total, run.HeldTotal));
        var released = (await LinesAsync(may.Id)).Single(l => l.PlacementReference == "PL-003" && l.Kind == PaymentKind.Adjustment);
        Assert.Equal((Money.FromPounds(500m), (int?)null), (released.Amount, released.HoldId));
        // The provider reads this on the remittance: April was held, not "recorded after those months".
        Assert.Equal("held payment released (held for: attendance query)", released.Reason);
    }

    [Fact]
    public async Task Export_CsvLedgerAndRemittances_AddUpToTheRun()
    {
        await PrepareAsync(April);
        await ApproveAsync(April);
        await EndPlacementAsync("PL-002", new LocalDate(2026, 4, 20)); // 10 of April's 30 days overpaid: 10/30 × £1,312.50 = £437.50
        await PrepareAsync(May);
        var may = await ApproveAsync(May, ApproverB);

        var (commissioning, finance) = Contexts("clerk");
        await using var c = commissioning;
        await using var f = finance;
        var approved = await new PaymentRunExport(c, f).LoadAsync(May, cancellationToken: Ct);
        var payer = new Payer("Example County Council", Council, new Dictionary<string, string> { ["1.2.2"] = "CC-ACAD" });

        var csv = PaymentRunExport.PaymentLinesCsv(approved).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run_month,provider_ref,placement_ref,child_ref,financial_year,amount,kind,s251_line,reason", csv[0]);
        Assert.Equal(
            [
                "2026-05,ACAD,PL-001,CH-001,2026/27,1312.50,TopUp,1.2.2,",
                "2026-05,ACAD,PL-002,CH-002,2026/27,-437.50,Adjustment,1.2.2,leaver date 2026-04-20 recorded after payment",
                "2026-05,RP,PL-003,CH-003,2026/27,500.00,TopUp,1.2.1,",
                "2026-05,RP,PL-004,CH-004,2026/27,500.00,TopUp,1.2.1,",
            ],
            csv.Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(Money.FromPounds(1_875m), may.Total);

        var ledger = PaymentRunExport.LedgerCsv(approved, payer).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "run_month,cost_centre,s251_line,provider_ref,provider_name,total",
                "2026-05,HN121,1.2.1,RP,Elm Road Resourced Provision,1000.00",
                "2026-05,CC-ACAD,1.2.2,ACAD,Oakfield Academy,875.00",
            ],
            ledger);
        Assert.Equal(may.Total, Money.Sum(ledger.Skip(1).Select(row => Money.Parse(row.Split(',')[^1]))));

        var remittances = PaymentRunExport.Remittances(approved, payer);
        Assert.Equal(["ACAD", "RP"], remittances.Select(r => r.ProviderReference));
        var academy = remittances[0];
        Assert.Equal(("Oakfield Academy", "140001", May, 1, new LocalDate(2026, 4, 27)),
            (academy.ProviderName, academy.ProviderUrn, academy.RunMonth, academy.RunSequence, academy.ApprovedOn));
        Assert.Equal((Money.FromPounds(875m), Money.FromPounds(1_312.50m), Money.FromPounds(-437.50m)), (academy.Total, academy.Payments, academy.Recoveries));
        Assert.Equal(["AB", "BC"], academy.Lines.Select(l => l.ChildInitials).Order());
        Assert.Equal(may.Total, Money.Sum(remittances.Select(r => r.Total)));
        var everything = string.Join("|", remittances.SelectMany(r => r.Lines).Select(l => l.ToString()));
        foreach (var name in new[] { "Amy", "Brown", "Ben", "Carter", "Cara", "Dunn", "Dan", "Evans" })
            Assert.DoesNotContain(name, everything, StringComparison.Ordinal);
        var recovery = academy.Lines.Single(l => l.Amount.IsNegative);
        // The remittance says which days are recovered: those paid after the leaving date.
        Assert.Equal(("21 Apr 2026 – 30 Apr 2026", "leaver date 2026-04-20 recorded after payment"), (recovery.Period, recovery.Reason));
    }
}

public sealed class PaymentRunDatabaseOnSqliteTests() : PaymentRunDatabaseTests(DatabaseProvider.Sqlite);

public sealed class PaymentRunDatabaseOnPostgresTests() : PaymentRunDatabaseTests(DatabaseProvider.Postgres);
