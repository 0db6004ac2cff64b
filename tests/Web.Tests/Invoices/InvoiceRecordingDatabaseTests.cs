using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// Recording, importing and matching provider invoices on a real, freshly migrated database (domain.md §6): a small
/// hand-built county of one independent special school and three children.
/// </summary>
/// <remarks>
/// Today is Wednesday 25 November 2026. Hillside (IND) has CH-1 (Amy Brown) on PL-1 since 1 Sep 2025, CH-2 (Ben Carter) on
/// PL-2 from 1 Oct 2026, CH-3 (Cara Dunn) on PL-3 since 1 Sep 2025; all open. 2026/27 terms: autumn 1 Sep–18 Dec 2026,
/// spring 4 Jan–26 Mar 2027, summer 12 Apr–21 Jul 2027.
/// <list type="bullet">
/// <item>PL-1's agreement: £36,000 a year, termly in advance in equal thirds, paid 20 days from receipt. The whole autumn
/// term is a third: £36,000 ÷ 3 = <b>£12,000.00</b>; tolerance = greater of £5.00 and 0.5% × £12,000 = <b>£60.00</b>.</item>
/// <item>PL-2's agreement: £36,000 a year, monthly in arrears, 30 days. October 2026 = £36,000 ÷ 12 = <b>£3,000.00</b>
/// (tolerance £15.00).</item>
/// <item>PL-3 has no agreement: its lines stay unmatched.</item>
/// </list>
/// </remarks>
public abstract class InvoiceRecordingDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Council = "320";
    private static readonly LocalDate AutumnStart = new(2026, 9, 1);
    private static readonly LocalDate AutumnEnd = new(2026, 12, 18);

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 9, 0), Duration.FromSeconds(1));
    private ModuleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
        var school = new Provider("IND", "Hillside Independent School", ProvisionType.IndependentSpecial, "881", Phase.Secondary);
        c.Providers.Add(school);
        var year = new AcademicYear(2026);
        c.Terms.AddRange(
            new Term(year, AutumnStart, AutumnEnd),
            new Term(year, new LocalDate(2027, 1, 4), new LocalDate(2027, 3, 26)),
            new Term(year, new LocalDate(2027, 4, 12), new LocalDate(2027, 7, 21)));
        var children = new[] { ("1", "Amy", "Brown"), ("2", "Ben", "Carter"), ("3", "Cara", "Dunn") }
            .Select(r => new Child("CH-" + r.Item1, r.Item2, r.Item3, new LocalDate(2013, 5, 1), Need.ASD, Council)).ToList();
        c.Children.AddRange(children);
        await c.SaveChangesAsync(Ct);
        var starts = new[] { new LocalDate(2025, 9, 1), new LocalDate(2026, 10, 1), new LocalDate(2025, 9, 1) };
        var placements = children.Select((child, i) =>
        {
            var placement = new Placement($"PL-{i + 1}", child.Id, school.Id, starts[i], null, Council);
            placement.Agree(true, null);
            return placement;
        }).ToList();
        c.Placements.AddRange(placements);
        await c.SaveChangesAsync(Ct);

        var termly = new PlacementAgreement(placements[0].Id, "PL-1", school.Id, "IND", InvoicingPattern.TermlyInAdvance, TermSplit.EqualThirds,
            feesPayableDuringAbsence: true, "one term", new LocalDate(2027, 4, 1), paymentTermDays: 20, "NSCC-1");
        termly.ChangeFee(AgreementFee.Annual(new LocalDate(2025, 9, 1), Money.FromPounds(36_000m)));
        var monthly = new PlacementAgreement(placements[1].Id, "PL-2", school.Id, "IND", InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays,
            feesPayableDuringAbsence: true, "one term", null, paymentTermDays: 30, null);
        monthly.ChangeFee(AgreementFee.Annual(new LocalDate(2026, 10, 1), Money.FromPounds(36_000m)));
        f.PlacementAgreements.AddRange(termly, monthly);
        await f.SaveChangesAsync(Ct);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static InvoiceLineDraft Line(string child, LocalDate start, LocalDate end, decimal pounds, string? overrideReason = null, string? placement = null) =>
        new(child, placement, start, end, Money.FromPounds(pounds), "fees", overrideReason);

    private static InvoiceDraft Draft(string number, params InvoiceLineDraft[] lines) =>
        new("IND", number, InvoiceKind.Invoice, new LocalDate(2026, 9, 1), new LocalDate(2026, 9, 3), null, lines, RecordInvoice.FormSource);

    private static InvoiceDraft CreditNote(string number, string credits, params InvoiceLineDraft[] lines) =>
        new("IND", number, InvoiceKind.CreditNote, new LocalDate(2026, 10, 5), new LocalDate(2026, 10, 6), credits, lines, RecordInvoice.FormSource);

    private async Task<Invoice> RecordAsync(InvoiceDraft draft, string by = "recorder")
    {
        var (c, f) = Contexts(by);
        await using (c)
        await using (f)
            return await new RecordInvoice(c, f, _clock, InvoiceSettings.Default).RecordAsync(draft, by, Ct);
    }

    private async Task<IReadOnlyList<InvoiceError>> RejectedAsync(InvoiceDraft draft)
    {
        var e = await Assert.ThrowsAsync<InvoiceRejectedException>(() => RecordAsync(draft));
        return e.Errors;
    }

    private async Task<InvoiceImportOutcome> ImportAsync(string file, string csv, string by = "importer")
    {
        var (c, f) = Contexts(by);
        await using (c)
        await using (f)
        {
            var import = new ImportProviderInvoices(new RecordInvoice(c, f, _clock, InvoiceSettings.Default));
            return await import.ImportAsync(file, new MemoryStream(Encoding.UTF8.GetBytes(csv)), by, Ct);
        }
    }

    private async Task<List<InvoiceLine>> LinesAsync()
    {
        await using var f = Finance();
        return await f.InvoiceLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync(Ct);
    }

    private async Task<InvoiceLine> LineOfAsync(string number)
    {
        await using var f = Finance();
        return await (from l in f.InvoiceLines.AsNoTracking()
                      join i in f.Invoices on l.InvoiceId equals i.Id
                      where i.Number == number
                      orderby l.LineNumber
                      select l).FirstAsync(Ct);
    }

    private async Task<int> InvoiceCountAsync()
    {
        await using var f = Finance();
        return await f.Invoices.CountAsync(Ct);
    }

    // ---- recording and matching ----------------------------------------------------------------------------------

    [Fact]
    public async Task WithinTolerance_ReadyToApprove_DueOnTheAgreementsTerm_AndAudited()
    {
        // £12,030.00 against £12,000.00: £30.00 over, within the £60.00 tolerance.
        var invoice = await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_030m)));

        Assert.Equal((new LocalDate(2026, 9, 23), "recorder", "form"), (invoice.DueOn, invoice.RecordedBy, invoice.Source)); // 3 Sep + 20 days
        var line = await LineOfAsync("INV-101");
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, line.Status);
        Assert.Equal((Money.FromPounds(12_000m), Money.FromPounds(12_030m), Money.FromPounds(30m)), (line.Expected!.Value, line.NetInvoiced, line.Variance!.Value));
        Assert.Equal(("PL-1", "CH-1", "AB"), (line.PlacementReference, line.ChildReference, line.ChildInitials));
        Assert.NotNull(line.AgreementId);
        Assert.Null(line.QueryReason);

        await using var f = Finance();
        var audit = await f.AuditEntries.AsNoTracking().Where(a => a.Actor == "recorder").ToListAsync(Ct);
        Assert.Contains(audit, a => a.EntityType == nameof(Invoice) && a.EntityKey == "IND invoice INV-101" && a.Action == "Created");
        Assert.Contains(audit, a => a.EntityType == nameof(InvoiceLine) && a.Action == "Created");
        Assert.Contains(audit, a => a.EntityType == nameof(InvoiceLine) && a.Action == "Changed" && a.After!.Contains("ReadyToApprove", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains("Amy", StringComparison.Ordinal) || (a.After ?? "").Contains("Brown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overcharged_QueriedWithTheVarianceAsReason()
    {
        // £12,120.00 against £12,000.00: £120.00 over, beyond the £60.00 tolerance.
        await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_120m)));

        var line = await LineOfAsync("INV-101");
        Assert.Equal(InvoiceLineStatus.Queried, line.Status);
        Assert.Equal(Money.FromPounds(120m), line.Variance);
        Assert.Equal("£120.00 more than the agreement's £12,000.00 (tolerance £60.00)", line.QueryReason);
        Assert.True(MatchInvoiceLines.IsMatchersReason(line.QueryReason), line.QueryReason);
    }

    [Fact]
    public async Task NoAgreement_Unmatched_SayingWhy()
    {
        await RecordAsync(Draft("INV-103", Line("CH-3", AutumnStart, AutumnEnd, 15_000m)));

        var line = await LineOfAsync("INV-103");
        Assert.Equal((InvoiceLineStatus.Unmatched, (Money?)null, (int?)null), (line.Status, line.Expected, line.AgreementId));
        Assert.Equal("No individual placement agreement for PL-3: record one to match this line.", line.QueryReason);
        Assert.Equal(Money.FromPounds(15_000m), line.NetInvoiced);
    }

    [Fact]
    public async Task OfficersQuery_KeptWhenMatchedAgain()
    {
        await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_000m)));
        var (c, f) = Contexts("officer");
        await using (c)
        await using (f)
        {
            var line = await f.InvoiceLines.SingleAsync(Ct);
            line.Query("Provider to confirm the days CH-1 attended in September");
            await f.SaveChangesAsync(Ct);
            Assert.Equal(1, await new MatchInvoiceLines(c, f, InvoiceSettings.Default).MatchAsync(null, Ct));
        }

        var kept = await LineOfAsync("INV-101");
        Assert.Equal((InvoiceLineStatus.Queried, "Provider to confirm the days CH-1 attended in September"), (kept.Status, kept.QueryReason));
        Assert.Equal(Money.FromPounds(12_000m), kept.Expected);
    }

    [Fact]
    public async Task DuplicateInvoiceNumber_Refused_EvenForAnotherChild()
    {
        await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_000m)));

        var errors = await RejectedAsync(Draft("INV-101", Line("CH-3", AutumnStart, AutumnEnd, 15_000m)));

        var error = Assert.Single(errors);
        Assert.Equal(("invoice_number", "DuplicateInvoiceNumber"), (error.Field, error.Rule));
        Assert.Equal("IND has already sent invoice number INV-101: it is recorded, and cannot be recorded twice.", error.Message);
        Assert.Equal(1, await InvoiceCountAsync());
    }

    [Fact]
    public async Task SameChildAndPeriod_Refused_ThenAcceptedWithAReason()
    {
        await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_000m)));

        var error = Assert.Single(await RejectedAsync(Draft("INV-102", Line("CH-1", new LocalDate(2026, 12, 1), AutumnEnd, 1_000m))));
        Assert.Equal(("period_start", 1, "PeriodAlreadyInvoiced"), (error.Field, error.Line, error.Rule));
        Assert.Equal("CH-1 (PL-1) is already invoiced for 1 Dec 2026–18 Dec 2026 on invoice INV-101 (line 1). If it is not a duplicate, give a reason to accept it.",
            error.Message);
        Assert.Equal(1, await InvoiceCountAsync());

        await RecordAsync(Draft("INV-102", Line("CH-1", new LocalDate(2026, 12, 1), AutumnEnd, 1_000m, "Extra residential week agreed by the panel")));
        var accepted = await LineOfAsync("INV-102");
        Assert.Equal("Extra residential week agreed by the panel", accepted.DuplicateOverrideReason);
    }

    [Fact]
    public async Task PeriodOutsidePlacement_NamesThePlacementsDates()
    {
        var error = Assert.Single(await RejectedAsync(Draft("INV-104", Line("CH-2", AutumnStart, AutumnEnd, 9_000m))));

        Assert.Equal(("period_start", "PeriodOutsidePlacement"), (error.Field, error.Rule));
        Assert.Equal("CH-2 is not on roll at IND for the whole of 1 Sep 2026–18 Dec 2026 (placement PL-2 runs 1 Oct 2026–…).", error.Message);
    }

    [Fact]
    public async Task DatesInTheFuture_Refused_TodayInLondon()
    {
        var draft = Draft("INV-105", Line("CH-1", AutumnStart, AutumnEnd, 12_000m)) with
        {
            InvoiceDate = new LocalDate(2026, 11, 26),
            ReceivedOn = new LocalDate(2026, 11, 26),
        };

        var errors = await RejectedAsync(draft);

        Assert.Equal(["InvoiceDateInFuture", "ReceivedDateInFuture"], errors.Select(e => e.Rule));
        Assert.Equal("The invoice date 26 Nov 2026 is in the future (today is 25 Nov 2026).", errors[0].Message);

        // 30 June 2026 23:30 UTC is already 1 July in London (BST): an invoice dated 1 July is not in the future.
        _clock.Reset(Instant.FromUtc(2026, 6, 30, 23, 30));
        var july = Draft("INV-106", Line("CH-3", new LocalDate(2026, 4, 13), new LocalDate(2026, 7, 1), 100m)) with
        {
            InvoiceDate = new LocalDate(2026, 7, 1),
            ReceivedOn = new LocalDate(2026, 7, 1),
        };
        Assert.Equal(new LocalDate(2026, 7, 31), (await RecordAsync(july)).DueOn);
    }

    [Fact]
    public async Task NegativeAmount_Refused()
    {
        var error = Assert.Single(await RejectedAsync(Draft("INV-107", Line("CH-1", AutumnStart, AutumnEnd, -12_000m))));

        Assert.Equal(("amount", 1, "AmountMustBePositive"), (error.Field, error.Line, error.Rule));
        Assert.Equal("The amount invoiced must be more than £0.00 (it is -£12,000.00).", error.Message);
    }

    [Fact]
    public async Task EveryErrorListedTogether_AndNothingWritten()
    {
        var draft = new InvoiceDraft("IND", " ", InvoiceKind.Invoice, new LocalDate(2026, 12, 1), new LocalDate(2026, 9, 3), null,
        [
            Line("CH-9", AutumnStart, AutumnEnd, 100m),
            Line("CH-1", AutumnEnd, AutumnStart, 100m),
            Line("CH-3", AutumnStart, AutumnEnd, 0m),
            Line("CH-2", AutumnStart, AutumnEnd, 100m),
        ], RecordInvoice.FormSource);

        var errors = await RejectedAsync(draft);

        Assert.Equal(
        [
            ("invoice_number", null, "InvoiceNeedsANumber"),
            ("invoice_date", null, "InvoiceDateInFuture"),
            ("received_date", null, "ReceivedBeforeInvoiceDate"),
            ("child_ref", 1, "UnknownChild"),
            ("period_end", 2, "PeriodEndsBeforeItStarts"),
            ("amount", 3, "AmountMustBePositive"),
            ("period_start", 4, "PeriodOutsidePlacement"),
        ], errors.Select(e => (e.Field, e.Line, e.Rule)));
        Assert.Equal(0, await InvoiceCountAsync());
        await using var f = Finance();
        Assert.Equal(0, await f.AuditEntries.CountAsync(a => a.EntityType == nameof(Invoice) || a.EntityType == nameof(InvoiceLine), Ct));
    }

    [Fact]
    public async Task CreditNote_AgainstAnOpenQueriedLine_BringsItWithinTolerance_AndIsAppliedToIt()
    {
        // Invoiced £12,120.00 (queried: £120.00 over); credited £100.00 → net £12,020.00, £20.00 over: ready to approve.
        await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_120m)));
        var credited = await LineOfAsync("INV-101");

        var note = await RecordAsync(CreditNote("CN-1", "INV-101", Line("CH-1", AutumnStart, AutumnEnd, 100m)));

        Assert.Equal((InvoiceKind.CreditNote, credited.InvoiceId), (note.Kind, note.CreditsInvoiceId));
        var line = await LineOfAsync("INV-101");
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, line.Status);
        Assert.Equal((Money.FromPounds(12_020m), Money.FromPounds(20m)), (line.NetInvoiced, line.Variance!.Value));
        Assert.Null(line.QueryReason);
        var credit = await LineOfAsync("CN-1");
        Assert.Equal((InvoiceLineStatus.AppliedToInvoice, Money.FromPounds(-100m), (long?)credited.Id), (credit.Status, credit.Amount, credit.CreditsLineId));

        // Matching again changes nothing: the applied credit still counts.
        var (c, f) = Contexts("matcher");
        await using (c)
        await using (f)
            await new MatchInvoiceLines(c, f, InvoiceSettings.Default).MatchAsync(null, Ct);
        Assert.Equal((InvoiceLineStatus.ReadyToApprove, Money.FromPounds(12_020m)), ((await LineOfAsync("INV-101")).Status, (await LineOfAsync("INV-101")).NetInvoiced));
    }

    [Fact]
    public async Task CreditNote_NamingNoInvoice_OrAChildNotOnIt_OrTooMuch_Refused()
    {
        await RecordAsync(Draft("INV-101", Line("CH-1", AutumnStart, AutumnEnd, 12_000m)));

        var unknown = Assert.Single(await RejectedAsync(CreditNote("CN-1", "INV-999", Line("CH-1", AutumnStart, AutumnEnd, 100m))));
        Assert.Equal(("credits_invoice", "UnknownCreditedInvoice", "IND has no invoice numbered INV-999 for this credit note to reduce."),
            (unknown.Field, unknown.Rule, unknown.Message));

        var errors = await RejectedAsync(CreditNote("CN-1", "INV-101",
            Line("CH-3", AutumnStart, AutumnEnd, 100m),
            Line("CH-1", AutumnStart, AutumnEnd, 12_000.01m)));
        Assert.Equal(["CreditNotOnCreditedInvoice", "CreditExceedsInvoicedLine"], errors.Select(e => e.Rule));
        Assert.Equal("The credit of £12,000.01 is more than is left to credit on line 1 of invoice INV-101 (£12,000.00 of £12,000.00).", errors[1].Message);
        Assert.Equal(1, await InvoiceCountAsync());
    }

    // ---- provider CSV ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task MalformedCsv_RejectedWhole_EveryErrorListed_NothingWritten()
    {
        await RecordAsync(Draft("INV-100", Line("CH-1", AutumnStart, AutumnEnd, 12_000m)));
        const string csv = """
            provider_ref,invoice_number,invoice_date,received_date,child_ref,period_start,period_end,amount,colour
            IND,INV-100,2026-10-01,2026-10-02,CH-3,2026-09-01,2026-09-30,3000.00,red
            IND,INV-201,2026-10-01,2026-10-02,CH-3,2026-09-31,2026-10-31,3000.00,
            IND,INV-202,2026-10-01,2026-10-02,CH-3,2026-09-01,2026-09-30,"3,000.005",
            IND,INV-203,2026-10-01,2026-10-02,CH-99,2026-09-01,2026-09-30,3000.00,
            IND,INV-203,2026-10-03,2026-10-02,CH-3,2026-10-01,2026-10-31,3000.00,
            """;

        var outcome = await ImportAsync("hillside-2026-10.csv", csv);

        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.Recorded);
        Assert.Equal(6, outcome.Errors.Count);
        Assert.StartsWith("hillside-2026-10.csv:1: colour: unknown column; hillside-2026-10.csv has the columns provider_ref, invoice_number,", outcome.Errors[0]);
        Assert.Equal(
        [
            "hillside-2026-10.csv:2: invoice_number: IND has already sent invoice number INV-100: it is recorded, and cannot be recorded twice.",
            "hillside-2026-10.csv:3: period_start: '2026-09-31' is not a date (YYYY-MM-DD)",
            "hillside-2026-10.csv:4: amount: '3,000.005' is not an amount of money: it has more than 2 decimal places.",
            "hillside-2026-10.csv:5: child_ref: No child has the reference CH-99.",
            "hillside-2026-10.csv:6: invoice_date: '2026-10-03' differs from line 5's '2026-10-01': every row of IND's invoice INV-203 must give the same invoice date",
        ], outcome.Errors.Skip(1));
        Assert.Equal(1, await InvoiceCountAsync());
        Assert.Single(await LinesAsync());
    }

    [Fact]
    public async Task GoodCsv_SeveralInvoicesAndACreditNote_RecordedInOneGo_AndMatched()
    {
        // INV-201: CH-1's autumn term £12,000.00 less CN-201's £50.00 → net £11,950.00, £50.00 under: within £60.00.
        // INV-202: CH-2's October £3,000.00 (as agreed) and CH-3's October (no agreement: unmatched).
        const string csv = """
            Provider_Ref,Invoice_Number,Invoice_Date,Received_Date,Child_Ref,Placement_Ref,Period_Start,Period_End,Amount,Description,Kind,Credits_Invoice
            IND,INV-201,2026-09-01,2026-09-02,CH-1,,2026-09-01,2026-12-18,"12,000.00",Autumn term fee,,
            IND,INV-202,2026-11-02,2026-11-04,CH-2,PL-2,2026-10-01,2026-10-31,3000.00,October fee,Invoice,
            IND,INV-202,2026-11-02,2026-11-04,CH-3,,2026-10-01,2026-10-31,2500,October fee,Invoice,
            IND,CN-201,2026-11-10,2026-11-10,CH-1,,2026-09-01,2026-12-18,50.00,Trip not taken,CreditNote,INV-201
            """;

        var outcome = await ImportAsync("hillside-2026-11.csv", csv);

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Errors));
        Assert.Equal(["INV-201", "INV-202", "CN-201"], outcome.Recorded.Select(i => i.Number));
        Assert.All(outcome.Recorded, i => Assert.Equal(("hillside-2026-11.csv", "importer"), (i.Source, i.RecordedBy)));
        Assert.Equal([new LocalDate(2026, 9, 22), new LocalDate(2026, 12, 4)], outcome.Recorded.Take(2).Select(i => i.DueOn)); // +20 (PL-1), +30

        var lines = await LinesAsync();
        Assert.Equal(
        [
            ("PL-1", InvoiceLineStatus.ReadyToApprove, Money.FromPounds(11_950m), (Money?)Money.FromPounds(12_000m)),
            ("PL-2", InvoiceLineStatus.ReadyToApprove, Money.FromPounds(3_000m), Money.FromPounds(3_000m)),
            ("PL-3", InvoiceLineStatus.Unmatched, Money.FromPounds(2_500m), null),
            ("PL-1", InvoiceLineStatus.AppliedToInvoice, Money.FromPounds(-50m), null),
        ], lines.Select(l => (l.PlacementReference, l.Status, l.NetInvoiced, l.Expected)));
        Assert.Equal(lines[0].Id, lines[3].CreditsLineId);

        await using var f = Finance();
        Assert.Equal(3, await f.AuditEntries.CountAsync(a => a.EntityType == nameof(Invoice) && a.Action == "Created" && a.Actor == "importer", Ct));
    }
}

public sealed class InvoiceRecordingDatabaseOnSqliteTests() : InvoiceRecordingDatabaseTests(DatabaseProvider.Sqlite);

public sealed class InvoiceRecordingDatabaseOnPostgresTests() : InvoiceRecordingDatabaseTests(DatabaseProvider.Postgres);
