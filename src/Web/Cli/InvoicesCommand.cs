using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Invoices;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Cli;

/// <summary>
/// <c>invoices import &lt;file.csv&gt; --as &lt;user&gt;</c> records a provider's invoice CSV, all or nothing, as a named
/// officer (who then cannot approve those invoices: segregation of duties); <c>invoices check-deadlines</c> runs the daily
/// deadline check now, for a missed morning. An import's errors are printed one per line and exit 1; bad usage exits 2.
/// </summary>
internal static class InvoicesCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, Func<string[], string, string?> option,
        Func<string, string> fromShell, string usage)
    {
        var action = args.Length > 1 ? args[1] : "";
        if (action == "check-deadlines" && args.Length == 2)
        {
            var outcome = await sp.GetRequiredService<CheckInvoiceDeadlines>().RunAsync(sp.GetRequiredService<IClock>().TodayInLondon());
            Console.WriteLine($"Checked invoice deadlines on {outcome.Today:d MMMM uuuu}: {outcome.DueSoon} due soon, {outcome.Overdue} overdue, {outcome.Changed} changed.");
            return 0;
        }
        var user = option(args, "--as");
        if (action != "import" || args.Length != 5 || args[2].StartsWith('-') || user is null)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        var path = fromShell(args[2]);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"The file '{args[2]}' does not exist.");
            Console.Error.WriteLine(usage);
            return 2;
        }
        sp.GetRequiredService<AuditActor>().ActingAs(user);
        try
        {
            await using var csv = File.OpenRead(path);
            var result = await sp.GetRequiredService<ImportProviderInvoices>().ImportAsync(Path.GetFileName(path), csv, user);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) Console.Error.WriteLine(error);
                Console.Error.WriteLine($"Nothing was imported: {result.Errors.Count} error(s).");
                return 1;
            }
            Console.WriteLine($"Imported {result.Recorded.Count} invoice(s) from {Path.GetFileName(path)}:");
            foreach (var invoice in result.Recorded)
                Console.WriteLine($"  {invoice.AuditKey}: {invoice.Lines.Count} line(s), {invoice.Total}, due {invoice.DueOn:d MMMM uuuu}");
            return 0;
        }
        catch (DomainRuleException refused)
        {
            Console.Error.WriteLine($"Refused ({refused.Rule}): {refused.Message}");
            return 1;
        }
    }
}
