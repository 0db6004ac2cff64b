using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Jobs;
using Placements.Web.Tests.Infrastructure;
using Quartz;

namespace Placements.Web.Tests.PanelDocs;

/// <summary>
/// The monthly recharge on Quartz: fired through the scheduler, it prepares last month's statements for the partners whose
/// period ends with it (health quarterly here, social care monthly), as the job's actor; the trigger is 08:00 on the
/// 1st in London and fires once after downtime. (A second fire prepares nothing: the use case's tests show a period is
/// recharged once.)
/// </summary>
public sealed class RechargeJobTests(SqliteApp sqlite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An app of its own with no demo county, health recharged quarterly.</summary>
    private sealed class QuarterlyHealthApp() : PlacementsApp(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("Demo:Seed", "false"), new("Panel:RechargeFrequency:Health", "Quarterly")];
    }

    [Fact]
    public async Task TheJob_FiredThroughTheScheduler_PreparesTheStatementsDue()
    {
        await using var app = new QuarterlyHealthApp();
        await app.InitializeAsync();
        var lastMonth = SystemClock.Instance.TodayInLondon().ToYearMonth().PlusMonths(-1);
        var schedule = app.Services.GetRequiredService<RechargeSchedule>();
        Assert.Equal(new RechargeSchedule(RechargeFrequency.Quarterly, RechargeFrequency.Monthly), schedule);
        // Social care every month; health only when last month ended a quarter.
        var expected = schedule.EndingWith(lastMonth).Select(p => (p, schedule.PeriodContaining(p, lastMonth).Start)).ToList();
        Assert.Contains((Partner.SocialCare, lastMonth.OnDayOfMonth(1)), expected);
        var scheduler = await app.SchedulerAsync();

        await scheduler.TriggerJob(RechargeJob.Key, Ct);
        var prepared = await WaitForStatementsAsync(app, expected.Count);

        Assert.Equal(expected, prepared.Select(s => (s.Partner, s.PeriodStart)));
        Assert.All(prepared, s => Assert.Equal(RechargeJob.ScheduledActor, s.PreparedBy));
    }

    [Fact]
    public void TheRechargeSchedule_ComesFromConfiguration_ByName_MonthlyByDefault()
    {
        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

        Assert.Equal(RechargeSchedule.Monthly, PanelServices.ScheduleFrom(Config()));
        Assert.Equal(new RechargeSchedule(RechargeFrequency.Quarterly, RechargeFrequency.Monthly),
            PanelServices.ScheduleFrom(Config(("Panel:RechargeFrequency:Health", " quarterly "), ("Panel:RechargeFrequency:SocialCare", "Monthly"))));
        foreach (var bad in new[] { "1", "Weekly", "Quarter" })
            Assert.Equal($"Panel:RechargeFrequency:SocialCare '{bad}' is neither Monthly nor Quarterly.",
                Assert.Throws<StartupProblem>(() => PanelServices.ScheduleFrom(Config(("Panel:RechargeFrequency:SocialCare", bad)))).Message);
    }

    [Fact]
    public async Task TheMonthlyTrigger_Is0800OnThe1stInLondon_AndAMisfireRunsOnceWhenTheAppReturns()
    {
        var next = await sqlite.AssertLondonTriggerAsync(JobsSetup.RechargeTrigger, RechargeJob.Key, "0 0 8 1 * ?");

        Assert.Equal((1, new TimeSpan(8, 0, 0)), (next.Day, next.TimeOfDay));
    }

    private static async Task<List<RechargeStatement>> StatementsAsync(PlacementsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceDb>().RechargeStatements.AsNoTracking()
            .OrderBy(s => s.Partner).ToListAsync(Ct);
    }

    private static async Task<List<RechargeStatement>> WaitForStatementsAsync(PlacementsApp app, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var statements = await StatementsAsync(app);
            if (statements.Count >= count) return statements;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The recharge job prepared {statements.Count} of {count} statements within 90 s of firing.");
            await Task.Delay(250, Ct);
        }
    }

}
