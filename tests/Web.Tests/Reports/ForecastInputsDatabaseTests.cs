using NodaTime;
using NodaTime.Testing;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Reports;

/// <summary>
/// What the forecast reads of a fee-paid placement whose spring term runs past 31 March, on a real migrated database.
/// Hillside (independent special) charges PL-1 £36,000 a year, termly in advance in equal thirds (£12,000 a term). The
/// spring 2027 term runs 4 January to Thursday 1 April 2027; its invoice, approved in January, belongs to 2026/27 (the
/// year its period starts in) and covers 1 April 2027 too, so the 2027/28 forecast must not commit that day again.
/// </summary>
public sealed class ForecastInputsDatabaseTests : IAsyncLifetime
{
    private const string Council = "320";
    private static readonly FinancialYear Fy2026 = new(2026), Fy2027 = new(2027);
    private static readonly DateInterval Spring2027 = new(new(2027, 1, 4), new(2027, 4, 1));

    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 1, 10, 9, 0), Duration.FromMinutes(1));
    private ModuleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ModuleDatabase.CreateAsync(DatabaseProvider.Sqlite, _clock, Ct);
        var (commissioning, finance) = _database.Contexts("setup");
        await using var c = commissioning;
        await using var f = finance;
        for (var y = 2025; y <= 2027; y++)
        {
            var year = new AcademicYear(y);
            c.Terms.AddRange(
                new Term(year, new(y, 9, 2), new(y, 12, 18)),
                new Term(year, new(y + 1, 1, 4), y == 2026 ? new(2027, 4, 1) : new(y + 1, 3, 26)),
                new Term(year, new(y + 1, 4, 19), new(y + 1, 7, 21)));
        }
        var hillside = new Provider("IND", "Hillside School", ProvisionType.IndependentSpecial, "881", Phase.Secondary);
        c.Providers.Add(hillside);
        var child = new Child("CH-1", "Amy", "Bell", new LocalDate(2014, 5, 1), Need.ASD, Council);
        c.Children.Add(child);
        await c.SaveChangesAsync(Ct);
        var placement = new Placement("PL-1", child.Id, hillside.Id, new LocalDate(2025, 9, 1), null, Council);
        placement.Agree(true, null);
        c.Placements.Add(placement);
        await c.SaveChangesAsync(Ct);

        var agreement = new PlacementAgreement(placement.Id, "PL-1", hillside.Id, "IND", InvoicingPattern.TermlyInAdvance, TermSplit.EqualThirds,
            true, "One term", new LocalDate(2027, 4, 1), 30, null);
        agreement.ChangeFee(AgreementFee.Annual(new LocalDate(2025, 9, 1), Money.FromPounds(36_000m)));
        f.PlacementAgreements.Add(agreement);
        await f.SaveChangesAsync(Ct);

        var invoice = new Invoice(hillside.Id, "IND", "INV-1", InvoiceKind.Invoice, new(2027, 1, 5), new(2027, 1, 5), 30, "officer", _clock.GetCurrentInstant(), "form", null);
        var line = invoice.AddLine(new InvoiceLine(placement.Id, "PL-1", "CH-1", "AB", Spring2027.Start, Spring2027.End, Money.FromPounds(12_000m), null, null, null));
        f.Invoices.Add(invoice);
        await f.SaveChangesAsync(Ct);
        line.Matched(agreement.Id, Money.FromPounds(12_000m), Money.FromPounds(12_000m), InvoiceLineStatus.ReadyToApprove, null);
        line.Approve(Money.FromPounds(12_000m), "approver", _clock.GetCurrentInstant(), null);
        await f.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<ForecastPlacement> LoadAsync(FinancialYear year, LocalDate asAt)
    {
        var (commissioning, finance) = _database.Contexts("reader");
        await using var c = commissioning;
        await using var f = finance;
        var inputs = await new LoadForecastInputs(c, f).LoadAsync(year, asAt, new BudgetSettings(Council, new YearMonth(2026, 4), RagThresholds.Default), Ct);
        return Assert.Single(inputs.Placements);
    }

    [Fact]
    public async Task SpringInvoiceRunningInto2027_28_IsPaidIn2026_27_ButStillCoversItsDaysInApril()
    {
        var thisYear = await LoadAsync(Fy2026, new LocalDate(2027, 3, 20));
        Assert.Equal(Money.FromPounds(12_000m), thisYear.Actual);

        var nextYear = await LoadAsync(Fy2027, new LocalDate(2027, 4, 20));
        Assert.Equal(Money.Zero, nextYear.Actual); // the money belongs to 2026/27
        Assert.Contains(nextYear.Invoiced, period => period.Contains(new LocalDate(2027, 4, 1)));
        var onRoll = new DateInterval(Fy2027.Start, Fy2027.End);
        Assert.Equal(new DateInterval(new(2027, 4, 2), Fy2027.End), Assert.Single(HighNeedsForecast.Uncovered(onRoll, nextYear.Invoiced)));
    }
}
