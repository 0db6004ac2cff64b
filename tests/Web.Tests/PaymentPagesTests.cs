using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Payments;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// The payment run pages through the real app on the demo county, with a database and Quartz scheduler of their own:
/// an officer prepares April from the page and the job runs it; a demo run (about £1.2m) is above the finance approver's
/// £1m limit, so it needs the head of finance's approval too; the approved run's files add up to the run.
/// </summary>
public sealed class PaymentPagesTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    private static readonly YearMonth April = PaymentsApp.FirstMonth;
    private const string PaymentLinesHeader = "run_month,provider_ref,placement_ref,child_ref,financial_year,amount,kind,s251_line,reason";

    [Fact]
    public async Task AnOfficerPrepares_TwoApproversApprove_AndTheFilesAddUpToTheRun()
    {
        var officer = await app.SignedInAsync("finance.officer");

        var (prepared, _) = await PostFormAsync(officer, "/Payments", "/Payments", new() { ["Month"] = "4", ["Year"] = "2026" });

        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        Assert.Equal("/Payments/Run/2026-04", prepared.Headers.Location!.OriginalString);
        var page = await WaitForRunAsync(officer, "/Payments/Run/2026-04");
        var run = await RunAsync(April);
        Assert.Equal((PaymentRunStatus.Draft, "finance.officer"), (run.Status, run.PreparedBy));
        Assert.True(run.Total > Money.FromPounds(1_000_000), $"a demo month's run is above the finance approver's limit; it is {run.Total}");
        Assert.Equal("Draft", TestId(page, "run-status"));
        Assert.Equal(run.Total.ToString(), TestId(page, "run-total"));
        Assert.Equal(run.LineCount.ToString("N0", CultureInfo.GetCultureInfo("en-GB")), TestId(page, "run-lines"));
        var providerTotals = Regex.Matches(page, "data-part=\"total\">([^<]+)<").Select(m => Money.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(run.Total, Money.Sum(providerTotals));
        Assert.Contains("March 2026 has no approved run", page);
        Assert.Contains("data-action=\"Prepared\"", page);
        Assert.DoesNotContain("Approve run", page); // an officer is not offered the approval

        var (officerApproves, _) = await PostFormAsync(officer, "/Payments/Run/2026-04", "/Payments/Run/2026-04/1?handler=Approve",
            new() { ["Version"] = run.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, officerApproves.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", officerApproves.Headers.Location!.PathAndQuery);
        Assert.Equal(PaymentRunStatus.Draft, (await RunAsync(April)).Status);

        var approver = await app.SignedInAsync("finance.approver");
        var (first, _) = await ApproveAsync(approver, "Checked against the March returns");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        page = Decode(await approver.GetStringAsync(first.Headers.Location!.OriginalString));
        Assert.Contains("govuk-notification-banner--success", page);
        Assert.Contains("so it is now awaiting a second approval", page);
        Assert.Equal("Awaiting a second approval", TestId(page, "run-status"));
        Assert.StartsWith("finance.approver, ", TestId(page, "first-approval"));

        var (again, againHtml) = await ApproveAsync(approver, null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("govuk-error-summary", againHtml);
        Assert.Contains("<a href=\"#ApproveNote\">finance.approver has already approved the April 2026 run; a second approver must.</a>", againHtml);
        Assert.Equal(PaymentRunStatus.AwaitingSecondApproval, (await RunAsync(April)).Status);

        var head = await app.SignedInAsync("head.of.finance");
        var (second, _) = await ApproveAsync(head, null);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        page = Decode(await head.GetStringAsync(second.Headers.Location!.OriginalString));
        Assert.Contains($"You approved the April 2026 run: {run.Total}", page);
        Assert.Equal("Approved", TestId(page, "run-status"));
        Assert.Equal(("finance.approver", "head.of.finance"), ((await RunAsync(April)).FirstApprovedBy, (await RunAsync(April)).ApprovedBy));
        Assert.DoesNotContain("Approve run", page); // an approved run is not offered for approval again

        // The files an approved run offers: the lines and the journal each add up to the run's total.
        var lines = await officer.GetAsync("/Payments/Run/2026-04/1?handler=PaymentLines");
        Assert.Equal("text/csv", lines.Content.Headers.ContentType!.MediaType);
        Assert.Equal("payment_lines-2026-04.csv", lines.Content.Headers.ContentDisposition!.FileName);
        var csv = (await lines.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PaymentLinesHeader, csv[0]);
        Assert.Equal(run.LineCount, csv.Length - 1);
        Assert.Equal(run.Total, Money.Sum(csv.Skip(1).Select(row => Money.Parse(row.Split(',')[5]))));

        var ledger = await officer.GetAsync("/Payments/Run/2026-04/1?handler=Ledger");
        Assert.Equal("ledger-2026-04.csv", ledger.Content.Headers.ContentDisposition!.FileName);
        var journal = (await ledger.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run_month,cost_centre,s251_line,provider_ref,provider_name,total", journal[0]);
        Assert.Equal(run.Total, Money.Sum(journal.Skip(1).Select(row => Money.Parse(row[(row.LastIndexOf(',') + 1)..]))));

        var providers = csv.Skip(1).Select(row => row.Split(',')[1]).Distinct().ToList();
        var zip = await officer.GetAsync("/Payments/Run/2026-04/1?handler=Remittances");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using (var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(providers.Count, archive.Entries.Count);
            Assert.All(archive.Entries, e => Assert.EndsWith(".pdf", e.Name));
        }
        // A provider's row links to its remittance advice.
        page = Decode(await officer.GetStringAsync("/Payments/Run/2026-04"));
        var providerRow = Regex.Match(page, $"<tr[^>]*data-provider=\"{providers[0]}\".*?</tr>", RegexOptions.Singleline).Value;
        var pdfLink = Regex.Match(providerRow, "href=\"([^\"]*handler=Remittance[^\"]*)\"").Groups[1].Value;
        var pdf = await officer.GetAsync(pdfLink);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);

        var (exported, _) = await PostFormAsync(officer, "/Payments/Run/2026-04", "/Payments/Run/2026-04/1?handler=Export", []);
        Assert.Equal(HttpStatusCode.Redirect, exported.StatusCode);
        Assert.Equal((PaymentRunStatus.Exported, "finance.officer"), ((await RunAsync(April)).Status, (await RunAsync(April)).ExportedBy));
        var list = Decode(await officer.GetStringAsync("/Payments"));
        Assert.Contains("data-run=\"2026-04-1\"", list);
        Assert.Contains("Exported", list);
    }

    [Fact]
    public async Task AMonthWithNoRun_IsNotFound_AndSaysSo()
    {
        var officer = await app.SignedInAsync("finance.officer");

        var response = await officer.GetAsync("/Payments/Run/2019-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No payment run for January 2019", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/Payments")]
    [InlineData("/Payments/Run/2026-04")]
    public async Task ACommissioner_IsSentToAccessDenied(string url)
    {
        var commissioner = await app.SignedInAsync("commissioner");

        var response = await commissioner.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/Payments\"", Decode(await commissioner.GetStringAsync("/")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>Approves as the page would: with the version of the run the page showed.</summary>
    private static async Task<(HttpResponseMessage, string)> ApproveAsync(HttpClient client, string? note)
    {
        var page = await client.GetStringAsync("/Payments/Run/2026-04");
        var version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual("", version);
        var response = await client.PostAsync("/Payments/Run/2026-04/1?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version,
            ["ApproveNote"] = note ?? "",
            ["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(page),
        }));
        return (response, Decode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts a form with the anti-forgery token of the page it is on.</summary>
    internal static async Task<(HttpResponseMessage, string)> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(page);
        var response = await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
        return (response, Decode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The run page once the preparation the job runs has posted the run (progress panels until then).</summary>
    private static async Task<string> WaitForRunAsync(HttpClient client, string url)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        string page;
        do
        {
            await Task.Delay(500);
            var response = await client.GetAsync(url);
            page = Decode(await response.Content.ReadAsStringAsync());
            if (response.StatusCode == HttpStatusCode.OK && page.Contains("data-testid=\"run-summary\"", StringComparison.Ordinal)
                && !page.Contains("data-testid=\"progress\"", StringComparison.Ordinal))
                return page;
            Assert.DoesNotContain("data-testid=\"preparation-failed\"", page);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail($"The run at {url} was not prepared within 60 s; the page ended: {page[Math.Max(0, page.Length - 2000)..]}");
        return page;
    }

    private Task PrepareAsync(YearMonth month) => PrepareAsync(app, month);

    internal static async Task PrepareAsync(PlacementsApp app, YearMonth month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("finance.officer");
        await scope.ServiceProvider.GetRequiredService<PaymentOperations>().PrepareAsync(month, "finance.officer");
    }

    private Task<PaymentRun> RunAsync(YearMonth month) => RunAsync(app, month);

    internal static async Task<PaymentRun> RunAsync(PlacementsApp app, YearMonth month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceDb>().PaymentRuns.AsNoTracking()
            .Where(r => r.Month == month).OrderByDescending(r => r.Sequence).FirstAsync();
    }

    /// <summary>A placement the month's run pays (a positive top-up), so holding it moves money.</summary>
    internal static async Task<string> PlacementPaidByAsync(PlacementsApp app, YearMonth month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var runId = await finance.PaymentRuns.Where(r => r.Month == month).OrderByDescending(r => r.Sequence).Select(r => r.Id).FirstAsync();
        var lines = await finance.PaymentLines.AsNoTracking().Where(l => l.PaymentRunId == runId && l.HoldId == null && l.Kind == PaymentKind.TopUp).ToListAsync();
        return lines.Where(l => l.Amount > Money.Zero).OrderBy(l => l.PlacementReference, StringComparer.Ordinal).First().PlacementReference;
    }

    private static string TestId(string html, string id) =>
        Regex.Replace(Regex.Match(html, $"data-testid=\"{id}\"[^>]*>(.*?)</(dd|strong|td)>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();

    /// <summary>The error summary's messages, in order.</summary>
    internal static List<string> ErrorSummary(string html) => GovUkHtml.ErrorSummary(html).Select(e => e.Message).ToList();

    internal static string Decode(string html) => WebUtility.HtmlDecode(html);
}

/// <summary>
/// Holds on a run page, on the (small, quick) example county of their own: the hold test prepares a month of its own,
/// and only one run is open at a time, so it cannot share the app whose tests prepare and approve April.
/// </summary>
public sealed class PaymentHoldPageTests(ExampleCountyPaymentsApp app) : IClassFixture<ExampleCountyPaymentsApp>
{
    [Fact]
    public async Task AHold_NeedsAPlacementAReasonAndATeam_ThenHoldsAndReleasesTheLines()
    {
        var may = new YearMonth(2026, 5);
        await PaymentPagesTests.PrepareAsync(app, may);
        var officer = await app.SignedInAsync("olu.officer");
        const string Page = "/Payments/Run/2026-05";

        var (blank, blankHtml) = await PaymentPagesTests.PostFormAsync(officer, Page, Page + "?handler=Hold", new() { ["HoldPlacement"] = "", ["HoldReason"] = " ", ["HoldTeam"] = "" });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal(["Enter the placement reference", "Enter the reason for the hold", "Enter the team that holds the payments"], PaymentPagesTests.ErrorSummary(blankHtml));
        Assert.Contains("href=\"#HoldTeam\"", blankHtml);

        var placement = await PaymentPagesTests.PlacementPaidByAsync(app, may);
        var (noTeam, noTeamHtml) = await PaymentPagesTests.PostFormAsync(officer, Page, Page + "?handler=Hold",
            new() { ["HoldPlacement"] = placement, ["HoldReason"] = "Attendance being checked", ["HoldTeam"] = "" });
        Assert.Equal(HttpStatusCode.OK, noTeam.StatusCode);
        Assert.Equal(["Enter the team that holds the payments"], PaymentPagesTests.ErrorSummary(noTeamHtml));
        Assert.Contains("value=\"Attendance being checked\"", noTeamHtml); // what was typed comes back
        Assert.Equal(Money.Zero, (await PaymentPagesTests.RunAsync(app, may)).HeldTotal);

        var (unknown, unknownHtml) = await PaymentPagesTests.PostFormAsync(officer, Page, Page + "?handler=Hold",
            new() { ["HoldPlacement"] = "NO-SUCH-PLACEMENT", ["HoldReason"] = "Checking", ["HoldTeam"] = "Finance" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(["There is no placement NO-SUCH-PLACEMENT."], PaymentPagesTests.ErrorSummary(unknownHtml));

        var before = await PaymentPagesTests.RunAsync(app, may);
        var (held, _) = await PaymentPagesTests.PostFormAsync(officer, Page, Page + "?handler=Hold",
            new() { ["HoldPlacement"] = placement, ["HoldReason"] = "Attendance being checked", ["HoldTeam"] = "SEND casework" });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var after = await PaymentPagesTests.RunAsync(app, may);
        Assert.True(after.HeldTotal > Money.Zero);
        Assert.Equal(before.Total, after.Total + after.HeldTotal);
        var page = PaymentPagesTests.Decode(await officer.GetStringAsync(Page));
        Assert.Contains($"Payments to placement {placement} are held: Attendance being checked (SEND casework).", page);
        var row = Regex.Match(page[page.IndexOf("data-testid=\"holds\"", StringComparison.Ordinal)..], $"<tr[^>]*data-placement=\"{placement}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(after.HeldTotal.ToString(), row);
        Assert.Contains("SEND casework", row);
        Assert.Contains("olu.officer", row);

        var holdId = Regex.Match(row, "name=\"HoldId\" value=\"(\\d+)\"").Groups[1].Value;
        var (released, _) = await PaymentPagesTests.PostFormAsync(officer, Page, Page + "?handler=Release", new() { ["HoldId"] = holdId, ["ReleaseNote"] = "Attendance confirmed" });
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal((before.Total, Money.Zero), ((await PaymentPagesTests.RunAsync(app, may)).Total, (await PaymentPagesTests.RunAsync(app, may)).HeldTotal));
        Assert.Contains("Attendance confirmed", PaymentPagesTests.Decode(await officer.GetStringAsync(Page)));
    }

    [Theory]
    [InlineData("", "", "Enter the month to prepare")]
    [InlineData("13", "2026", "The month to prepare must be a real month, for example 4 2026")]
    [InlineData("4", "", "The month to prepare must include a year")]
    [InlineData("1", "2099", "The month to prepare must be")]
    public async Task PreparingABadMonth_IsRedisplayedWithTheError_AndQueuesNothing(string month, string year, string error)
    {
        var officer = await app.SignedInAsync("olu.officer");

        var (response, html) = await PaymentPagesTests.PostFormAsync(officer, "/Payments", "/Payments", new() { ["Month"] = month, ["Year"] = year });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(error, Assert.Single(PaymentPagesTests.ErrorSummary(html)));
        if (month.Length > 0) Assert.Contains($"value=\"{month}\"", html); // what was typed comes back
        Assert.Null(app.Services.GetRequiredService<PaymentRunProgress>().For(new YearMonth(2099, 1)));
    }
}
