using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// <c>payments prepare|approve|export</c> as an operator runs them: a separate process on its own database, acting as a
/// named user, exiting non-zero with a clear message on refusal.
/// </summary>
public sealed class PaymentsCommandLineTests
{
    private readonly string _database = AppProcess.NewDatabase("payments-cli-");

    // The demo council's LA code is the default, and the example county's placements name it.
    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(_database, args);

    private async Task<string> SucceedsAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"`{string.Join(' ', args)}` exited {exit}: {error}{output}");
        return output;
    }

    [Fact]
    public async Task PrepareApproveExport_ActAsNamedUsers_AndRefuseWhatSegregationOfDutiesForbids()
    {
        await SucceedsAsync("import", ExampleCounty.Folder);
        await SucceedsAsync("users", "add", "olu.officer", "--role", "FinanceOfficer", "--password", "Correct-Horse-42!");
        var added = await SucceedsAsync("users", "add", "ada.approver", "--role", "FinanceApprover", "--password", "Correct-Horse-42!", "--approval-limit", "500000");
        Assert.Contains("approval limit of £500,000.00", added);

        var prepared = await SucceedsAsync("payments", "prepare", "--month", "2026-04", "--as", "ada.approver");
        Assert.StartsWith("Prepared the April 2026 run:", prepared.Trim());

        var (exit, _, error) = await RunAsync("payments", "approve", "--month", "2026-04", "--as", "ada.approver");
        Assert.Equal(1, exit);
        Assert.Contains("Refused (PreparerCannotApprove): ada.approver prepared the April 2026 run, so cannot approve it", error);

        (exit, _, error) = await RunAsync("payments", "approve", "--month", "2026-04", "--as", "olu.officer");
        Assert.Equal(1, exit);
        Assert.Contains("olu.officer is not a finance approver", error);

        Assert.StartsWith("Recomputed the April 2026 run:", (await SucceedsAsync("payments", "prepare", "--month", "2026-04", "--as", "olu.officer")).Trim());
        Assert.StartsWith("Approved the April 2026 run:", (await SucceedsAsync("payments", "approve", "--month", "2026-04", "--as", "ada.approver", "--note", "checked")).Trim());

        (exit, _, error) = await RunAsync("payments", "approve", "--month", "2026-04", "--as", "ada.approver");
        Assert.Equal(1, exit);
        Assert.Contains("Refused (NothingToApprove)", error);

        Assert.StartsWith("Nothing to pay", (await SucceedsAsync("payments", "prepare", "--month", "2026-04", "--as", "olu.officer")).Trim());

        var folder = Directory.CreateTempSubdirectory("payments-export-").FullName;
        var exported = await SucceedsAsync("payments", "export", "--month", "2026-04", "--out", folder, "--as", "olu.officer");
        Assert.Contains("payment_lines.csv", exported);
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "payment_lines.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("run_month,provider_ref,placement_ref,child_ref,financial_year,amount,kind,s251_line,reason", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2026-04,", l));
        var ledger = await File.ReadAllLinesAsync(Path.Combine(folder, "ledger.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(
            lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture)),
            ledger.Skip(1).Sum(l => decimal.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)));
        var providers = lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().ToList();
        Assert.Equal(providers.Count, Directory.GetFiles(folder, "remittance-2026-04-*.pdf").Length);

        // The placement's schedule now shows April as paid, and nothing owed for it.
        var topUp = lines.Skip(1).Select(l => l.Split(',')).First(f => f[6] == "TopUp" && !lines.Skip(1).Any(o => o.Split(',') is var g && g[2] == f[2] && g[6] == "Adjustment"));
        var amount = Finance.Money.Parse(topUp[5]).ToString();
        var schedule = await SucceedsAsync("funding", "schedule", "--placement", topUp[2], "--year", "2026/27");
        var april = schedule.Split('\n').Single(l => l.TrimStart().StartsWith("April 2026", StringComparison.Ordinal));
        Assert.Equal(["April", "2026", amount, amount, amount, "£0.00"], april.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task BadRequests_ExitNonZero_WithTheReason()
    {
        await SucceedsAsync("migrate");

        var (exit, _, error) = await RunAsync("payments", "prepare", "--month", "2026-13", "--as", "nobody");
        Assert.Equal(2, exit);
        Assert.Contains("'2026-13' is not a month: give it as YYYY-MM", error);

        (exit, _, error) = await RunAsync("payments", "prepare", "--month", "2026-04", "--as", "nobody");
        Assert.Equal(1, exit);
        Assert.Contains("'nobody' is not a finance officer, finance approver or administrator", error);

        (exit, _, error) = await RunAsync("payments", "export", "--month", "2026-05", "--out", Directory.CreateTempSubdirectory().FullName);
        Assert.Equal(1, exit);
        Assert.Contains("Refused (NoApprovedRun): There is no approved run for May 2026", error);
    }
}
