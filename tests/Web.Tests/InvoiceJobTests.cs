using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Finance;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Jobs;
using Placements.Web.Tests.Infrastructure;
using Quartz;

namespace Placements.Web.Tests;

/// <summary>
/// The daily invoice-deadline check on Quartz: fired through the scheduler (not by calling the class), the flags change;
/// the trigger is 07:00 every day in London and fires once after downtime; the invoice settings come from configuration.
/// </summary>
public sealed class InvoiceJobTests(SqliteApp sqlite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An app of its own with no demo county, so the invoices here are the only ones the check sees.</summary>
    private sealed class EmptyApp() : PlacementsApp(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];
    }

    [Fact]
    public async Task TheJob_FiredThroughTheScheduler_FlagsInvoicesDueSoonAndOverdue()
    {
        await using var app = new EmptyApp();
        await app.InitializeAsync();
        var today = SystemClock.Instance.TodayInLondon();
        // Received 25 days ago → due in 5 days (within 7): due soon. Received 40 days ago → due 10 days ago: overdue.
        // Received today → due in 30 days: no flag.
        var numbers = new Dictionary<string, int> { ["DUE-SOON"] = 25, ["OVERDUE"] = 40, ["NOT-YET"] = 0 };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
            foreach (var (number, daysAgo) in numbers)
            {
                var received = today.PlusDays(-daysAgo);
                var invoice = new Invoice(1, "IND", number, InvoiceKind.Invoice, received, received, 30, "finance.officer",
                    SystemClock.Instance.GetCurrentInstant(), "form", null);
                invoice.AddLine(new InvoiceLine(1, "PL-1", "CH-1", "AB", received, received.PlusDays(27), Money.FromPounds(1_000m), null, null, null))
                    .Matched(null, Money.FromPounds(1_000m), Money.FromPounds(1_000m), InvoiceLineStatus.ReadyToApprove, null);
                finance.Invoices.Add(invoice);
            }
            await finance.SaveChangesAsync(Ct);
        }
        var scheduler = await app.SchedulerAsync();

        await scheduler.TriggerJob(InvoiceDeadlineJob.Key, Ct);

        var flags = await WaitForCheckAsync(app, today);
        Assert.Equal("DueSoon", flags["DUE-SOON"]);
        Assert.Equal("Overdue", flags["OVERDUE"]);
        Assert.Null(flags["NOT-YET"]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<FinanceDb>().AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Invoice) && a.Action == "Changed").ToListAsync(Ct);
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.Equal(InvoiceDeadlineJob.ScheduledActor, a.Actor));
        }
    }

    [Fact]
    public async Task TheDailyTrigger_Is7InLondon_AndAMisfireRunsOnceWhenTheAppReturns()
    {
        var next = await sqlite.AssertLondonTriggerAsync(JobsSetup.InvoiceDeadlineTrigger, InvoiceDeadlineJob.Key, "0 0 7 * * ?");

        Assert.Equal(new TimeSpan(7, 0, 0), next.TimeOfDay);
    }

    [Fact]
    public void TheInvoiceSettings_ComeFromConfiguration_WithDefaults()
    {
        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

        var defaults = InvoiceServices.SettingsFrom(Config());
        Assert.Equal((Money.FromPounds(5.00m), 0.5m, 7), (defaults.Tolerance.Absolute, defaults.Tolerance.Percent, defaults.DueSoonDays));

        var set = InvoiceServices.SettingsFrom(Config(("Invoices:Tolerance:Amount", "10.50"), ("Invoices:Tolerance:Percent", "1.25"), ("Invoices:DueSoonDays", "10")));
        Assert.Equal((Money.FromPounds(10.50m), 1.25m, 10), (set.Tolerance.Absolute, set.Tolerance.Percent, set.DueSoonDays));

        Assert.Throws<StartupProblem>(() => InvoiceServices.SettingsFrom(Config(("Invoices:Tolerance:Amount", "-1"))));
        Assert.Throws<StartupProblem>(() => InvoiceServices.SettingsFrom(Config(("Invoices:Tolerance:Percent", "half"))));
        Assert.Throws<StartupProblem>(() => InvoiceServices.SettingsFrom(Config(("Invoices:DueSoonDays", "2.5"))));

        // The app resolves the settings and every invoice use case.
        using var scope = sqlite.Services.CreateScope();
        Assert.Equal(InvoiceSettings.Default.Tolerance, scope.ServiceProvider.GetRequiredService<InvoiceSettings>().Tolerance);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CheckInvoiceDeadlines>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ApproveInvoice>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<QueryInvoiceLine>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<RecordLatePaymentInterest>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Finance.Agreements.SavePlacementAgreement>());
    }


    private static async Task<Dictionary<string, string?>> WaitForCheckAsync(PlacementsApp app, LocalDate today)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var invoices = await scope.ServiceProvider.GetRequiredService<FinanceDb>().Invoices.AsNoTracking().ToListAsync(Ct);
                if (invoices.All(i => i.DeadlineCheckedOn == today)) return invoices.ToDictionary(i => i.Number, i => i.DeadlineFlag);
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The deadline check did not run within 90 s of firing the job.");
            await Task.Delay(250, Ct);
        }
    }
}
