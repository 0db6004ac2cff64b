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
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Invoices;
using Placements.Finance.Invoices.Calculation;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// Deciding invoice lines, the daily deadline check, late-payment interest and saving agreements (domain.md §5–§6) on a
/// real, freshly migrated database. Invoices are built with the entities (as recorded and matched), so these tests stand
/// apart from recording.
/// </summary>
/// <remarks>
/// One independent special school (IND) and one placement, PL-005 (Eve Foster, EF), from 1 September 2025. Today is
/// Monday 27 April 2026. Invoices are received on their date and due 30 days later.
/// </remarks>
public abstract class InvoiceDecisionDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Recorder = "officer.a";
    private const string Approver = "approver.b";
    private static readonly LocalDate Today = new(2026, 4, 27);
    private static readonly Money FiveThousand = Money.FromPounds(5_000m);

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 27, 9, 0), Duration.FromMinutes(1));
    private ModuleDatabase _database = null!;
    private int _providerId;
    private int _placementId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ModuleDatabase.CreateAsync(provider, _clock, Ct);
        var (commissioning, finance) = Contexts("setup");
        await using (commissioning)
        await using (finance)
        {
            var school = new Provider("IND", "Hillside Independent School", ProvisionType.IndependentSpecial, "881", Phase.Secondary);
            commissioning.Providers.Add(school);
            var child = new Child("CH-005", "Eve", "Foster", new LocalDate(2012, 3, 1), Need.ASD, "320");
            commissioning.Children.Add(child);
            await commissioning.SaveChangesAsync(Ct);
            var placement = new Placement("PL-005", child.Id, school.Id, new LocalDate(2025, 9, 1), null, "320");
            placement.Agree(true, null);
            commissioning.Placements.Add(placement);
            await commissioning.SaveChangesAsync(Ct);
            (_providerId, _placementId) = (school.Id, placement.Id);
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private (CommissioningDb, FinanceDb) Contexts(string actor) => _database.Contexts(actor);

    private FinanceDb Finance(string actor = "reader") => Contexts(actor).Item2;

    private sealed record LineSpec(int Month, Money Amount, Money? Expected, InvoiceLineStatus Status, string? Reason = null);

    /// <summary>An invoice for PL-005 as recording and matching leave it: one line per month of 2026 given.</summary>
    private async Task<Invoice> InvoiceAsync(string number, LocalDate receivedOn, params LineSpec[] lines)
    {
        await using var finance = Finance(Recorder);
        var invoice = new Invoice(_providerId, "IND", number, InvoiceKind.Invoice, receivedOn, receivedOn, 30, Recorder,
            _clock.GetCurrentInstant(), "form", null);
        foreach (var spec in lines)
        {
            var start = new LocalDate(2026, spec.Month, 1);
            var line = invoice.AddLine(new InvoiceLine(_placementId, "PL-005", "CH-005", "EF", start, start.With(DateAdjusters.EndOfMonth),
                spec.Amount, null, null, null));
            line.Matched(null, spec.Expected, spec.Amount, spec.Status, spec.Reason);
        }
        finance.Invoices.Add(invoice);
        await finance.SaveChangesAsync(Ct);
        return invoice;
    }

    private async Task<Invoice> ReloadAsync(int invoiceId)
    {
        await using var finance = Finance();
        return await finance.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == invoiceId, Ct);
    }

    private async Task<List<AuditEntry>> AuditAsync(string entityType)
    {
        await using var finance = Finance();
        return await finance.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task<T> Decide<T>(string actor, Func<FinanceDb, Task<T>> action)
    {
        await using var finance = Finance(actor);
        return await action(finance);
    }

    private async Task PayAsync(int invoiceId, LocalDate paidOn)
    {
        await using var finance = Finance("job:payment-run");
        var invoice = await finance.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == invoiceId, Ct);
        foreach (var line in invoice.Lines.Where(l => l.Status is InvoiceLineStatus.Approved or InvoiceLineStatus.PartlyApproved))
            line.PaidBy(1, paidOn);
        await finance.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task WhoeverRecordedAnInvoice_CannotApproveIt_AnotherUserCan()
    {
        var invoice = await InvoiceAsync("HIS-1001", new LocalDate(2026, 4, 2), new LineSpec(4, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var lineId = invoice.Lines[0].Id;

        // The recorder, however they type their name: refused, nothing approved.
        foreach (var name in new[] { Recorder, "Officer.A " })
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Decide(name, f =>
                new ApproveInvoice(f, _clock).ApproveAsync(invoice.Id, [new LineApproval(lineId, FiveThousand, null)], name, Ct)));
            Assert.Equal("RecorderCannotApprove", refused.Rule);
            Assert.Equal("You recorded invoice HIS-1001, so someone else must approve it.", refused.Message);
        }
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, (await ReloadAsync(invoice.Id)).Lines[0].Status);
        Assert.DoesNotContain(await AuditAsync(nameof(InvoiceLine)), a => a.Action == "Changed");

        await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(invoice.Id, Approver, Ct));

        var line = (await ReloadAsync(invoice.Id)).Lines.Single();
        Assert.Equal((InvoiceLineStatus.Approved, FiveThousand, Approver, (string?)null, Money.Zero),
            (line.Status, line.ApprovedAmount, line.ApprovedBy, line.ApprovalNote, line.Disputed));
        Assert.NotNull(line.ApprovedAt);
        var approval = Assert.Single(await AuditAsync(nameof(InvoiceLine)), a => a.Action == "Changed");
        Assert.Equal((Approver, "invoice line " + invoice.Id + "/1 (PL-005 2026-04-01–2026-04-30)"), (approval.Actor, approval.EntityKey));
        Assert.Contains("\"Status\":\"Approved\"", approval.After, StringComparison.Ordinal);
        Assert.Contains("\"ApprovedBy\":\"approver.b\"", approval.After, StringComparison.Ordinal);

        // Nothing left ready: a second "approve ready lines" says so.
        var nothing = await Assert.ThrowsAsync<DomainRuleException>(() => Decide(Approver, f =>
            new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(invoice.Id, Approver, Ct)));
        Assert.Equal("NoLinesReadyToApprove", nothing.Rule);
        var unknown = await Assert.ThrowsAsync<DomainRuleException>(() => Decide(Approver, f =>
            new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(invoice.Id + 1000, Approver, Ct)));
        Assert.Equal("UnknownInvoice", unknown.Rule);
    }

    [Fact]
    public async Task AQueriedLine_IsPartlyApproved_WithANote_AndTheRestStaysDisputed()
    {
        // May invoiced at £5,120.00 against £5,000.00 agreed: £120.00 over, beyond the tolerance (max(£5.00, 0.5% × £5,000) = £25.00).
        var invoice = await InvoiceAsync("HIS-1002", new LocalDate(2026, 4, 2),
            new LineSpec(4, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove),
            new LineSpec(5, Money.FromPounds(5_120m), FiveThousand, InvoiceLineStatus.Queried, "£120.00 more than the agreement's £5,000.00 (tolerance £25.00)"));
        var (april, may) = (invoice.Lines[0].Id, invoice.Lines[1].Id);
        var other = await InvoiceAsync("HIS-1003", new LocalDate(2026, 4, 3), new LineSpec(6, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));

        async Task<DomainRuleException> Refused(params LineApproval[] approvals) =>
            await Assert.ThrowsAsync<DomainRuleException>(() => Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveAsync(invoice.Id, approvals, Approver, Ct)));

        Assert.Equal("PartialApprovalNeedsANote", (await Refused(new LineApproval(may, FiveThousand, null))).Rule);
        Assert.Equal("ApprovedAmountOutOfRange", (await Refused(new LineApproval(may, Money.FromPounds(5_120.01m), "more than invoiced"))).Rule);
        Assert.Equal("ApprovedAmountOutOfRange", (await Refused(new LineApproval(may, Money.Zero, "nothing"))).Rule);
        Assert.Equal("LineNotOnInvoice", (await Refused(new LineApproval(other.Lines[0].Id, FiveThousand, null))).Rule);
        Assert.Equal("NothingToApprove", (await Refused()).Rule);
        // One save for the whole decision: the April line, fine on its own, is not approved when May's approval is refused.
        Assert.Equal("ApprovedAmountOutOfRange", (await Refused(new LineApproval(april, FiveThousand, null), new LineApproval(may, Money.FromPounds(6_000m), "x"))).Rule);
        Assert.All((await ReloadAsync(invoice.Id)).Lines, l => Assert.Null(l.ApprovedBy));

        await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveAsync(invoice.Id,
            [new LineApproval(april, FiveThousand, null), new LineApproval(may, FiveThousand, " Uplift to £5,120 not agreed: £5,000 approved ")], Approver, Ct));

        var lines = (await ReloadAsync(invoice.Id)).Lines.OrderBy(l => l.LineNumber).ToList();
        Assert.Equal((InvoiceLineStatus.Approved, FiveThousand, Money.Zero), (lines[0].Status, lines[0].ApprovedAmount, lines[0].Disputed));
        // £5,120.00 − £5,000.00 = £120.00 disputed.
        Assert.Equal((InvoiceLineStatus.PartlyApproved, FiveThousand, Money.FromPounds(120m), "Uplift to £5,120 not agreed: £5,000 approved"),
            (lines[1].Status, lines[1].ApprovedAmount, lines[1].Disputed, lines[1].ApprovalNote));
        Assert.Equal(2, (await AuditAsync(nameof(InvoiceLine))).Count(a => a.Action == "Changed" && a.Actor == Approver));

        // Decided lines are closed.
        Assert.Equal("InvoiceLineIsClosed", (await Refused(new LineApproval(may, Money.FromPounds(120m), "the rest"))).Rule);
    }

    [Fact]
    public async Task AnOfficer_QueriesOrRejectsALine_WithAReason_AndARejectedLineIsClosed()
    {
        var invoice = await InvoiceAsync("HIS-1004", new LocalDate(2026, 4, 2),
            new LineSpec(4, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove),
            new LineSpec(5, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var (april, may) = (invoice.Lines[0].Id, invoice.Lines[1].Id);

        var blank = await Assert.ThrowsAsync<DomainRuleException>(() => Decide("officer.c", f => new QueryInvoiceLine(f, _clock).QueryAsync(april, "  ", "officer.c", Ct)));
        Assert.Equal("QueryNeedsAReason", blank.Rule);
        var unknown = await Assert.ThrowsAsync<DomainRuleException>(() => Decide("officer.c", f => new QueryInvoiceLine(f, _clock).QueryAsync(april + 1000, "why", "officer.c", Ct)));
        Assert.Equal("UnknownInvoiceLine", unknown.Rule);

        await Decide("officer.c", f => new QueryInvoiceLine(f, _clock).QueryAsync(april, "Eve was absent for two weeks: is the fee payable?", "officer.c", Ct));
        await Decide("officer.c", f => new QueryInvoiceLine(f, _clock).RejectAsync(may, "Not on roll in May: invoiced in error", "officer.c", Ct));

        var lines = (await ReloadAsync(invoice.Id)).Lines.OrderBy(l => l.LineNumber).ToList();
        Assert.Equal((InvoiceLineStatus.Queried, "Eve was absent for two weeks: is the fee payable?"), (lines[0].Status, lines[0].QueryReason));
        Assert.Equal((InvoiceLineStatus.Rejected, "Not on roll in May: invoiced in error", "officer.c"), (lines[1].Status, lines[1].QueryReason, lines[1].ApprovedBy));
        Assert.False(lines[1].IsOpen);
        var audit = (await AuditAsync(nameof(InvoiceLine))).Where(a => a.Action == "Changed").ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("officer.c", a.Actor));

        // Rejected is closed: it cannot be queried, rejected again or approved.
        Assert.Equal("InvoiceLineIsClosed", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            Decide("officer.c", f => new QueryInvoiceLine(f, _clock).QueryAsync(may, "again?", "officer.c", Ct)))).Rule);
        Assert.Equal("InvoiceLineIsClosed", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            Decide("officer.c", f => new QueryInvoiceLine(f, _clock).RejectAsync(may, "again", "officer.c", Ct)))).Rule);
        Assert.Equal("InvoiceLineIsClosed", (await Assert.ThrowsAsync<DomainRuleException>(() => Decide(Approver, f =>
            new ApproveInvoice(f, _clock).ApproveAsync(invoice.Id, [new LineApproval(may, FiveThousand, null)], Approver, Ct)))).Rule);

        // The queried line can still be approved, in part with a note, once the provider answers.
        await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveAsync(invoice.Id,
            [new LineApproval(april, Money.FromPounds(4_500m), "Two weeks' absence not payable under the contract")], Approver, Ct));
        var queried = (await ReloadAsync(invoice.Id)).Lines.Single(l => l.Id == april);
        Assert.Equal((InvoiceLineStatus.PartlyApproved, Money.FromPounds(500m)), (queried.Status, queried.Disputed));
    }

    [Fact]
    public async Task TheDeadlineCheck_FlagsDueSoonAndOverdue_ClearsPaidOnes_AndASecondRunChangesNothing()
    {
        // Today 27 April, due soon = due by 4 May (7 days).
        // Received 2 April → due 2 May: due soon. Received 20 March → due 19 April: overdue. Received 20 April → due 20 May:
        // neither. Received 1 March → due 31 March but paid: no flag. Received 15 March → due 14 April, one line rejected
        // and the other paid: paid in full. A credit note is never flagged.
        var dueSoon = await InvoiceAsync("HIS-2001", new LocalDate(2026, 4, 2), new LineSpec(4, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var overdue = await InvoiceAsync("HIS-2002", new LocalDate(2026, 3, 20),
            new LineSpec(3, FiveThousand, FiveThousand, InvoiceLineStatus.Queried, "Absence?"),
            new LineSpec(4, Money.FromPounds(100m), null, InvoiceLineStatus.Unmatched, "No agreement"));
        var later = await InvoiceAsync("HIS-2003", new LocalDate(2026, 4, 20), new LineSpec(5, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var paid = await InvoiceAsync("HIS-2004", new LocalDate(2026, 3, 1), new LineSpec(2, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var partly = await InvoiceAsync("HIS-2005", new LocalDate(2026, 3, 15),
            new LineSpec(1, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove),
            new LineSpec(2, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(paid.Id, Approver, Ct));
        await PayAsync(paid.Id, new LocalDate(2026, 3, 27));
        await Decide("officer.c", f => new QueryInvoiceLine(f, _clock).RejectAsync(partly.Lines[0].Id, "Not on roll", "officer.c", Ct));
        await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(partly.Id, Approver, Ct));
        await PayAsync(partly.Id, new LocalDate(2026, 4, 10));
        await using (var finance = Finance(Recorder))
        {
            var credit = new Invoice(_providerId, "IND", "CN-1", InvoiceKind.CreditNote, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1), 30,
                Recorder, _clock.GetCurrentInstant(), "form", overdue.Id);
            credit.AddLine(new InvoiceLine(_placementId, "PL-005", "CH-005", "EF", new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31),
                Money.FromPounds(-100m), null, overdue.Lines[0].Id, null));
            finance.Invoices.Add(credit);
            await finance.SaveChangesAsync(Ct);
        }
        var settings = InvoiceSettings.Default with { DueSoonDays = 7 };

        async Task<DeadlineCheckOutcome> Check(LocalDate today)
        {
            await using var finance = Finance("job:invoice-deadlines");
            return await new CheckInvoiceDeadlines(finance, settings).RunAsync(today, Ct);
        }
        async Task<Dictionary<string, (string? Flag, LocalDate? CheckedOn)>> Flags()
        {
            await using var finance = Finance();
            return await finance.Invoices.AsNoTracking().ToDictionaryAsync(i => i.Number, i => (i.DeadlineFlag, i.DeadlineCheckedOn), Ct);
        }

        var first = await Check(Today);

        Assert.Equal(new DeadlineCheckOutcome(Today, DueSoon: 1, Overdue: 1, Changed: 2), first);
        var flags = await Flags();
        Assert.Equal(("DueSoon", Today), flags["HIS-2001"]);
        Assert.Equal(("Overdue", Today), flags["HIS-2002"]);
        Assert.Equal((null, Today), flags["HIS-2003"]);
        Assert.Null(flags["HIS-2004"].Flag);
        Assert.Null(flags["HIS-2005"].Flag);
        Assert.Null(flags["CN-1"].Flag);
        var flagAudit = (await AuditAsync(nameof(Invoice))).Where(a => a.Action == "Changed").ToList();
        Assert.Equal(["HIS-2001", "HIS-2002"], flagAudit.Select(a => a.EntityKey.Split(' ')[^1]).Order());
        Assert.All(flagAudit, a => Assert.Equal("job:invoice-deadlines", a.Actor));

        // Idempotent: the same day again finds the same and changes nothing (no audit row either).
        Assert.Equal(first with { Changed = 0 }, await Check(Today));
        Assert.Equal(flags, await Flags());
        Assert.Equal(flagAudit.Count, (await AuditAsync(nameof(Invoice))).Count(a => a.Action == "Changed"));

        // 14 May: the due-soon invoice is approved and paid (flag cleared); the one due 20 May is now due soon.
        await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(dueSoon.Id, Approver, Ct));
        await PayAsync(dueSoon.Id, new LocalDate(2026, 5, 1));
        var may14 = new LocalDate(2026, 5, 14);

        Assert.Equal(new DeadlineCheckOutcome(may14, DueSoon: 1, Overdue: 1, Changed: 2), await Check(may14));
        flags = await Flags();
        Assert.Equal((null, may14), flags["HIS-2001"]);
        Assert.Equal(("Overdue", may14), flags["HIS-2002"]);
        Assert.Equal(("DueSoon", may14), flags["HIS-2003"]);
        Assert.Equal(0, (await Check(may14)).Changed);
        _ = later;
    }

    [Fact]
    public async Task InterestIsRecorded_OnlyForAnInvoicePaidLate()
    {
        // Received 20 March → due 19 April. Paid 5 May: 16 days late. Another received 2 April → due 2 May, paid 1 May: on time.
        var late = await InvoiceAsync("HIS-3001", new LocalDate(2026, 3, 20), new LineSpec(3, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var onTime = await InvoiceAsync("HIS-3002", new LocalDate(2026, 4, 2), new LineSpec(4, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        var unpaid = await InvoiceAsync("HIS-3003", new LocalDate(2026, 3, 1), new LineSpec(2, FiveThousand, FiveThousand, InvoiceLineStatus.ReadyToApprove));
        foreach (var (invoice, paidOn) in new[] { (late, new LocalDate(2026, 5, 5)), (onTime, new LocalDate(2026, 5, 1)) })
        {
            await Decide(Approver, f => new ApproveInvoice(f, _clock).ApproveReadyLinesAsync(invoice.Id, Approver, Ct));
            await PayAsync(invoice.Id, paidOn);
        }
        Task<Invoice> Record(int id, Money amount) =>
            Decide("officer.c", f => new RecordLatePaymentInterest(f).RecordAsync(id, amount, new LocalDate(2026, 5, 12), "officer.c", Ct));

        // Interest: £5,000 × 12% × 16/365 = £26.30 (£26.3013…), plus £70 compensation (£1,000–£9,999.99) = £96.30.
        var interest = Money.FromPounds(96.30m);
        foreach (var id in new[] { onTime.Id, unpaid.Id })
            Assert.Equal("InvoiceWasNotPaidLate", (await Assert.ThrowsAsync<DomainRuleException>(() => Record(id, interest))).Rule);
        Assert.Equal("InterestMustBePositive", (await Assert.ThrowsAsync<DomainRuleException>(() => Record(late.Id, Money.Zero))).Rule);
        Assert.Equal("UnknownInvoice", (await Assert.ThrowsAsync<DomainRuleException>(() => Record(late.Id + 1000, interest))).Rule);

        await Record(late.Id, interest);

        var recorded = await ReloadAsync(late.Id);
        Assert.Equal((interest, new LocalDate(2026, 5, 12), "officer.c"), (recorded.InterestPaid, recorded.InterestPaidOn, recorded.InterestRecordedBy));
        Assert.Null((await ReloadAsync(onTime.Id)).InterestPaid);
        var audit = Assert.Single(await AuditAsync(nameof(Invoice)), a => a.Action == "Changed" && a.Actor == "officer.c");
        Assert.Contains("96.30", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgreement_IsCreatedChangedUpliftedAndGivenExtras_AuditedAndTheOpenLinesRematched()
    {
        // An invoice for May 2026 at £2,852.20 arrives before the agreement: unmatched.
        var invoice = await InvoiceAsync("HIS-4001", new LocalDate(2026, 6, 3), new LineSpec(5, Money.FromPounds(2_852.20m), null, InvoiceLineStatus.Unmatched, "No agreement"));
        var draft = new AgreementDraft("PL-005", InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays, true, "one term",
            new LocalDate(2027, 4, 1), 30, "NSCC-2025-17");
        Task<PlacementAgreement> Save(Func<SavePlacementAgreement, Task<PlacementAgreement>> action)
        {
            var (commissioning, finance) = Contexts("commissioner.d");
            return Use(commissioning, finance, action);
        }
        async Task<PlacementAgreement> Use(CommissioningDb commissioning, FinanceDb finance, Func<SavePlacementAgreement, Task<PlacementAgreement>> action)
        {
            await using var c = commissioning;
            await using var f = finance;
            return await action(new SavePlacementAgreement(c, f, new MatchInvoiceLines(c, f, InvoiceSettings.Default)));
        }
        async Task<InvoiceLine> Line() => (await ReloadAsync(invoice.Id)).Lines.Single();

        Assert.Equal("UnknownPlacement", (await Assert.ThrowsAsync<DomainRuleException>(() => Save(s => s.SaveTermsAsync(draft with { PlacementReference = "PL-999" }, Ct)))).Rule);
        Assert.Equal("NoAgreementForPlacement", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            Save(s => s.ChangeFeeAsync("PL-005", AgreementFee.Annual(new LocalDate(2025, 9, 1), Money.FromPounds(60_000m)), Ct)))).Rule);
        Assert.Equal("NoAgreementForPlacement", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            Save(s => s.AddExtraAsync("PL-005", new AgreementExtra(ExtraKind.Transport, "Taxi", Money.FromPounds(1_200m), new LocalDate(2026, 5, 1), null), Ct)))).Rule);

        var created = await Save(s => s.SaveTermsAsync(draft, Ct));
        Assert.Equal((_placementId, "PL-005", _providerId, "IND", 30, "NSCC-2025-17"),
            (created.PlacementId, created.PlacementReference, created.ProviderId, created.ProviderReference, created.PaymentTermDays, created.ContractReference));
        Assert.Equal(InvoiceLineStatus.Unmatched, (await Line()).Status); // no fee yet

        var changed = await Save(s => s.SaveTermsAsync(draft with { PaymentTermDays = 20, NoticePeriod = "half a term" }, Ct));
        Assert.Equal(created.Id, changed.Id);
        Assert.Equal("PaymentTermCannotExceedThirtyDays", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            Save(s => s.SaveTermsAsync(draft with { PaymentTermDays = 45 }, Ct)))).Rule);

        // £60,000 a year from September 2025: May expected £5,000.00; £2,852.20 invoiced is £2,147.80 less: queried.
        await Save(s => s.ChangeFeeAsync("PL-005", AgreementFee.Annual(new LocalDate(2025, 9, 1), Money.FromPounds(60_000m)), Ct));
        var line = await Line();
        Assert.Equal((InvoiceLineStatus.Queried, FiveThousand), (line.Status, line.Expected));

        // From April 2026 £175.52 × 195 days = £34,226.40 a year, £2,852.20 a month: the May line matches, ready to approve.
        // (Cumulative through the academic year: 7 × £5,000 + 2 × £2,852.20 − (7 × £5,000 + £2,852.20), exact.)
        var uplifted = await Save(s => s.ChangeFeeAsync("PL-005", AgreementFee.Daily(new LocalDate(2026, 4, 1), Money.FromPounds(175.52m), 195), Ct));
        Assert.Equal(2, uplifted.Fees.Count);
        line = await Line();
        Assert.Equal((InvoiceLineStatus.ReadyToApprove, Money.FromPounds(2_852.20m), Money.Zero), (line.Status, line.Expected, line.Variance));
        Assert.Equal("FeeChangeAlreadyRecordedForDate", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            Save(s => s.ChangeFeeAsync("PL-005", AgreementFee.Annual(new LocalDate(2026, 4, 1), FiveThousand), Ct)))).Rule);

        // Transport £1,200 a year from May: £100.00 a month more expected, £2,952.20; £100.00 short is beyond
        // max(£5.00, 0.5% × £2,952.20 = £14.76): queried again.
        var extra = await Save(s => s.AddExtraAsync("PL-005", new AgreementExtra(ExtraKind.Transport, "Taxi to school", Money.FromPounds(1_200m), new LocalDate(2026, 5, 1), null), Ct));
        Assert.Single(extra.Extras);
        line = await Line();
        Assert.Equal((InvoiceLineStatus.Queried, Money.FromPounds(2_952.20m)), (line.Status, line.Expected));
        Assert.StartsWith("£100.00 less", line.QueryReason, StringComparison.Ordinal);

        await using var finance = Finance();
        var audit = await finance.AuditEntries.AsNoTracking().Where(a => a.EntityKey.StartsWith("agreement for PL-005")).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.All(audit, a => Assert.Equal("commissioner.d", a.Actor));
        Assert.Equal(
            [
                ("Created", nameof(PlacementAgreement), "agreement for PL-005"),
                ("Changed", nameof(PlacementAgreement), "agreement for PL-005"),
                ("Created", nameof(AgreementFee), "agreement for PL-005 fee from 2025-09-01"),
                ("Created", nameof(AgreementFee), "agreement for PL-005 fee from 2026-04-01"),
                ("Created", nameof(AgreementExtra), "agreement for PL-005 extra Taxi to school from 2026-05-01"),
            ],
            audit.Select(a => (a.Action, a.EntityType, a.EntityKey)));
        Assert.Contains("\"PaymentTermDays\":\"20\"", audit[1].After, StringComparison.Ordinal);
        Assert.Contains("\"AnnualAmount\":\"\\u00A334,226.40\"", audit[3].After, StringComparison.Ordinal);
        var stored = await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras).SingleAsync(Ct);
        Assert.Equal(("half a term", 20, 2, 1), (stored.NoticePeriod, stored.PaymentTermDays, stored.Fees.Count, stored.Extras.Count));
    }
}

public sealed class InvoiceDecisionDatabaseOnSqliteTests() : InvoiceDecisionDatabaseTests(DatabaseProvider.Sqlite);

public sealed class InvoiceDecisionDatabaseOnPostgresTests() : InvoiceDecisionDatabaseTests(DatabaseProvider.Postgres);
