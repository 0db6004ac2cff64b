using Microsoft.AspNetCore.Identity;
using NodaTime;
using NodaTime.Text;
using Placements.Accounts;
using Placements.Commissioning;
using Placements.Finance.Payments;
using Placements.Web.Payments;
using Placements.Web.Security;

namespace Placements.Web.Cli;

/// <summary>
/// <c>payments prepare|approve|export --month YYYY-MM …</c>: the payment run from the command line, acting as a named
/// user so segregation of duties and the audit trail hold as they do on the pages. Refusals exit 1 with the reason.
/// </summary>
internal static class PaymentsCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, Func<string[], string, string?> option,
        Func<string, string> fromShell, string usage)
    {
        var action = args.Length > 1 ? args[1] : "";
        var monthText = option(args, "--month");
        var user = option(args, "--as");
        if (action is not ("prepare" or "approve" or "export") || monthText is null || (action != "export" && user is null)
            || (action == "export" && option(args, "--out") is null))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        if (YearMonthPattern.Iso.Parse(monthText) is not { Success: true } parsed)
        {
            Console.Error.WriteLine($"'{monthText}' is not a month: give it as YYYY-MM, like 2026-05.");
            return 2;
        }
        var month = parsed.Value;
        try
        {
            if (user is not null && !await IsFinanceStaffAsync(sp, user))
            {
                Console.Error.WriteLine($"'{user}' is not a finance officer, finance approver or administrator, so cannot act on payment runs.");
                return 1;
            }
            sp.GetRequiredService<AuditActor>().ActingAs(user ?? "cli:payments");
            var operations = sp.GetRequiredService<PaymentOperations>();
            switch (action)
            {
                case "prepare":
                    Console.WriteLine((await operations.PrepareAsync(month, user!)).Message);
                    return 0;
                case "approve":
                    var run = await sp.GetRequiredService<ApprovePaymentRun>()
                        .ApproveAsync(month, await operations.ApproverAsync(user!), option(args, "--note"));
                    Console.WriteLine(run.Status == PaymentRunStatus.Approved
                        ? $"Approved the {run.Title} run: {run.Total} to {run.LineCount:N0} lines."
                        : $"First approval of the {run.Title} run recorded: its total {run.Total} is above {user}'s limit, so an approver whose limit covers it must approve too.");
                    return 0;
                default:
                    int? sequence = option(args, "--run") is { } r && int.TryParse(r, out var n) ? n : null;
                    var folder = fromShell(option(args, "--out")!);
                    var written = await PaymentRunFiles.WriteAsync(sp, month, sequence, folder, user ?? "cli:payments");
                    Console.WriteLine($"Wrote {written.Count} file(s) to {folder}:");
                    foreach (var file in written) Console.WriteLine($"  {Path.GetFileName(file)}");
                    return 0;
            }
        }
        catch (DomainRuleException refused)
        {
            Console.Error.WriteLine($"Refused ({refused.Rule}): {refused.Message}");
            return 1;
        }
    }

    private static async Task<bool> IsFinanceStaffAsync(IServiceProvider sp, string userName)
    {
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null) return false;
        foreach (var role in new[] { Roles.FinanceOfficer, Roles.FinanceApprover, Roles.Administrator })
            if (await users.IsInRoleAsync(user, role)) return true;
        return false;
    }
}
