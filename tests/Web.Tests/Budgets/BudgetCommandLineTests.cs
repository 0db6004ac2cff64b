using System.Text.RegularExpressions;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// <c>budget forecast</c> and <c>budget snapshot</c> as an operator runs them: a separate process on its own database (the
/// example county, with April 2026 paid), printing the forecast by s251 line and taking the month's snapshot once.
/// </summary>
public sealed class BudgetCommandLineTests
{
    private readonly string _database = AppProcess.NewDatabase("budget-cli-");

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(_database, args);

    private async Task<string> SucceedsAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"`{string.Join(' ', args)}` exited {exit}: {error}{output}");
        return output;
    }

    private async Task PaidAprilAsync()
    {
        await SucceedsAsync("import", ExampleCounty.Folder);
        await SucceedsAsync("users", "add", "olu.officer", "--role", "FinanceOfficer", "--password", "Correct-Horse-42!");
        await SucceedsAsync("users", "add", "ada.approver", "--role", "FinanceApprover", "--password", "Correct-Horse-42!", "--approval-limit", "5000000");
        await SucceedsAsync("users", "add", "cam.commissioner", "--role", "Commissioner", "--password", "Correct-Horse-42!");
        await SucceedsAsync("payments", "prepare", "--month", "2026-04", "--as", "olu.officer");
        await SucceedsAsync("payments", "approve", "--month", "2026-04", "--as", "ada.approver");
    }

    /// <summary>The amounts of the row starting with <paramref name="code"/>: budget, actual, commitment, expected, forecast, variance.</summary>
    private static decimal[] Row(string output, string code)
    {
        var line = output.Split('\n').Single(l => l.StartsWith(code + " ", StringComparison.Ordinal));
        return Regex.Matches(line, @"-?£[\d,]+\.\d\d").Select(m => decimal.Parse(m.Value.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public async Task Forecast_PrintsEveryS251Line_AndTheTotal_WhichAddUp()
    {
        await PaidAprilAsync();

        // April's run is approved now, so a forecast today counts it (one on an earlier date would not: it was not yet approved).
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var year = Placements.Commissioning.SchoolCalendar.FinancialYear.For(today);
        var output = await SucceedsAsync("budget", "forecast", "--year", year.ToString());

        Assert.Contains($"High Needs forecast outturn {year} as at {today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, including the trend of new placements", output);
        foreach (var code in new[] { "1.0.2", "1.2.1", "1.2.2", "1.2.3", "1.2.13" }) Assert.Single(output.Split('\n'), l => l.StartsWith(code + " ", StringComparison.Ordinal));
        var topUps = Row(output, "1.2.2");
        Assert.Equal(6, topUps.Length);
        Assert.True(topUps[1] > 0, "April's approved run is the academies' actual");
        Assert.True(topUps[2] > 0, "the rest of the year is still committed");
        Assert.Equal(topUps[1] + topUps[2] + topUps[3], topUps[4]); // actual + commitment + expected = forecast
        Assert.Equal(topUps[4] - topUps[0], topUps[5]);
        var lines = new[] { "1.0.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.2.10", "1.2.11", "1.2.13" };
        var total = Row(output, "Total");
        for (var i = 0; i < 6; i++) Assert.Equal(lines.Sum(code => Row(output, code)[i]), total[i]);
        Assert.Matches(@"Total\s.*(Green|Amber|Red)", output);

        // A scenario: growth and a fee rise raise the forecast; without the trend it is lower.
        var scenario = Row(await SucceedsAsync("budget", "forecast", "--growth", "10", "--fee-rise", "3"), "Total");
        var noTrend = Row(await SucceedsAsync("budget", "forecast", "--no-trend"), "Total");
        Assert.True(scenario[4] > total[4], $"scenario {scenario[4]} above base {total[4]}");
        Assert.True(noTrend[4] <= total[4]);
    }

    [Fact]
    public async Task Snapshot_TakesTheMonthOnce_AsANamedUser()
    {
        await PaidAprilAsync();

        var first = await SucceedsAsync("budget", "snapshot", "--as-at", "2026-05-06", "--as", "olu.officer");
        var second = await SucceedsAsync("budget", "snapshot", "--as-at", "2026-05-20", "--as", "olu.officer");

        Assert.StartsWith("Took the May 2026 snapshot of 2026/27: forecast £", first.Trim());
        Assert.Contains("nothing changed", second);
        Assert.Contains("May 2026", second);
    }

    [Fact]
    public async Task BadUsageAndUnknownUsers_AreRefusedClearly_WithANonZeroExit()
    {
        await SucceedsAsync("import", ExampleCounty.Folder);
        await SucceedsAsync("users", "add", "cam.commissioner", "--role", "Commissioner", "--password", "Correct-Horse-42!");

        var (exit, _, error) = await RunAsync("budget", "forecast", "--year", "2026-27");
        Assert.Equal((2, true), (exit, error.Contains("--year '2026-27' is not a financial year", StringComparison.Ordinal)));
        (exit, _, error) = await RunAsync("budget", "forecast", "--as-at", "3/12/2026");
        Assert.Equal((2, true), (exit, error.Contains("--as-at '3/12/2026' is not a date", StringComparison.Ordinal)));
        (exit, _, error) = await RunAsync("budget", "forecast", "--year", "2025/26", "--as-at", "2026-05-01");
        Assert.Equal((2, true), (exit, error.Contains("is not in the financial year 2025/26", StringComparison.Ordinal)));
        (exit, _, error) = await RunAsync("budget", "forecast", "--growth", "lots");
        Assert.Equal((2, true), (exit, error.Contains("--growth 'lots' is not a percentage", StringComparison.Ordinal)));
        (exit, _, error) = await RunAsync("budget", "snapshot");
        Assert.Equal((2, true), (exit, error.Contains("--as <user>", StringComparison.Ordinal)));
        (exit, _, error) = await RunAsync("budget", "snapshot", "--as", "cam.commissioner");
        Assert.Equal((1, true), (exit, error.Contains("'cam.commissioner' is not a finance officer, finance approver, budget holder or administrator", StringComparison.Ordinal)));
        (exit, _, error) = await RunAsync("budget", "snapshot", "--as", "nobody");
        Assert.Equal(1, exit);
        (exit, _, _) = await RunAsync("budget", "sideways");
        Assert.Equal(2, exit);
    }
}
