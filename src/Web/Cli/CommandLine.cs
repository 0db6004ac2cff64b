using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Reports;
using Placements.Finance.Interchange;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Commissioning.Persistence;
using Placements.Web.Database;
using Placements.Web.Demo;
using Placements.Web.Reports;
using Placements.Web.Security;

namespace Placements.Web.Cli;

/// <summary>
/// Operations run from the command line: <c>dotnet run --project src/Web -- &lt;verb&gt; …</c>.
/// Every verb migrates the configured database first, prints what it did, and exits non-zero on failure.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Usage: dotnet run --project src/Web -- <verb> [options]
          migrate                                    bring the database up to date, then exit
          seed-demo                                  seed the demo county into an empty database
          import <folder>                            import a county's CSV files (README: the import format), all or nothing
          users add <name> --role <Role> [--password <password>] [--approval-limit <pounds>]
                                                     create a staff account (the password is asked for when not given);
                                                     a FinanceApprover's approval limit in pounds (e.g. 500000)
          funding schedule --placement <ref> [--year 2025/26]
                                                     a placement's top-up month by month for a financial year (default this one)
          payments prepare --month 2026-05 --as <user>
                                                     prepare (or recompute) the month's payment run
          payments approve --month 2026-05 --as <user> [--note <text>]
                                                     approve it (a FinanceApprover who did not prepare it, within their limit)
          payments export --month 2026-05 --out <folder> [--as <user>] [--run <n>]
                                                     write payment_lines.csv, ledger.csv and the remittance PDFs of the approved run
          invoices import <file.csv> --as <user>     record a provider's invoice CSV (README: provider invoice CSV), all or nothing
          invoices check-deadlines                   flag invoices due soon or overdue today (the daily job, run now)
          budget forecast [--year 2026/27] [--as-at 2026-12-03] [--no-trend] [--growth 10] [--fee-rise 3]
                                                     the forecast outturn by s251 line (a scenario with --growth/--fee-rise, in %)
          budget snapshot [--as-at 2026-12-06] --as <user>
                                                     take the month's budget snapshot (the monthly job, run now); once a month
          panel recharges --month 2026-11 [--partner Health|SocialCare] --as <user>
                                                     prepare the month's (or quarter's) recharge statements to health and
                                                     social care and print each partner's total
          panel check-reviews                        flag panel cases overdue for review today (the daily job, run now)
        """;

    /// <summary>A verb is a first argument that is not an option (options start with '-').</summary>
    public static bool HasVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var verb = args[0];
        if (verb is not ("migrate" or "seed-demo" or "users" or "import" or "funding" or "payments" or "invoices" or "budget" or "panel"))
        {
            Console.Error.WriteLine($"Unknown verb '{verb}'.{Environment.NewLine}{Usage}");
            return 2;
        }
        if (verb == "import" && (args.Length != 2 || !Directory.Exists(FromShell(args[1]))))
        {
            Console.Error.WriteLine(args.Length == 2 ? $"The folder '{args[1]}' does not exist." : "Give the folder to import.");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        await DatabaseStartup.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AuditActor>().ActingAs($"cli:{verb}");
        switch (verb)
        {
            case "migrate":
                Console.WriteLine($"Database is up to date ({sp.GetRequiredService<DatabaseSettings>().Describe()}).");
                return 0;
            case "seed-demo":
                if (await sp.GetRequiredService<CommissioningDb>().Providers.AnyAsync())
                {
                    Console.Error.WriteLine("The database already holds providers; the demo county is only seeded into an empty database.");
                    return 1;
                }
                await DemoStartup.SeedAsync(sp, Console.Out);
                return 0;
            case "import":
                return await ImportAsync(sp, FromShell(args[1]));
            case "funding":
                return await FundingScheduleAsync(sp, args);
            case "payments":
                return await PaymentsCommand.RunAsync(sp, args, Option, FromShell, Usage);
            case "invoices":
                return await InvoicesCommand.RunAsync(sp, args, Option, FromShell, Usage);
            case "budget":
                return await BudgetCommand.RunAsync(sp, args, Option, Usage);
            case "panel":
                return await PanelCommand.RunAsync(sp, args, Option, Usage);
            default:
                return await AddUserAsync(sp, args);
        }
    }

    private static async Task<int> FundingScheduleAsync(IServiceProvider sp, string[] args)
    {
        var yearText = Option(args, "--year");
        var year = FinancialYear.For(sp.GetRequiredService<IClock>().TodayInLondon());
        if (args.Length < 2 || args[1] != "schedule" || Option(args, "--placement") is not { } reference
            || (yearText is not null && !FinancialYear.TryParse(yearText, out year)))
        {
            Console.Error.WriteLine(yearText is null ? Usage : $"'{yearText}' is not a financial year (like 2025/26).{Environment.NewLine}{Usage}");
            return 2;
        }
        var goLive = TopUpScheduleText.GoLiveMonth(sp.GetRequiredService<IConfiguration>());
        var view = await new TopUpScheduleQuery(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>()).LoadAsync(reference, year, goLive);
        if (view is null)
        {
            Console.Error.WriteLine($"There is no placement {reference}.");
            return 1;
        }
        foreach (var line in TopUpScheduleText.Lines(view)) Console.WriteLine(line);
        return view.Missing.Count == 0 ? 0 : 1;
    }

    private static async Task<int> AddUserAsync(IServiceProvider sp, string[] args)
    {
        if (args.Length < 3 || args[1] != "add" || args[2].StartsWith('-') || Option(args, "--role") is not { } role)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        Finance.Money? limit = null;
        if (Option(args, "--approval-limit") is { } limitText)
        {
            if (!Finance.Money.TryParse(limitText, out var parsed, out var error))
            {
                Console.Error.WriteLine($"--approval-limit '{limitText}': {error}");
                return 2;
            }
            limit = parsed;
        }
        var password = Option(args, "--password") ?? PromptPassword();
        var problems = await sp.GetRequiredService<StaffAccounts>().AddAsync(args[2], role, password, approvalLimit: limit);
        if (problems.Count == 0)
        {
            Console.WriteLine($"Created user '{args[2]}' with the role {Accounts.Roles.Find(role)}" + (limit is { } l ? $" and an approval limit of {l}." : "."));
            return 0;
        }
        foreach (var problem in problems) Console.Error.WriteLine($"Could not create '{args[2]}': {problem}");
        return 1;
    }

    private static async Task<int> ImportAsync(IServiceProvider sp, string folder)
    {
        var import = new CountyImport(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>());
        var result = await import.RunAsync(new FolderImportSource(folder),
            sp.GetRequiredService<IClock>().TodayInLondon(), sp.GetRequiredService<CouncilSettings>().LaCode);
        if (!result.Success)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"Nothing was imported: {result.Errors.Count} error(s).");
            return 1;
        }
        Console.WriteLine($"Imported {Path.GetFullPath(folder)}:");
        foreach (var line in result.ReportLines()) Console.WriteLine($"  {line}");
        if (result.Warnings.Count > 0) Console.WriteLine($"{result.Warnings.Count} placement(s) to check (imported all the same):");
        foreach (var warning in result.Warnings) Console.WriteLine($"  {warning}");
        return 0;
    }

    /// <summary>
    /// A relative path as the person typed it: <c>dotnet run --project src/Web</c> starts the app in the project's
    /// folder, so a relative path is resolved against the shell's folder (<c>PWD</c>) when it exists there.
    /// </summary>
    private static string FromShell(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return shell is { Length: > 0 } && (Directory.Exists(Path.Combine(shell, path)) || File.Exists(Path.Combine(shell, path)))
            ? Path.Combine(shell, path) : Path.GetFullPath(path);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string PromptPassword()
    {
        Console.Write("Password: ");
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
