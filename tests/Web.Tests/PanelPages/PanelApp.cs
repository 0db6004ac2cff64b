using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using NodaTime.Testing;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelPages;

/// <summary>
/// The real app on the demo county, for the panel pages' tests alone: referrals, meetings and decisions made here touch
/// no other test. Each test refers a child of its own (<see cref="NewChildAsync"/>) to a special academy.
/// </summary>
public class PanelApp : PlacementsApp
{
    public PanelApp() : this(realServer: false) { }

    protected PanelApp(bool realServer) : base(DatabaseProvider.Sqlite, realServer) { }

    /// <summary>Social care is recharged quarterly here, health monthly, so both kinds of period are prepared through the pages.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Panel:RechargeFrequency:SocialCare", "Quarterly")];

    public LocalDate Today => Services.GetRequiredService<IClock>().TodayInLondon();

    /// <summary>A child with no placement yet, so a proposed placement for them can be agreed.</summary>
    public Task<string> NewChildAsync() => NewChildAsync(Services);

    public static async Task<string> NewChildAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("test:panel-pages");
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var reference = "JRP" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var la = scope.ServiceProvider.GetRequiredService<CouncilSettings>().LaCode;
        db.Children.Add(new Child(reference, "Pat", "Quinn", new LocalDate(2014, 5, 1), Need.ASD, la));
        await db.SaveChangesAsync();
        return reference;
    }

    /// <summary>A special academy of the demo county (its placements are funded by an agreed annual top-up).</summary>
    public static async Task<string> AcademyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        return await db.Providers.Where(p => p.ProvisionType == ProvisionType.SpecialAcademy || p.ProvisionType == ProvisionType.MaintainedSpecial)
            .OrderBy(p => p.Reference).Select(p => p.Reference).FirstAsync();
    }

    public Task<string> AcademyAsync() => AcademyAsync(Services);

    public async Task<PlacementStatus> PlacementStatusAsync(string placementReference)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommissioningDb>().Placements.Where(p => p.Reference == placementReference).Select(p => p.Status).SingleAsync();
    }

    public async Task<Referral> ReferralAsync(string reference)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceDb>().Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
    }

    public async Task<IReadOnlyList<PanelDecision>> DecisionsAsync(string referralReference)
    {
        await using var scope = Services.CreateAsyncScope();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var id = await finance.Referrals.Where(r => r.Reference == referralReference).Select(r => r.Id).SingleAsync();
        return (await finance.PanelDecisions.AsNoTracking().Where(d => d.ReferralId == id).ToListAsync()).OrderBy(d => d.EffectiveFrom).ToList();
    }
}

/// <summary>
/// The panel app for the recharge tests alone, with a payment run of its own: a period is recharged to a partner once,
/// so these tests do not share statements with the others.
/// </summary>
public class PanelRechargesApp : PanelApp
{
    public PanelRechargesApp() : this(realServer: false) { }

    protected PanelRechargesApp(bool realServer) : base(realServer) { }

    /// <summary>Both partners recharged monthly (the default).</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    /// <summary>
    /// Prepares and approves <paramref name="month"/>'s payment run as if on its 5th (6:00 and 9:00 UTC), by two people, so
    /// the run belongs to that month's recharge period.
    /// </summary>
    public async Task PayAsync(YearMonth month)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (commissioning, finance) = (services.GetRequiredService<CommissioningDb>(), services.GetRequiredService<FinanceDb>());
        var fifth = month.OnDayOfMonth(5);
        var settings = new PaymentSettings(services.GetRequiredService<CouncilSettings>().LaCode, month);
        services.GetRequiredService<AuditActor>().ActingAs("finance.officer");
        await new PreparePaymentRun(commissioning, finance, new FakeClock(Instant.FromUtc(fifth.Year, fifth.Month, 5, 6, 0))).RunAsync(month, "finance.officer", settings);
        services.GetRequiredService<AuditActor>().ActingAs("finance.approver");
        var run = await new ApprovePaymentRun(finance, new FakeClock(Instant.FromUtc(fifth.Year, fifth.Month, 5, 9, 0)))
            .ApproveAsync(month, new Approver("finance.approver", Money.FromPounds(100_000_000m)), null);
        if (!run.IsApproved) throw new InvalidOperationException($"{month}'s run was not approved.");
    }
}

/// <summary>
/// The panel's recharge app on a real socket, for the browser test that holds a meeting and then recharges what the
/// next run paid: its payment run and statements are its own, not the shared browser app's.
/// </summary>
public sealed class PanelBrowserApp() : PanelRechargesApp(realServer: true)
{
    public string BaseAddress => ClientOptions.BaseAddress.ToString().TrimEnd('/');
}
