using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Placements.Commissioning;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Invoices;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// Budget monitoring's loader, snapshot and budget versions on a real, freshly migrated database (domain.md §7): the
/// payment-run tests' small county (an academy on B3 £15,750, a resourced provision on R1 £6,000, an independent school
/// paid by invoice), runs prepared and approved through the real use cases, then the forecast loaded as the page loads it.
/// </summary>
public abstract class ForecastDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Council = "320";
    private static readonly YearMonth April = new(2026, 4);
    private static readonly YearMonth May = new(2026, 5);
    private static readonly YearMonth June = new(2026, 6);
    private static readonly YearMonth July = new(2026, 7);
    private static readonly FinancialYear Fy2026 = new(2026);
    private static readonly LocalDate AsAt = new(2026, 6, 10);
    private static readonly PaymentSettings Payments = new(Council, April);
    private static readonly BudgetSettings Budgets = new(Council, April, RagThresholds.Default);
    private static readonly Approver Approver = new("approver.a", Money.FromPounds(100_000m));

    // Everything below happens on 5 June 2026 (before the forecast date), a minute apart.
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 5, 8, 0), Duration.FromMinutes(1));
    private ModuleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ModuleDatabase.CreateAsync(provider, _clock, Ct);
        await SeedCountyAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task SeedCountyAsync()
    {
        var (commissioning, finance) = _database.Contexts("setup");
        await using var c = commissioning;
        await using var f = finance;
        var academy = new Provider("ACAD", "Oakfield Academy", ProvisionType.SpecialAcademy, Council, Phase.Secondary) { Urn = "140001" };
        var resourced = new Provider("RP", "Elm Road Resourced Provision", ProvisionType.ResourcedProvision, Council, Phase.Primary);
        var independent = new Provider("IND", "Hillside Independent School", ProvisionType.IndependentSpecial, "881", Phase.Secondary);
        c.Providers.AddRange(academy, resourced, independent);
        await c.SaveChangesAsync(Ct);
        (string Ref, string Given, string Family, Provider At, LocalDate Start)[] rows =
        [
            ("001", "Amy", "Brown", academy, new(2025, 9, 1)),
            ("002", "Ben", "Carter", academy, new(2024, 9, 1)),
            ("003", "Cara", "Dunn", resourced, new(2025, 1, 6)),
            ("004", "Dan", "Evans", resourced, new(2026, 4, 16)),
            ("005", "Eve", "Foster", independent, new(2025, 9, 1)),
        ];
        var children = rows.Select(r => new Child("CH-" + r.Ref, r.Given, r.Family, new LocalDate(2014, 1, 1), Need.ASD, Council)).ToList();
        c.Children.AddRange(children);
        await c.SaveChangesAsync(Ct);
        var placements = rows.Select((r, i) =>
        {
            var placement = new Placement("PL-" + r.Ref, children[i].Id, r.At.Id, r.Start, null, Council);
            placement.Agree(true, null);
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
        f.BudgetLines.AddRange(new BudgetLine(Fy2026, "1.2.1", Money.FromPounds(20_000m)), new BudgetLine(Fy2026, "1.2.2", Money.FromPounds(30_000m)),
            new BudgetLine(Fy2026, "1.2.3", Money.FromPounds(60_000m)));
        await f.SaveChangesAsync(Ct);
    }

    private async Task PrepareAsync(YearMonth month)
    {
        var (commissioning, finance) = _database.Contexts("preparer");
        await using var c = commissioning;
        await using var f = finance;
        await new PreparePaymentRun(c, f, _clock, new Placements.Web.Payments.BulkPaymentLineWriter()).RunAsync(month, "preparer", Payments, null, Ct);
    }

    private async Task ApproveAsync(YearMonth month)
    {
        var (commissioning, finance) = _database.Contexts(Approver.Name);
        await using var c = commissioning;
        await using var f = finance;
        await new ApprovePaymentRun(f, _clock).ApproveAsync(month, Approver, null, cancellationToken: Ct);
    }

    private async Task PayAsync(params YearMonth[] months)
    {
        foreach (var month in months)
        {
            await PrepareAsync(month);
            await ApproveAsync(month);
        }
    }

    private async Task<(ForecastInputs Inputs, HighNeedsForecastResult Forecast)> ForecastAsync(LocalDate? asAt = null)
    {
        var (commissioning, finance) = _database.Contexts("reader");
        await using var c = commissioning;
        await using var f = finance;
        var inputs = await new LoadForecastInputs(c, f).LoadAsync(Fy2026, asAt ?? AsAt, Budgets, Ct);
        return (inputs, HighNeedsForecast.Compute(inputs, ForecastOptions.Base, Budgets.Rag));
    }

    /// <summary>What approved runs paid each placement for the year (top-ups and adjustments, held lines not paid), read straight from the lines.</summary>
    private async Task<Dictionary<string, Money>> PaidByApprovedRunsAsync()
    {
        await using var f = _database.Contexts("reader").Finance;
        var approved = await f.PaymentRuns.Where(r => r.Status == PaymentRunStatus.Approved).Select(r => r.Id).ToListAsync(Ct);
        var lines = await f.PaymentLines.AsNoTracking()
            .Where(l => approved.Contains(l.PaymentRunId) && l.HoldId == null && l.Kind != PaymentKind.Fee).ToListAsync(Ct);
        return lines.GroupBy(l => l.PlacementReference).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));
    }

    private static PlacementForecast Of(HighNeedsForecastResult forecast, string reference) => forecast.Placements.Single(p => p.Placement.Reference == reference);

    private static Money Entitlement(ForecastInputs inputs, PlacementForecast p) =>
        TopUpEntitlement.Schedule(p.Placement.TopUp!.WithEnd(p.ProjectedEnd), Fy2026, inputs.TopUpSettings).Total;

    private async Task EndAsync(string reference, LocalDate lastDay)
    {
        var (commissioning, finance) = _database.Contexts("caseworker");
        await using var c = commissioning;
        await using var f = finance;
        (await c.Placements.SingleAsync(p => p.Reference == reference, Ct)).EndOn(lastDay, CeaseReason.MovedToAnotherSetting);
        await c.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task ActualFromApprovedRuns_PlusCommitment_IsTheFundingEnginesEntitlement_ToThePenny()
    {
        await PayAsync(April, May, June);

        var (inputs, forecast) = await ForecastAsync();

        var paid = await PaidByApprovedRunsAsync();
        var topUps = forecast.Placements.Where(p => p.Placement.TopUp is not null).ToList();
        Assert.Equal(["PL-001", "PL-002", "PL-003", "PL-004"], topUps.Select(p => p.Placement.Reference).Order(StringComparer.Ordinal));
        foreach (var p in topUps)
        {
            Assert.Equal(paid[p.Placement.Reference], p.Actual);
            Assert.Equal(Entitlement(inputs, p), p.Actual + p.Commitment);
            Assert.Null(p.Problem);
        }
        // Three months of B3 paid (£1,312.50 a month); PL-004 from 16 April: £250 + £500 + £500.
        Assert.Equal(Money.FromPounds(3_937.50m), Of(forecast, "PL-001").Actual);
        Assert.Equal(Money.FromPounds(1_250m), Of(forecast, "PL-004").Actual);
        // The lines add up: 1.2.2 the academy's two placements, 1.2.1 the resourced provision's.
        Assert.Equal(Money.Sum(topUps.Where(p => p.Placement.S251Line == "1.2.2").Select(p => p.Total)), forecast.Line("1.2.2").Forecast);
        Assert.Equal(Money.FromPounds(2 * 3_937.50m), forecast.Line("1.2.2").Figures.Actual);
        Assert.Equal(Money.FromPounds(3 * 500m + 1_250m), forecast.Line("1.2.1").Figures.Actual);
    }

    [Fact]
    public async Task APlacementEndedToday_DropsOutOfCommitments_AfterToday()
    {
        await PayAsync(April, May);
        var (_, before) = await ForecastAsync();

        await EndAsync("PL-003", AsAt);
        var (inputs, after) = await ForecastAsync();

        var ended = Of(after, "PL-003");
        Assert.Equal(AsAt, ended.ProjectedEnd);
        Assert.Equal(Money.FromPounds(1_000m), ended.Actual);
        // Owed only to today: 10 days of June on R1 (£500 a month), nothing after.
        Assert.Equal(Entitlement(inputs, ended), ended.Actual + ended.Commitment);
        Assert.True(ended.Commitment < Money.FromPounds(500m), $"commitment {ended.Commitment} is less than a month");
        Assert.True(Of(before, "PL-003").Commitment > Money.FromPounds(4_000m), "open-ended, it was committed to the end of the year");
        Assert.Equal(before.Line("1.2.1").Forecast - Of(before, "PL-003").Total + ended.Total, after.Line("1.2.1").Forecast);
    }

    [Fact]
    public async Task HeldLinesAndUnapprovedRuns_AreNotActuals()
    {
        await PayAsync(April, May);
        var (commissioning, finance) = _database.Contexts("clerk");
        await using (commissioning)
        await using (finance)
            await new HoldPayments(commissioning, finance, _clock).HoldAsync("PL-002", "change of school under review", "Finance", "clerk", Ct);
        await PayAsync(June);
        await PrepareAsync(July); // a draft: not paid

        var (inputs, forecast) = await ForecastAsync(new LocalDate(2026, 7, 10));

        var held = Of(forecast, "PL-002");
        Assert.Equal(Money.FromPounds(2 * 1_312.50m), held.Actual); // April and May; June's line is held
        Assert.Equal(Money.FromPounds(3 * 1_312.50m), Of(forecast, "PL-001").Actual); // April to June; July is a draft
        Assert.Equal(Entitlement(inputs, held), held.Actual + held.Commitment); // still owed, so still committed
        Assert.Equal(Money.Sum(inputs.MonthlyActuals.Where(a => a.S251Line == "1.2.2").Select(a => a.Amount)), forecast.Line("1.2.2").Figures.Actual);
        Assert.DoesNotContain(inputs.MonthlyActuals, a => a.Month == July);
    }

    [Fact]
    public async Task ApprovedInvoiceLines_AreTheActualsOfFeePaidPlacements_AndTheirFeeLinesAreNotCountedTwice()
    {
        await ApprovedInvoiceLineAsync("IND-0412", new(2026, 4, 13), new(2026, 7, 22), 20_000m);
        var (_, beforeRun) = await ForecastAsync();
        Assert.Equal(Money.FromPounds(20_000m), Of(beforeRun, "PL-005").Actual);

        await PayAsync(April); // pays the invoice line as a Fee line under 1.2.3

        var (inputs, forecast) = await ForecastAsync();
        await using (var f = _database.Contexts("reader").Finance)
            Assert.Equal(Money.FromPounds(20_000m), (await f.PaymentLines.SingleAsync(l => l.Kind == PaymentKind.Fee, Ct)).Amount);
        var fees = Of(forecast, "PL-005");
        Assert.Equal("1.2.3", fees.Placement.S251Line);
        Assert.Equal(Money.FromPounds(20_000m), fees.Actual);
        Assert.Equal(Money.FromPounds(20_000m), forecast.Line("1.2.3").Figures.Actual);
        Assert.Equal(Money.FromPounds(20_000m), Money.Sum(inputs.MonthlyActuals.Where(a => a.S251Line == "1.2.3").Select(a => a.Amount)));
    }

    private async Task ApprovedInvoiceLineAsync(string number, LocalDate from, LocalDate to, decimal pounds)
    {
        var (commissioning, finance) = _database.Contexts("finance.officer");
        await using var c = commissioning;
        await using var f = finance;
        var placement = await c.Placements.SingleAsync(p => p.Reference == "PL-005", Ct);
        var now = _clock.GetCurrentInstant();
        var invoice = new Invoice(placement.ProviderId, "IND", number, InvoiceKind.Invoice, from, from, 30, "finance.officer", now, "form", null);
        var amount = Money.FromPounds(pounds);
        var line = invoice.AddLine(new InvoiceLine(placement.Id, "PL-005", "CH-005", "EF", from, to, amount, null, null, null));
        line.Matched(null, amount, amount, InvoiceLineStatus.ReadyToApprove, null);
        line.Approve(amount, "finance.approver", now, null);
        f.Invoices.Add(invoice);
        await f.SaveChangesAsync(Ct);
    }

    private async Task<SnapshotOutcome> TakeSnapshotAsync(LocalDate asAt, string by = "budget.holder")
    {
        var (commissioning, finance) = _database.Contexts(by);
        await using var c = commissioning;
        await using var f = finance;
        return await new TakeBudgetSnapshot(new LoadForecastInputs(c, f), f, _clock, new Placements.Web.Database.BulkSnapshotPlacementWriter()).RunAsync(asAt, by, Budgets, Ct);
    }

    [Fact]
    public async Task TakingAMonthTwice_GivesOneSnapshot_WithEveryPlacementsPart()
    {
        await PayAsync(April, May);

        var first = await TakeSnapshotAsync(AsAt);
        var second = await TakeSnapshotAsync(AsAt.PlusDays(5));

        Assert.True(first.Taken);
        Assert.False(second.Taken);
        Assert.Contains("nothing changed", second.Message);
        await using var f = _database.Contexts("reader").Finance;
        var snapshot = await f.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).SingleAsync(Ct);
        Assert.Equal((June, AsAt, "budget.holder"), (snapshot.Month, snapshot.AsAt, snapshot.TakenBy));
        var (_, live) = await ForecastAsync();
        Assert.Equal(live.Forecast, snapshot.Forecast);
        Assert.Equal(live.Line("1.2.2").Forecast, snapshot.Lines.Single(l => l.S251Line == "1.2.2").Forecast);
        var placements = await f.BudgetSnapshotPlacements.AsNoTracking().Where(p => p.BudgetSnapshotId == snapshot.Id).ToListAsync(Ct);
        Assert.Equal(5, placements.Count);
        Assert.All(placements, p => Assert.Equal(2, p.ChildInitials.Length));
        // Written in bulk (COPY on PostgreSQL, a prepared INSERT on SQLite), each row reads back as the forecast's part.
        Assert.Equal(
            live.Placements.Select(p => (p.Placement.Reference, p.Placement.Stage, p.Placement.ProvisionType, p.Placement.End, p.AnnualRate, p.Actual,
                p.Commitment, p.Pipeline, p.Placement.InvoicedAboveExpected)).OrderBy(x => x.Item1, StringComparer.Ordinal),
            placements.Select(p => (p.PlacementReference, p.Stage, p.ProvisionType, p.End, p.AnnualRate, p.Actual, p.Commitment, p.Pipeline,
                p.InvoicedAboveExpected)).OrderBy(x => x.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ASnapshot_CannotBeChangedOrDeleted_ButTakesNotes()
    {
        await PayAsync(April);
        await TakeSnapshotAsync(AsAt);

        await using (var f = _database.Contexts("meddler").Finance)
        {
            var line = await f.Set<BudgetSnapshotLine>().FirstAsync(Ct);
            f.Entry(line).Property(l => l.Forecast).CurrentValue = Money.FromPounds(1m);
            var changed = await Assert.ThrowsAsync<DomainRuleException>(() => f.SaveChangesAsync(Ct));
            Assert.Equal("BudgetSnapshotsAreImmutable", changed.Rule);
        }
        await using (var f = _database.Contexts("meddler").Finance)
        {
            f.BudgetSnapshots.Remove(await f.BudgetSnapshots.Include(s => s.Lines).SingleAsync(Ct));
            var deleted = await Assert.ThrowsAsync<DomainRuleException>(() => f.SaveChangesAsync(Ct));
            Assert.Equal("BudgetSnapshotsAreImmutable", deleted.Rule);
        }
        await using (var f = _database.Contexts("budget.holder").Finance)
            await new AnnotateBudgetSnapshot(f, _clock).RunAsync(June, "1.2.2", "Two academy placements; no new starts expected before September.", "budget.holder", Ct);

        await using var reader = _database.Contexts("reader").Finance;
        var snapshot = await reader.BudgetSnapshots.AsNoTracking().Include(s => s.Lines).Include(s => s.Notes).SingleAsync(Ct);
        var (_, live) = await ForecastAsync();
        Assert.Equal(live.Line("1.2.2").Forecast, snapshot.Lines.Single(l => l.S251Line == "1.2.2").Forecast);
        var note = Assert.Single(snapshot.Notes);
        Assert.Equal(("1.2.2", "budget.holder"), (note.S251Line, note.WrittenBy));
    }

    [Fact]
    public async Task ABudgetRevision_KeepsItsVersionHistory_AndIsAudited()
    {
        await using (var f = _database.Contexts("budget.holder").Finance)
            await new ReviseBudget(f, _clock).RunAsync(Fy2026, "1.2.2", Money.FromPounds(34_000m), "DSG management plan revised in September", "budget.holder", Ct);
        await using (var f = _database.Contexts("head.of.finance").Finance)
            await new ReviseBudget(f, _clock).RunAsync(Fy2026, "1.2.2", Money.FromPounds(36_500m), "Schools forum agreed a transfer", "head.of.finance", Ct);
        await using (var f = _database.Contexts("budget.holder").Finance)
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
                new ReviseBudget(f, _clock).RunAsync(Fy2026, "1.2.2", Money.FromPounds(40_000m), " ", "budget.holder", Ct));
            Assert.Equal("BudgetRevisionNeedsAReason", refused.Rule);
        }

        await using var reader = _database.Contexts("reader").Finance;
        var line = await reader.BudgetLines.AsNoTracking().Include(l => l.Revisions).SingleAsync(l => l.S251LineCode == "1.2.2", Ct);
        Assert.Equal((3, Money.FromPounds(36_500m)), (line.Version, line.Amount));
        Assert.Equal([(2, 30_000m, 34_000m, "budget.holder"), (3, 34_000m, 36_500m, "head.of.finance")],
            line.Revisions.OrderBy(r => r.Version).Select(r => (r.Version, r.Previous.ToPounds(), r.Amount.ToPounds(), r.RevisedBy)));
        var audit = await reader.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(BudgetLine)).ToListAsync(Ct);
        Assert.Contains(audit, a => a.Actor == "budget.holder" && a.Action == "Changed");
        Assert.Contains(audit, a => a.Actor == "head.of.finance" && a.Action == "Changed");
        var (_, forecast) = await ForecastAsync();
        Assert.Equal(Money.FromPounds(36_500m), forecast.Line("1.2.2").Budget);
    }
}

public sealed class ForecastDatabaseTestsOnSqlite() : ForecastDatabaseTests(DatabaseProvider.Sqlite);

public sealed class ForecastDatabaseTestsOnPostgres() : ForecastDatabaseTests(DatabaseProvider.Postgres);
