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
using Placements.Finance.Invoices.Queries;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// The invoice reports' queries on a real, freshly migrated database: the aged view's buckets at their edges, a provider
/// statement worked by hand, and the rows payment-performance reporting reads. Invoices are built from the entities, and
/// a payment run's approval is simulated by stamping <see cref="InvoiceLine.PaidBy"/>.
/// </summary>
/// <remarks>
/// Hillside (IND, independent special) has PL-1 (child AB, agreement £12,000 a year monthly in arrears from 1 April
/// 2026) and PL-2 (child CD, no agreement); Brook House (NMS, non-maintained special) has PL-3 (child EF).
/// </remarks>
public abstract class InvoiceReportingDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Council = "320";
    private static readonly LocalDate Today = new(2026, 6, 30);
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 30, 9, 0);

    private readonly FakeClock _clock = new(Now, Duration.FromMinutes(1));
    private ModuleDatabase _database = null!;
    private (int Id, string Reference) _hillside, _brook;
    private readonly Dictionary<string, int> _placements = [];
    private int _agreementId;
    private int _number;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ModuleDatabase.CreateAsync(provider, _clock, Ct);
        await SeedAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private (CommissioningDb, FinanceDb) Contexts(string actor) => _database.Contexts(actor);

    private async Task SeedAsync()
    {
        var (commissioning, finance) = Contexts("setup");
        await using var c = commissioning;
        await using var f = finance;
        var hillside = new Provider("IND", "Hillside School", ProvisionType.IndependentSpecial, "881", Phase.Secondary);
        var brook = new Provider("NMS", "Brook House", ProvisionType.NonMaintainedSpecial, "882", Phase.AllThrough);
        c.Providers.AddRange(hillside, brook);
        await c.SaveChangesAsync(Ct);
        (_hillside, _brook) = ((hillside.Id, hillside.Reference), (brook.Id, brook.Reference));
        var children = new[] { ("1", "Amy", "Bell"), ("2", "Cal", "Dean"), ("3", "Eve", "Fox") }
            .Select(x => new Child("CH-" + x.Item1, x.Item2, x.Item3, new LocalDate(2012, 5, 1), Need.ASD, Council)).ToList();
        c.Children.AddRange(children);
        await c.SaveChangesAsync(Ct);
        var placements = new[]
        {
            new Placement("PL-1", children[0].Id, hillside.Id, new LocalDate(2025, 9, 1), null, Council),
            new Placement("PL-2", children[1].Id, hillside.Id, new LocalDate(2025, 9, 1), null, Council),
            new Placement("PL-3", children[2].Id, brook.Id, new LocalDate(2025, 9, 1), null, Council),
        };
        foreach (var p in placements) p.Agree(true, null);
        c.Placements.AddRange(placements);
        await c.SaveChangesAsync(Ct);
        foreach (var p in placements) _placements[p.Reference] = p.Id;

        var agreement = new PlacementAgreement(placements[0].Id, "PL-1", hillside.Id, "IND", InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays,
            true, "One term", new LocalDate(2027, 4, 1), 30, null);
        agreement.ChangeFee(AgreementFee.Annual(new LocalDate(2026, 4, 1), Money.FromPounds(12_000m)));
        f.PlacementAgreements.Add(agreement);
        f.BaseRates.Add(new BaseRate(new LocalDate(2025, 1, 1), 400));
        await f.SaveChangesAsync(Ct);
        _agreementId = agreement.Id;
    }

    private enum Outcome { Open, Queried, Unmatched, Approved, Partly, Rejected, Paid, PartlyPaid }

    private sealed record LineSpec(string Placement, LocalDate Start, LocalDate End, decimal Pounds, Outcome Outcome,
        decimal? Approve = null, LocalDate? PaidOn = null);

    /// <summary>An invoice of the given lines, each brought to its outcome as the use cases and the payment run would.</summary>
    private async Task<Invoice> InvoiceAsync((int Id, string Reference) at, LocalDate receivedOn, params LineSpec[] lines)
    {
        var (_, finance) = Contexts("officer");
        await using var f = finance;
        var invoice = new Invoice(at.Id, at.Reference, $"INV-{++_number}", InvoiceKind.Invoice, receivedOn, receivedOn, 30, "officer", Now, "form", null);
        var added = lines.Select(l => (Spec: l, Line: invoice.AddLine(new InvoiceLine(_placements[l.Placement], l.Placement, "CH-x", "XX",
            l.Start, l.End, Money.FromPounds(l.Pounds), null, null, null)))).ToList();
        f.Invoices.Add(invoice);
        await f.SaveChangesAsync(Ct);
        foreach (var (spec, line) in added)
        {
            var amount = Money.FromPounds(spec.Pounds);
            var approve = Money.FromPounds(spec.Approve ?? spec.Pounds);
            if (spec.Outcome == Outcome.Unmatched)
            {
                line.Matched(null, null, amount, InvoiceLineStatus.Unmatched, "No agreement covers the period.");
                continue;
            }
            line.Matched(_agreementId, amount, amount, InvoiceLineStatus.ReadyToApprove, null);
            switch (spec.Outcome)
            {
                case Outcome.Queried:
                    line.Query("More than agreed.");
                    break;
                case Outcome.Approved or Outcome.Paid:
                    line.Approve(approve, "approver", Now, null);
                    break;
                case Outcome.Partly or Outcome.PartlyPaid:
                    line.Approve(approve, "approver", Now, "Only the agreed fee.");
                    break;
                case Outcome.Rejected:
                    line.Reject("Not on roll.", "approver", Now);
                    break;
            }
            if (spec.PaidOn is { } paidOn) line.PaidBy(1, paidOn);
        }
        await f.SaveChangesAsync(Ct);
        return invoice;
    }

    /// <summary>A credit note whose one line is netted off <paramref name="credited"/>'s first line while it is still open.</summary>
    private async Task CreditAppliedAsync(Invoice credited, LocalDate receivedOn, decimal pounds)
    {
        var (_, finance) = Contexts("officer");
        await using var f = finance;
        var target = credited.Lines[0];
        var note = new Invoice(credited.ProviderId, credited.ProviderReference, $"CN-{++_number}", InvoiceKind.CreditNote, receivedOn, receivedOn, 30,
            "officer", Now, "form", credited.Id);
        var line = note.AddLine(new InvoiceLine(target.PlacementId, target.PlacementReference, "CH-x", "XX", target.PeriodStart, target.PeriodEnd,
            Money.FromPounds(-pounds), null, target.Id, null));
        line.Matched(_agreementId, null, Money.FromPounds(-pounds), InvoiceLineStatus.AppliedToInvoice, null);
        f.Invoices.Add(note);
        await f.SaveChangesAsync(Ct);
    }

    private async Task<T> QueryAsync<T>(Func<InvoiceQueries, Task<T>> query)
    {
        var (commissioning, finance) = Contexts("reader");
        await using var c = commissioning;
        await using var f = finance;
        return await query(new InvoiceQueries(c, f, InvoiceSettings.Default));
    }

    private static LineSpec Line(string placement, int month, decimal pounds, Outcome outcome, decimal? approve = null, LocalDate? paidOn = null) =>
        new(placement, new LocalDate(month >= 4 ? 2026 : 2027, month, 1),
            new LocalDate(month >= 4 ? 2026 : 2027, month, CalendarSystem.Iso.GetDaysInMonth(month >= 4 ? 2026 : 2027, month)), pounds, outcome, approve, paidOn);

    [Fact]
    public async Task Aged_BucketsByDaysSinceReceipt_AtThe10_11_20_21_30_31DayEdges_OnlyWhatIsStillOwed()
    {
        // Hillside, on 30 June 2026:
        //   received 10 days ago £100 ready to approve, less a £50 credit applied  →  0–10:  £50
        //   11 days £200 approved unpaid; 20 days £300 queried                     → 11–20: £500
        //   21 days £400 partly approved at £350; 30 days £500 unmatched           → 21–30: £850
        //   31 days £600 approved unpaid                                           → over 30: £600
        //   40 days £700 paid, 35 days £800 rejected: nothing owed                 → total £2,000 on 6 invoices
        // Brook House: received today £1,000 to approve                            →  0–10: £1,000
        var a = await InvoiceAsync(_hillside, Today.PlusDays(-10), Line("PL-1", 5, 100m, Outcome.Open));
        await CreditAppliedAsync(a, Today.PlusDays(-5), 50m);
        await InvoiceAsync(_hillside, Today.PlusDays(-11), Line("PL-1", 4, 200m, Outcome.Approved));
        await InvoiceAsync(_hillside, Today.PlusDays(-20), Line("PL-2", 4, 300m, Outcome.Queried));
        await InvoiceAsync(_hillside, Today.PlusDays(-21), Line("PL-1", 4, 400m, Outcome.Partly, approve: 350m));
        await InvoiceAsync(_hillside, Today.PlusDays(-30), Line("PL-2", 5, 500m, Outcome.Unmatched));
        await InvoiceAsync(_hillside, Today.PlusDays(-31), Line("PL-1", 4, 600m, Outcome.Approved));
        await InvoiceAsync(_hillside, Today.PlusDays(-40), Line("PL-1", 4, 700m, Outcome.Paid, paidOn: Today.PlusDays(-2)));
        await InvoiceAsync(_hillside, Today.PlusDays(-35), Line("PL-2", 4, 800m, Outcome.Rejected));
        await InvoiceAsync(_brook, Today, Line("PL-3", 5, 1_000m, Outcome.Open));

        var rows = await QueryAsync(q => q.AgedAsync(Today, Ct));

        Assert.Equal(["IND", "NMS"], rows.Select(r => r.ProviderReference));
        Assert.Equal(new AgedInvoicesRow("IND", "Hillside School", Money.FromPounds(50m), Money.FromPounds(500m), Money.FromPounds(850m),
            Money.FromPounds(600m), Money.FromPounds(2_000m), 6), rows[0]);
        Assert.Equal(new AgedInvoicesRow("NMS", "Brook House", Money.FromPounds(1_000m), Money.Zero, Money.Zero, Money.Zero,
            Money.FromPounds(1_000m), 1), rows[1]);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3], new[] { -1, 10, 11, 20, 21, 30, 31 }.Select(InvoiceQueries.AgeBucket));
    }

    [Fact]
    public async Task Statement_AgreedInvoicedApprovedPaidOutstanding_PerPlacementAndInTotal()
    {
        // PL-1 (agreement £12,000 a year from 1 April 2026, monthly: £1,000 a month) for 2026/27:
        //   agreed £12,000; April £1,000 paid; May £1,000 approved unpaid; June £1,050 queried less a £50 credit applied;
        //   March 2026 £1,000 paid (2025/26: not counted).
        //   invoiced 1,000 + 1,000 + 1,050 − 50 = £3,000; approved £2,000; paid £1,000; outstanding 1,000 + 1,000 = £2,000.
        // PL-2 (no agreement): April £2,000 rejected; May £2,000 approved £1,500 and paid.
        //   agreed £0; invoiced £4,000; approved £1,500; paid £1,500; outstanding £0.
        // Totals: £12,000 / £7,000 / £3,500 / £2,500 / £2,000.
        await InvoiceAsync(_hillside, new LocalDate(2026, 4, 2), new LineSpec("PL-1", new(2026, 3, 1), new(2026, 3, 31), 1_000m, Outcome.Paid, PaidOn: new(2026, 4, 20)));
        await InvoiceAsync(_hillside, new LocalDate(2026, 5, 3), Line("PL-1", 4, 1_000m, Outcome.Paid, paidOn: new(2026, 5, 20)));
        await InvoiceAsync(_hillside, new LocalDate(2026, 6, 2), Line("PL-1", 5, 1_000m, Outcome.Approved));
        var june = await InvoiceAsync(_hillside, new LocalDate(2026, 7, 1), Line("PL-1", 6, 1_050m, Outcome.Queried));
        await CreditAppliedAsync(june, new LocalDate(2026, 7, 2), 50m);
        await InvoiceAsync(_hillside, new LocalDate(2026, 5, 5), Line("PL-2", 4, 2_000m, Outcome.Rejected), Line("PL-2", 5, 2_000m, Outcome.PartlyPaid, approve: 1_500m, paidOn: new(2026, 6, 20)));
        await InvoiceAsync(_brook, new LocalDate(2026, 5, 5), Line("PL-3", 4, 9_999m, Outcome.Approved));

        var statement = await QueryAsync(q => q.StatementAsync("IND", new FinancialYear(2026), Ct));

        Assert.NotNull(statement);
        Assert.Equal(("IND", "Hillside School", new FinancialYear(2026)), (statement.ProviderReference, statement.ProviderName, statement.Year));
        Assert.Equal(
        [
            new StatementLine("PL-1", "CH-1", "AB", Money.FromPounds(12_000m), Money.FromPounds(3_000m), Money.FromPounds(2_000m), Money.FromPounds(1_000m), Money.FromPounds(2_000m)),
            new StatementLine("PL-2", "CH-2", "CD", Money.Zero, Money.FromPounds(4_000m), Money.FromPounds(1_500m), Money.FromPounds(1_500m), Money.Zero),
        ], statement.Lines);
        Assert.Equal((Money.FromPounds(12_000m), Money.FromPounds(7_000m), Money.FromPounds(3_500m), Money.FromPounds(2_500m), Money.FromPounds(2_000m)),
            (statement.Totals.Agreed, statement.Totals.Invoiced, statement.Totals.Approved, statement.Totals.Paid, statement.Totals.Outstanding));
        // Every Hillside invoice and credit note received in the year, newest first, none of Brook House's.
        Assert.Equal(6, statement.Invoices.Count);
        Assert.All(statement.Invoices, i => Assert.Equal("IND", i.ProviderReference));
        Assert.Equal(new LocalDate(2026, 7, 2), statement.Invoices[0].ReceivedOn);
        var states = statement.Invoices.ToDictionary(i => i.ReceivedOn, i => i.State);
        Assert.Equal((InvoiceState.Paid, InvoiceState.AwaitingPayment, InvoiceState.Queried, InvoiceState.Paid),
            (states[new(2026, 5, 3)], states[new(2026, 6, 2)], states[new(2026, 7, 1)], states[new(2026, 5, 5)]));

        Assert.Null(await QueryAsync(q => q.StatementAsync("NOPE", new FinancialYear(2026), Ct)));
    }

    [Fact]
    public async Task Reporting_PaidLateIsLiableForInterest_DisputedFlagged_CreditsNetted_MissingBaseRateNoted()
    {
        // 1. £34,226.40 received 1 April 2026, due 1 May, paid 21 May: 20 days late. Reference date 31 December 2025,
        //    base rate 4% → 12%: 34,226.40 × 0.12 × 20 / 365 = £225.05, plus £100 compensation → liable £325.05 (paid too).
        var late = await InvoiceAsync(_hillside, new LocalDate(2026, 4, 1),
            new LineSpec("PL-1", new(2026, 4, 1), new(2026, 7, 31), 34_226.40m, Outcome.Paid, PaidOn: new(2026, 5, 21)));
        await RecordInterestPaidAsync(late.Id, 325.05m, new LocalDate(2026, 5, 21));
        // 2. Two lines: one queried, one approved and unpaid: disputed, unpaid, nothing liable.
        var disputed = await InvoiceAsync(_hillside, new LocalDate(2026, 5, 1), Line("PL-1", 5, 1_000m, Outcome.Queried), Line("PL-2", 5, 500m, Outcome.Approved));
        // 3. £1,100 less a £100 credit applied while open, then approved at £1,000 and paid on time: amount £1,000.
        var credited = await InvoiceAsync(_brook, new LocalDate(2026, 6, 1), Line("PL-3", 5, 1_100m, Outcome.Open));
        await CreditAppliedAsync(credited, new LocalDate(2026, 6, 3), 100m);
        await ApproveAndPayAsync(credited.Id, 1_000m, new LocalDate(2026, 6, 25));
        // 4. Due 31 March 2024 (reference date 31 December 2023), paid late: no base rate before 2025 → liable £0 and a note.
        var unpriced = await InvoiceAsync(_brook, new LocalDate(2024, 3, 1),
            new LineSpec("PL-3", new(2024, 3, 1), new(2024, 3, 31), 2_000m, Outcome.Paid, PaidOn: new(2024, 4, 15)));

        var reporting = await QueryAsync(q => q.ReportingAsync(Ct));

        var rows = reporting.Invoices.ToDictionary(r => r.InvoiceId);
        Assert.Equal(4, rows.Count); // credit notes are not invoices
        Assert.Equal(new Placements.Finance.Invoices.Calculation.InvoiceForReporting(late.Id, "IND", "Hillside School", late.Number,
            new LocalDate(2026, 4, 1), new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 21), Money.FromPounds(34_226.40m), false,
            Money.FromPounds(325.05m), Money.FromPounds(325.05m)), rows[late.Id]);
        Assert.Equal((null, true, Money.FromPounds(1_500m), Money.Zero), (rows[disputed.Id].PaidOn, rows[disputed.Id].Disputed, rows[disputed.Id].Amount, rows[disputed.Id].InterestLiable));
        Assert.Equal(((LocalDate?)new LocalDate(2026, 6, 25), false, Money.FromPounds(1_000m), Money.Zero),
            (rows[credited.Id].PaidOn, rows[credited.Id].Disputed, rows[credited.Id].Amount, rows[credited.Id].InterestLiable));
        Assert.Equal(Money.Zero, rows[unpriced.Id].InterestLiable);
        var note = Assert.Single(reporting.Notes);
        Assert.Contains($"NMS invoice {unpriced.Number}", note);
        Assert.Equal(reporting.Invoices, await QueryAsync(q => q.ForReportingAsync(Ct)));
    }

    private async Task RecordInterestPaidAsync(int invoiceId, decimal pounds, LocalDate on)
    {
        var (_, finance) = Contexts("officer");
        await using var f = finance;
        (await f.Invoices.SingleAsync(i => i.Id == invoiceId, Ct)).RecordInterestPaid(Money.FromPounds(pounds), on, "officer");
        await f.SaveChangesAsync(Ct);
    }

    /// <summary>The credited line (its net invoiced now less the credit) approved and paid.</summary>
    private async Task ApproveAndPayAsync(int invoiceId, decimal net, LocalDate paidOn)
    {
        var (_, finance) = Contexts("approver");
        await using var f = finance;
        var line = await f.InvoiceLines.SingleAsync(l => l.InvoiceId == invoiceId, Ct);
        line.Matched(_agreementId, Money.FromPounds(net), Money.FromPounds(net), InvoiceLineStatus.ReadyToApprove, null);
        line.Approve(Money.FromPounds(net), "approver", Now, null);
        line.PaidBy(1, paidOn);
        await f.SaveChangesAsync(Ct);
    }
}

public sealed class InvoiceReportingDatabaseOnSqliteTests() : InvoiceReportingDatabaseTests(DatabaseProvider.Sqlite);

public sealed class InvoiceReportingDatabaseOnPostgresTests() : InvoiceReportingDatabaseTests(DatabaseProvider.Postgres);
