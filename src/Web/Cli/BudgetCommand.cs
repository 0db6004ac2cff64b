using System.Globalization;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using NodaTime.Text;
using Placements.Accounts;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Cli;

/// <summary>
/// <c>budget forecast [--year 2026/27] [--as-at 2026-12-03] [--no-trend] [--growth 10] [--fee-rise 3]</c> prints the
/// forecast outturn by s251 line and its total; <c>budget snapshot [--as-at …] --as &lt;user&gt;</c> takes the month's
/// snapshot now (what the monthly job does), once a month: a second run says nothing changed. Bad usage exits 2; a
/// refusal or an unknown user exits 1.
/// </summary>
internal static class BudgetCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, Func<string[], string, string?> option, string usage)
    {
        var action = args.Length > 1 ? args[1] : "";
        if (action is not ("forecast" or "snapshot"))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        var today = sp.GetRequiredService<IClock>().TodayInLondon();
        LocalDate? asAt = null;
        if (option(args, "--as-at") is { } asAtText)
        {
            if (LocalDatePattern.Iso.Parse(asAtText) is not { Success: true } parsed)
            {
                Console.Error.WriteLine($"--as-at '{asAtText}' is not a date: give it as YYYY-MM-DD, like 2026-12-03.");
                return 2;
            }
            asAt = parsed.Value;
        }
        else if (args.Contains("--as-at"))
        {
            Console.Error.WriteLine("--as-at needs a date (YYYY-MM-DD).");
            return 2;
        }
        var settings = sp.GetRequiredService<BudgetSettings>();
        try
        {
            return action == "forecast"
                ? await ForecastAsync(sp, args, option, today, asAt, settings)
                : await SnapshotAsync(sp, args, option, usage, asAt ?? today, settings);
        }
        catch (DomainRuleException refused)
        {
            Console.Error.WriteLine($"Refused ({refused.Rule}): {refused.Message}");
            return 1;
        }
    }

    private static async Task<int> ForecastAsync(IServiceProvider sp, string[] args, Func<string[], string, string?> option,
        LocalDate today, LocalDate? asAt, BudgetSettings settings)
    {
        var yearText = option(args, "--year");
        FinancialYear year;
        if (yearText is not null)
        {
            if (!FinancialYear.TryParse(yearText, out year))
            {
                Console.Error.WriteLine($"--year '{yearText}' is not a financial year (like 2026/27).");
                return 2;
            }
        }
        else year = FinancialYear.For(asAt ?? today);
        // Without a date, today — or the nearest day of the year asked for (its last day for a past year, its first for a future one).
        var date = asAt ?? (today < year.Start ? year.Start : today > year.End ? year.End : today);
        if (!year.Dates.Contains(date))
        {
            Console.Error.WriteLine($"--as-at {date:yyyy-MM-dd} is not in the financial year {year} ({year.Start:d MMMM yyyy} to {year.End:d MMMM yyyy}).");
            return 2;
        }
        if (!TryPercent(args, option, "--growth", out var growth) || !TryPercent(args, option, "--fee-rise", out var feeRise)) return 2;
        var options = new ForecastOptions(IncludeTrend: !args.Contains("--no-trend"), GrowthPercent: growth, FeeRisePercent: feeRise);

        var forecast = await sp.GetRequiredService<ForecastOutturn>().ForecastAsync(year, date, options, settings);

        Console.WriteLine($"High Needs forecast outturn {forecast.Year} as at {forecast.AsAt:d MMMM yyyy}" +
            (options.IncludeTrend ? ", including the trend of new placements" : ", without the trend of new placements") +
            (options.IsScenario ? $"; scenario: new placements {Signed(growth)}%, fees and top-ups {Signed(feeRise)}%" : "") + ":");
        const string format = "{0,-7} {1,-52} {2,15} {3,15} {4,15} {5,15} {6,15} {7,15} {8,-5}";
        Console.WriteLine(format, "Line", "", "Budget", "Actual", "Commitment", "Expected", "Forecast", "Variance", "RAG");
        foreach (var line in forecast.Lines)
        {
            var f = line.Figures;
            Console.WriteLine(format, line.Line.Code, Shorten(line.Line.Name, 52), line.Budget, f.Actual, f.Commitment, f.ExpectedDemand,
                line.Forecast, line.Variance, line.Rag);
        }
        var t = forecast.Totals;
        Console.WriteLine(format, "Total", "", forecast.Budget, t.Actual, t.Commitment, t.ExpectedDemand, forecast.Forecast, forecast.Variance,
            settings.Rag.Of(forecast.Forecast, forecast.Budget));
        if (!t.Uplift.IsZero) Console.WriteLine($"The forecast includes the scenario's fee rise of {t.Uplift}.");
        if (!options.IncludeTrend && !t.Trend.IsZero) Console.WriteLine($"The trend of new placements ({t.Trend}) is not counted.");
        var problems = forecast.Problems.ToList();
        if (problems.Count > 0)
        {
            Console.WriteLine($"{problems.Count:N0} placement(s) could not be priced and count only their actuals:");
            foreach (var p in problems.Take(20)) Console.WriteLine($"  {p.Placement.Reference} ({p.Placement.ProviderReference}): {p.Problem}");
            if (problems.Count > 20) Console.WriteLine($"  … and {problems.Count - 20:N0} more.");
        }
        return 0;
    }

    private static async Task<int> SnapshotAsync(IServiceProvider sp, string[] args, Func<string[], string, string?> option, string usage,
        LocalDate asAt, BudgetSettings settings)
    {
        if (option(args, "--as") is not { } user || user.StartsWith('-'))
        {
            Console.Error.WriteLine("Say who takes the snapshot: --as <user>.");
            Console.Error.WriteLine(usage);
            return 2;
        }
        if (!await MayTakeSnapshotsAsync(sp, user))
        {
            Console.Error.WriteLine($"'{user}' is not a finance officer, finance approver, budget holder or administrator, so cannot take budget snapshots.");
            return 1;
        }
        sp.GetRequiredService<AuditActor>().ActingAs(user);
        var outcome = await sp.GetRequiredService<TakeBudgetSnapshot>().RunAsync(asAt, user, settings);
        Console.WriteLine(outcome.Message);
        return 0;
    }

    private static bool TryPercent(string[] args, Func<string[], string, string?> option, string name, out decimal percent)
    {
        percent = 0m;
        if (!args.Contains(name)) return true;
        var text = option(args, name);
        if (text is not null && decimal.TryParse(text.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out percent)
            && percent is >= -100m and <= 1000m)
            return true;
        Console.Error.WriteLine($"{name} '{text}' is not a percentage from -100 to 1000 (like 10 or 2.5).");
        return false;
    }

    private static string Signed(decimal percent) => (percent > 0 ? "+" : "") + percent.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static async Task<bool> MayTakeSnapshotsAsync(IServiceProvider sp, string userName)
    {
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null) return false;
        foreach (var role in new[] { Roles.FinanceOfficer, Roles.FinanceApprover, Roles.BudgetHolder, Roles.Administrator })
            if (await users.IsInRoleAsync(user, role)) return true;
        return false;
    }
}
