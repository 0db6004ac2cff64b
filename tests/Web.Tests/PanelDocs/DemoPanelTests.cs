using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Finance;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Reports.Pdf;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelDocs;

/// <summary>The demo county with its year so far (<c>Demo:PaymentRuns=true</c>, as <c>dotnet run</c> seeds it), for the panel's demo data.</summary>
public sealed class PanelDemoApp() : PlacementsApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:PaymentRuns", "true")];
}

/// <summary>
/// The demo county's Joint Resources Panel: referrals in every state, a meeting early in September with members of all
/// three partners that approved two cases (by percentages and by fixed sums), declined one and deferred one, a later
/// change of split, reviews due and overdue, and last month's recharges to health and social care paid by the seeded runs.
/// </summary>
public sealed class DemoPanelTests(PanelDemoApp app) : IClassFixture<PanelDemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly LocalDate Today = SystemClock.Instance.TodayInLondon();

    private async Task<T> ReadAsync<T>(Func<CommissioningDb, FinanceDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CommissioningDb>(), scope.ServiceProvider.GetRequiredService<FinanceDb>());
    }

    [Fact]
    public async Task TheDemo_HasReferralsDraftSubmittedAndDecided_AndAMeetingOfAllThreePartners()
    {
        var (referrals, meetings) = await ReadAsync(async (_, f) =>
            (await f.Referrals.AsNoTracking().ToListAsync(Ct), await f.PanelMeetings.AsNoTracking().Include(m => m.Members).ToListAsync(Ct)));

        Assert.Equal(6, referrals.Count);
        Assert.Single(referrals, r => r.Status == ReferralStatus.Draft);
        Assert.Equal(2, referrals.Count(r => r.Status == ReferralStatus.Submitted)); // one new, one deferred back to the list
        Assert.Equal(3, referrals.Count(r => r.Status == ReferralStatus.Decided));
        var meeting = Assert.Single(meetings);
        Assert.Equal(9, meeting.Date.Month);
        Assert.Equal([Partner.Education, Partner.Health, Partner.SocialCare], meeting.Members.Select(m => m.Partner).Order());
        Assert.All(referrals, r => Assert.Matches(@"^JRP-\d{4}-\d{4}$", r.Reference));
    }

    [Fact]
    public async Task TheDecisions_HaveValidSplits_ASupersedingChange_AndReviewsDueAndOverdue()
    {
        var (decisions, placements, referrals) = await ReadAsync(async (c, f) =>
        {
            var made = await f.PanelDecisions.AsNoTracking().ToListAsync(Ct);
            var ids = made.Select(d => d.PlacementId).ToList();
            return (made, await c.Placements.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(Ct), await f.Referrals.AsNoTracking().ToListAsync(Ct));
        });

        var outcomes = decisions.Where(d => d.SupersedesId is null).Select(d => d.Outcome).Order().ToList();
        Assert.Equal([PanelOutcome.Approve, PanelOutcome.ApproveWithConditions, PanelOutcome.Defer, PanelOutcome.Decline], outcomes);
        foreach (var decision in decisions.Where(d => d.Approves))
        {
            var split = decision.Split!;
            Assert.Equal(100m, split.Shares.Sum(s => s.Percent), 2);
            Assert.Equal(split.AnnualCost, Money.Sum(split.Shares.Select(s => s.AnnualSum)));
            Assert.Equal(PlacementStatus.Agreed, placements.Single(p => p.Id == decision.PlacementId).Status);
        }
        Assert.Contains(decisions, d => d.SplitBasis == SplitBasis.Percentages && d.SupersedesId is null && d.HealthPercent == 30m && d.SocialCarePercent == 20m);
        Assert.Contains(decisions, d => d.SplitBasis == SplitBasis.FixedAnnualSums && d.HealthSum == Money.FromPounds(12_000m));
        var change = Assert.Single(decisions, d => d.SupersedesId is not null);
        Assert.Equal((40m, 30m), (change.EducationPercent, change.SocialCarePercent));

        var reviews = await ReadAsync((_, f) => new PanelQueries(f).ReviewsDueAsync(Today, Today.PlusMonths(3), Ct));
        Assert.Contains(reviews, r => r.Overdue);
        Assert.Contains(reviews, r => !r.Overdue);
        Assert.Single(referrals, r => r.ReviewOverdueSince is not null);
    }

    [Fact]
    public async Task LastMonthsRecharges_ToHealthAndSocialCare_AddUp_AndNameNoChild()
    {
        var lastMonth = Today.ToYearMonth().PlusMonths(-1);
        var (statements, names, decisions, referrals) = await ReadAsync(async (c, f) =>
        {
            var found = await f.RechargeStatements.AsNoTracking().Include(s => s.Lines).Include(s => s.Receipts).AsSplitQuery().ToListAsync(Ct);
            var children = await c.Children.AsNoTracking().Select(x => new { x.GivenName, x.FamilyName }).ToListAsync(Ct);
            return (found, children.Select(x => $"{x.GivenName} {x.FamilyName}").ToHashSet(),
                await f.PanelDecisions.AsNoTracking().ToListAsync(Ct), await f.Referrals.AsNoTracking().ToListAsync(Ct));
        });

        Assert.Equal([Partner.Health, Partner.SocialCare], statements.Where(s => s.PeriodStart == lastMonth.OnDayOfMonth(1)).Select(s => s.Partner).Order());
        foreach (var statement in statements)
        {
            Assert.True(statement.Total.Pence > 0, $"{statement.Reference} totals {statement.Total}");
            Assert.Equal(statement.Total, Money.Sum(statement.Lines.Select(l => l.Share)));
            Assert.Equal(2, statement.Lines.Select(l => l.PlacementReference).Distinct().Count()); // both jointly funded placements were paid
            foreach (var line in statement.Lines)
                Assert.DoesNotContain(names, n => line.Description.Contains(n, StringComparison.OrdinalIgnoreCase) || line.ChildInitials.Length > 3);
            var text = PdfReading.Text(PanelDocumentsPdf.RechargeStatement(new RechargeStatementDocument("Wessex Vale Council", statement)));
            Assert.DoesNotContain(names, n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
        }
        var health = statements.Single(s => s.Partner == Partner.Health);
        Assert.True(health.Received.Pence > 0 && health.Outstanding.Pence > 0, $"part paid: received {health.Received}, outstanding {health.Outstanding}");

        foreach (var decision in decisions)
            Assert.DoesNotContain(names, n => decision.Reasons.Contains(n, StringComparison.OrdinalIgnoreCase) || (decision.Conditions ?? "").Contains(n, StringComparison.OrdinalIgnoreCase));
        foreach (var referral in referrals)
            Assert.DoesNotContain(names, n => referral.NeedsSummary.Contains(n, StringComparison.OrdinalIgnoreCase));
    }
}
