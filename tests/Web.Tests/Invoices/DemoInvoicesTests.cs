using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Demo;
using Placements.Web.Hosting;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// The demo county as seeded by the real app (the assembly's SQLite app): agreements for every active independent placement
/// but two, the base rate table, and a quarter of invoices with at least one line or invoice in every state, recorded and
/// decided by two different officers, and no child's name on any invoice line.
/// </summary>
public sealed class DemoInvoicesTests(SqliteApp app)
{
    [Fact]
    public async Task EveryActiveIndependentPlacementButTwo_HasAnAgreement()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (commissioning, finance, today) = Resolve(scope);
        var independent = (await (from p in commissioning.Placements
                                  join provider in commissioning.Providers on p.ProviderId equals provider.Id
                                  where provider.ProvisionType == ProvisionType.IndependentSpecial && p.Status == PlacementStatus.Agreed
                                  select p).ToListAsync(TestContext.Current.CancellationToken))
            .Where(p => p.IsActiveOn(today)).Select(p => p.Id).ToHashSet();
        var agreed = await finance.PlacementAgreements.Select(a => a.PlacementId).ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(independent.Count > 20, $"the demo has many independent placements ({independent.Count})");
        Assert.Subset(independent, agreed.ToHashSet());
        var without = independent.Except(agreed).ToList();
        Assert.Equal(DemoInvoices.WithoutAgreement, without.Count);
        // The two without an agreement are the queue's lines "to match".
        Assert.True(await finance.InvoiceLines.AnyAsync(l => without.Contains(l.PlacementId) && l.Status == InvoiceLineStatus.Unmatched,
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheQuarter_HasInvoicesInEveryState()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, finance, today) = Resolve(scope);
        var ct = TestContext.Current.CancellationToken;
        var statuses = await finance.InvoiceLines.Select(l => l.Status).Distinct().ToListAsync(ct);

        Assert.All(Enum.GetValues<InvoiceLineStatus>(), s => Assert.Contains(s, statuses));
        Assert.True(await finance.Invoices.AnyAsync(i => i.DeadlineFlag == "DueSoon", ct), "an invoice due soon");
        Assert.True(await finance.Invoices.AnyAsync(i => i.DeadlineFlag == "Overdue", ct), "an overdue invoice");
        Assert.True(await finance.Invoices.AnyAsync(i => i.Kind == InvoiceKind.CreditNote, ct), "a credit note");
        var partly = await finance.InvoiceLines.FirstAsync(l => l.Status == InvoiceLineStatus.PartlyApproved, ct);
        Assert.NotNull(partly.ApprovalNote);
        Assert.True(partly.Disputed.Pence > 0, "the partly approved line keeps a disputed part");
        Assert.True(await finance.InvoiceLines.AnyAsync(l => l.Status == InvoiceLineStatus.Queried && l.QueryReason != null, ct));

        // The periods of the last quarter (a 52-week summer term is invoiced in March), received by today whatever the date,
        // recorded and approved by different officers.
        var invoices = await finance.Invoices.AsNoTracking().ToListAsync(ct);
        Assert.All(invoices, i => Assert.InRange(i.ReceivedOn, today.PlusMonths(-9), today));
        Assert.All(invoices, i => Assert.Equal(DemoInvoices.Officer, i.RecordedBy));
        var approvers = await finance.InvoiceLines.Where(l => l.ApprovedBy != null).Select(l => l.ApprovedBy).Distinct().ToListAsync(ct);
        Assert.Equal(DemoInvoices.Approver, Assert.Single(approvers));
    }

    [Fact]
    public async Task MostOfTheLatestLines_MatchTheirAgreementExactly()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, finance, _) = Resolve(scope);
        var ready = await finance.InvoiceLines.AsNoTracking().Where(l => l.Status == InvoiceLineStatus.ReadyToApprove && l.CreditsLineId == null)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(ready.Count >= 10, $"many lines are ready to approve ({ready.Count})");
        Assert.All(ready, l => Assert.Equal(l.Expected, l.NetInvoiced));
    }

    [Fact]
    public async Task TheBaseRateTable_RunsFromMarch2020ToAugust2025()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, finance, _) = Resolve(scope);
        var rates = await finance.BaseRates.AsNoTracking().OrderBy(r => r.EffectiveFrom).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(19, rates.Count);
        Assert.Equal((new LocalDate(2020, 3, 19), 10), (rates[0].EffectiveFrom, rates[0].BasisPoints));
        Assert.Equal((new LocalDate(2023, 8, 3), 525), (rates[13].EffectiveFrom, rates[13].BasisPoints));
        Assert.Equal((new LocalDate(2025, 8, 7), 400), (rates[^1].EffectiveFrom, rates[^1].BasisPoints));
    }

    [Fact]
    public async Task NoInvoiceLine_HoldsAChildsFullName()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (commissioning, finance, _) = Resolve(scope);
        var ct = TestContext.Current.CancellationToken;
        var names = (await commissioning.Children.Select(c => new { c.GivenName, c.FamilyName }).ToListAsync(ct))
            .Select(c => $"{c.GivenName} {c.FamilyName}").ToHashSet();
        var lines = await finance.InvoiceLines.AsNoTracking().ToListAsync(ct);

        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            Assert.InRange(l.ChildInitials.Length, 1, 3);
            var text = string.Join(" | ", l.ChildReference, l.ChildInitials, l.PlacementReference, l.Description, l.QueryReason, l.ApprovalNote, l.DuplicateOverrideReason);
            Assert.DoesNotContain(names, n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
        });
    }

    private static (CommissioningDb, FinanceDb, LocalDate) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<CommissioningDb>(), scope.ServiceProvider.GetRequiredService<FinanceDb>(),
         scope.ServiceProvider.GetRequiredService<IClock>().TodayInLondon());
}
