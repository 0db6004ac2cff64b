using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Demo;

/// <summary>
/// On an empty database, seeds the demo county and one demo user per role, printing their sign-in
/// details once. <c>Demo:Seed=false</c> switches this off for a council's real database;
/// <c>Demo:Password</c> fixes the demo password (tests use it), otherwise one is generated.
/// </summary>
public static class DemoStartup
{
    public static readonly IReadOnlyDictionary<string, string> DemoUsers = new Dictionary<string, string>
    {
        ["commissioner"] = Roles.Commissioner,
        ["finance.officer"] = Roles.FinanceOfficer,
        ["finance.approver"] = Roles.FinanceApprover,
        ["head.of.finance"] = Roles.FinanceApprover,
        ["panel.member"] = Roles.PanelMember,
        ["budget.holder"] = Roles.BudgetHolder,
        ["admin"] = Roles.Administrator,
    };

    /// <summary>
    /// The demo approvers' limits: a month's top-ups (about £1.2m) exceed the finance approver's, so the head of finance
    /// approves second, as a council's scheme of delegation would require.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Finance.Money> DemoApprovalLimits = new Dictionary<string, Finance.Money>
    {
        ["finance.approver"] = Finance.Money.FromPounds(1_000_000),
        ["head.of.finance"] = Finance.Money.FromPounds(10_000_000),
    };

    public static async Task SeedIfEmptyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var accounts = sp.GetRequiredService<StaffAccounts>();
        await accounts.EnsureRolesAsync();
        if (sp.GetRequiredService<IConfiguration>().GetValue("Demo:Seed", true) is false) return;
        var commissioning = sp.GetRequiredService<CommissioningDb>();
        if (await commissioning.Providers.AnyAsync(cancellationToken) || await accounts.AnyAsync()) return;
        await SeedAsync(sp, output, cancellationToken);
    }

    /// <summary>
    /// Seeds the demo county (with the year's payment runs and budget snapshots unless <c>Demo:PaymentRuns=false</c>), its
    /// Joint Resources Panel (<see cref="DemoPanel"/>: cases always, last month's recharges with the runs) and users whatever
    /// the database holds (the <c>seed-demo</c> verb checks first).
    /// </summary>
    public static async Task SeedAsync(IServiceProvider sp, TextWriter output, CancellationToken cancellationToken = default)
    {
        sp.GetRequiredService<AuditActor>().ActingAs("system:demo-seed");
        var commissioning = sp.GetRequiredService<CommissioningDb>();
        var finance = sp.GetRequiredService<FinanceDb>();
        var today = sp.GetRequiredService<IClock>().TodayInLondon();
        await using (var transaction = await SharedTransaction.BeginAsync(commissioning, finance, cancellationToken))
        {
            await new DemoCounty(commissioning, finance, today).SeedAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // The year so far (Demo:PaymentRuns, default on): April to last month's runs, paid before the invoices arrive (the
        // next run a demo user prepares pays those), then each month's budget snapshot and the DSG years.
        var history = sp.GetRequiredService<IConfiguration>().GetValue("Demo:PaymentRuns", true) ? new DemoHistory(sp, today) : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The panel's cases before the runs: its approvals agree and fund the jointly funded placements the runs then pay;
        // last month's recharges of what those runs paid after them.
        var panel = new DemoPanel(sp, today);
        await panel.SeedCasesAsync(cancellationToken);
        var panelTook = clock.Elapsed;
        clock.Restart();
        if (history is not null) await history.SeedPaymentRunsAsync(cancellationToken);
        var runsTook = clock.Elapsed;
        clock.Restart();
        if (history is not null) await panel.SeedRechargesAsync(cancellationToken);
        panelTook += clock.Elapsed;
        sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoStartup)).LogInformation(
            "Demo panel: referrals, a meeting and its decisions{Recharges} in {Panel:0.00} s", history is null ? "" : ", last month's recharges", panelTook.TotalSeconds);
        await DemoInvoices.SeedInItsOwnTransactionAsync(sp, today, cancellationToken);
        clock.Restart();
        if (history is not null) await history.SeedBudgetHistoryAsync(cancellationToken);
        if (history is not null)
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoStartup)).LogInformation(
                "Demo history: {Months} payment runs in {Runs:0.0} s, budget snapshots and DSG years in {Snapshots:0.0} s",
                history.Months.Count, runsTook.TotalSeconds, clock.Elapsed.TotalSeconds);

        var password = sp.GetRequiredService<IConfiguration>()["Demo:Password"] is { Length: > 0 } fixedPassword ? fixedPassword : GeneratePassword();
        var accounts = sp.GetRequiredService<StaffAccounts>();
        foreach (var (user, role) in DemoUsers)
        {
            var problems = await accounts.AddAsync(user, role, password, $"Demo {role}", DemoApprovalLimits.TryGetValue(user, out var limit) ? limit : null);
            if (problems.Count > 0) throw new InvalidOperationException($"Could not create demo user {user}: {string.Join(" ", problems)}");
        }

        output.WriteLine($"Seeded the demo county ({DemoCounty.CouncilName}). Demo users, each with the password {password} (shown once):");
        foreach (var (user, role) in DemoUsers)
            output.WriteLine($"  {user,-18} {role}" + (DemoApprovalLimits.TryGetValue(user, out var limit) ? $" (approval limit {limit})" : ""));
    }

    private static string GeneratePassword() => "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "!";
}
