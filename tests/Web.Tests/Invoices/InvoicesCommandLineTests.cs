using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// <c>invoices import &lt;file.csv&gt; --as &lt;user&gt;</c> and <c>invoices check-deadlines</c> as an operator runs them: a
/// separate process on its own database. A good provider CSV is recorded (exit 0); a malformed one is refused whole,
/// every error printed one per line (exit 1); bad usage exits 2.
/// </summary>
public sealed class InvoicesCommandLineTests
{
    private readonly string _database = AppProcess.NewDatabase("invoices-cli-");

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(_database, args);

    private static string Csv(string name, params string[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("invoices-csv-").FullName, name);
        File.WriteAllText(path, string.Join("\n", ["provider_ref,invoice_number,invoice_date,received_date,child_ref,placement_ref,period_start,period_end,amount", .. rows]) + "\n");
        return path;
    }

    [Fact]
    public async Task ImportsAGoodCsv_RefusesAMalformedOneWhole_WithEveryError()
    {
        // St Aldhelm's (PRV011) invoices September and October 2025 for PL0006 (child C0005, on roll since 4 September 2025).
        Assert.Equal(0, (await RunAsync("import", ExampleCounty.Folder)).ExitCode);
        Assert.Equal(0, (await RunAsync("users", "add", "olu.officer", "--role", "FinanceOfficer", "--password", "Correct-Horse-42!")).ExitCode);
        var good = Csv("st-aldhelms.csv",
            "PRV011,SA-101,2025-10-01,2025-10-02,C0005,PL0006,2025-09-04,2025-09-30,1800.00",
            "PRV011,SA-101,2025-10-01,2025-10-02,C0005,PL0006,2025-10-01,2025-10-31,2000.00");

        var (exit, output, error) = await RunAsync("invoices", "import", good, "--as", "olu.officer");

        Assert.True(exit == 0, $"exit {exit}: {error}{output}");
        Assert.Contains("Imported 1 invoice(s) from st-aldhelms.csv", output);
        Assert.Contains("PRV011 invoice SA-101: 2 line(s), £3,800.00, due 1 November 2025", output);

        // Three broken rows: an unknown provider, a date that is not one, a negative amount. Nothing is recorded.
        var bad = Csv("broken.csv",
            "NOPE,X-1,2025-10-01,2025-10-02,C0005,PL0006,2025-09-04,2025-09-30,100.00",
            "PRV011,SA-102,2025-13-01,2025-10-02,C0005,PL0006,2025-09-04,2025-09-30,100.00",
            "PRV011,SA-103,2025-10-01,2025-10-02,C0005,PL0006,2025-09-04,2025-09-30,-5.00");

        (exit, output, error) = await RunAsync("invoices", "import", bad, "--as", "olu.officer");

        Assert.Equal(1, exit);
        var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(errors, e => e.StartsWith("broken.csv:2:", StringComparison.Ordinal) && e.Contains("provider_ref", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("broken.csv:3:", StringComparison.Ordinal) && e.Contains("invoice_date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("broken.csv:4:", StringComparison.Ordinal) && e.Contains("amount", StringComparison.Ordinal));
        Assert.Equal(errors.Length - 1, errors.Count(e => e.StartsWith("broken.csv:", StringComparison.Ordinal))); // one per line, then the summary
        Assert.StartsWith("Nothing was imported:", errors[^1]);

        // The same good file again is a duplicate (same provider and number): refused, nothing recorded twice.
        (exit, _, error) = await RunAsync("invoices", "import", good, "--as", "olu.officer");
        Assert.Equal(1, exit);
        Assert.Contains("SA-101", error);

        (exit, output, _) = await RunAsync("invoices", "check-deadlines");
        Assert.Equal(0, exit);
        Assert.StartsWith("Checked invoice deadlines on", output.Trim());
    }

    [Fact]
    public async Task BadUsage_Exits2()
    {
        Assert.Equal(2, (await RunAsync("invoices", "import")).ExitCode);
        Assert.Equal(2, (await RunAsync("invoices", "import", "/no/such/file.csv", "--as", "someone")).ExitCode);
        var (exit, _, error) = await RunAsync("invoices", "pay");
        Assert.Equal(2, exit);
        Assert.Contains("invoices import <file.csv> --as <user>", error);
    }
}
