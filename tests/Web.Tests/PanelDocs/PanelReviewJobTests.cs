using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Jobs;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;
using Quartz;

namespace Placements.Web.Tests.PanelDocs;

/// <summary>
/// The daily panel review check on Quartz: fired through the scheduler (not by calling the class), a case whose review
/// date has passed is flagged, as the job's actor; the trigger is 07:30 every day in London and fires once after downtime.
/// </summary>
public sealed class PanelReviewJobTests(SqliteApp sqlite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An app of its own with no demo county, so the case here is the only one the check sees.</summary>
    private sealed class EmptyApp() : PlacementsApp(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];
    }

    [Fact]
    public async Task TheJob_FiredThroughTheScheduler_FlagsACaseOverdueForReview()
    {
        await using var app = new EmptyApp();
        await app.InitializeAsync();
        var today = SystemClock.Instance.TodayInLondon();
        var start = today.PlusDays(-60);
        var review = today.PlusDays(-1);
        // Each use case in a scope of its own, as one request: one writing both modules leaves its contexts enlisted in its finished transaction.
        async Task<T> Use<T>(Func<IServiceProvider, Task<T>> act)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("test:panel");
            return await act(scope.ServiceProvider);
        }
        await Use(sp =>
        {
            var commissioning = sp.GetRequiredService<CommissioningDb>();
            commissioning.Providers.Add(new Provider("ACAD", "Oakfield Academy", ProvisionType.SpecialAcademy, "320", Phase.Secondary));
            commissioning.Children.AddRange(new Child("CH-1", "Amy", "Brown", new LocalDate(2013, 3, 1), Need.ASD, "320"),
                new Child("CH-2", "Ben", "Carter", new LocalDate(2012, 5, 1), Need.SEMH, "320"));
            return commissioning.SaveChangesAsync(Ct);
        });
        Task<string> Refer(string child) => Use(async sp => (await sp.GetRequiredService<MakeReferral>().RunAsync(new ReferralDraft(
            new PlacementProposal(child, "ACAD", start, null, Attendance.Day, "320", null, false), Money.FromPounds(30_000m), Money.FromPounds(20_000m),
            Money.FromPounds(10_000m), "Complex needs.", true, true, null), "test:panel", Ct)).Reference);
        var (overdue, notYet) = (await Refer("CH-1"), await Refer("CH-2"));
        foreach (var reference in new[] { overdue, notYet }) await Use(sp => sp.GetRequiredService<SubmitReferral>().RunAsync(reference, Ct));
        await Use(sp => sp.GetRequiredService<PlanPanelMeeting>().RunAsync(start.PlusDays(-10), null,
            [("Jo Head", Partner.Education, null), ("Sam Nurse", Partner.Health, null), ("Lee Social", Partner.SocialCare, null)], [overdue, notYet], Ct));
        var split = CostSplit.ByPercentages(Money.FromPounds(60_000m), new Dictionary<Partner, decimal>
            { [Partner.Education] = 50, [Partner.Health] = 30, [Partner.SocialCare] = 20 });
        await Use(sp => sp.GetRequiredService<DecideCase>().RunAsync(new CaseDecision(overdue, PanelOutcome.Approve, "Approved.", null, start, review, split), "test:panel", Ct));
        await Use(sp => sp.GetRequiredService<DecideCase>().RunAsync(new CaseDecision(notYet, PanelOutcome.Approve, "Approved.", null, start, today, split), "test:panel", Ct));
        var scheduler = await app.SchedulerAsync();

        await scheduler.TriggerJob(PanelReviewJob.Key, Ct);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
            var flags = await finance.Referrals.AsNoTracking().ToDictionaryAsync(r => r.Reference, r => r.ReviewOverdueSince, Ct);
            if (flags[overdue] is not null)
            {
                Assert.Equal(review, flags[overdue]);
                Assert.Null(flags[notYet]); // reviewed today is not yet overdue
                var audit = await finance.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == nameof(Referral) && a.Action == "Changed" && a.Actor == PanelReviewJob.ScheduledActor).CountAsync(Ct);
                Assert.Equal(1, audit);
                break;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The review check did not run within 90 s of firing the job.");
            await Task.Delay(250, Ct);
        }
    }

    [Fact]
    public async Task TheDailyTrigger_Is0730InLondon_AndAMisfireRunsOnceWhenTheAppReturns()
    {
        var next = await sqlite.AssertLondonTriggerAsync(JobsSetup.PanelReviewTrigger, PanelReviewJob.Key, "0 30 7 * * ?");

        Assert.Equal(new TimeSpan(7, 30, 0), next.TimeOfDay);
    }

}
