using System.Globalization;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using NodaTime.Text;
using Placements.Accounts;
using Placements.Commissioning;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Cli;

/// <summary>
/// <c>panel recharges --month 2026-11 [--partner Health|SocialCare] --as &lt;user&gt;</c> prepares the recharge statements
/// for health and social care, or one of them, of the month — or of its quarter for a partner recharged quarterly
/// (<c>Panel:RechargeFrequency:*</c>) — and prints each partner's total; <c>panel check-reviews</c> runs the daily review check now, for a missed morning. Bad
/// usage exits 2; a refusal (the period is not over, an unknown user) exits 1.
/// </summary>
internal static class PanelCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, Func<string[], string, string?> option, string usage)
    {
        var action = args.Length > 1 ? args[1] : "";
        if (action == "check-reviews" && args.Length == 2)
        {
            var today = sp.GetRequiredService<IClock>().TodayInLondon();
            var (overdue, changed) = await sp.GetRequiredService<CheckPanelReviews>().RunAsync(today);
            Console.WriteLine($"Checked panel reviews on {today:d MMMM uuuu}: {overdue} overdue for review, {changed} changed.");
            return 0;
        }
        if (action != "recharges")
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        if (option(args, "--month") is not { } monthText || !YearMonthPattern.Iso.Parse(monthText).TryGetValue(default, out var month))
        {
            Console.Error.WriteLine(args.Contains("--month") && option(args, "--month") is { } bad
                ? $"--month '{bad}' is not a month: give it as YYYY-MM, like 2026-11." : "Give the month to recharge: --month YYYY-MM.");
            Console.Error.WriteLine(usage);
            return 2;
        }
        IReadOnlyList<Partner> partners = [Partner.Health, Partner.SocialCare];
        if (option(args, "--partner") is { } partnerText)
        {
            if (!Enum.TryParse<Partner>(partnerText, ignoreCase: true, out var partner) || partner == Partner.Education || int.TryParse(partnerText, out _))
            {
                Console.Error.WriteLine($"--partner '{partnerText}' is not a partner recharged: Health or SocialCare (education is the council's own budget).");
                return 2;
            }
            partners = [partner];
        }
        if (option(args, "--as") is not { } user || user.StartsWith('-'))
        {
            Console.Error.WriteLine("Say who prepares the statements: --as <user>.");
            Console.Error.WriteLine(usage);
            return 2;
        }
        if (!await MayPrepareAsync(sp, user))
        {
            Console.Error.WriteLine($"'{user}' is not a panel member, finance officer, finance approver or administrator, so cannot prepare recharge statements.");
            return 1;
        }
        sp.GetRequiredService<AuditActor>().ActingAs(user);
        try
        {
            var outcome = await sp.GetRequiredService<PrepareRechargeStatements>().RunAsync(month, partners, user);
            if (outcome.Statements.Count == 0)
            {
                Console.WriteLine(outcome.Message);
                return 0;
            }
            Console.WriteLine("Prepared the recharge statements:");
            foreach (var statement in outcome.Statements)
                Console.WriteLine($"  {statement.Reference}  {CostSplit.DescribePartner(statement.Partner),-13} {statement.PeriodStart.ToString("d MMMM yyyy", EnGb)} to " +
                    $"{statement.PeriodEnd.ToString("d MMMM yyyy", EnGb)}  {statement.Lines.Count,3} line(s)  total {statement.Total}, due {statement.DueDate.ToString("d MMMM yyyy", EnGb)}");
            foreach (var note in outcome.Notes) Console.WriteLine(note);
            Console.WriteLine($"Total recharged: {Money.Sum(outcome.Statements.Select(s => s.Total))}");
            return 0;
        }
        catch (DomainRuleException refused)
        {
            Console.Error.WriteLine($"Refused ({refused.Rule}): {refused.Message}");
            return 1;
        }
    }

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static async Task<bool> MayPrepareAsync(IServiceProvider sp, string userName)
    {
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null) return false;
        foreach (var role in new[] { Roles.PanelMember, Roles.FinanceOfficer, Roles.FinanceApprover, Roles.Administrator }) // as Policies.Recharges
            if (await users.IsInRoleAsync(user, role)) return true;
        return false;
    }
}
