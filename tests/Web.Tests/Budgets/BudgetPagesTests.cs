using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using Placements.Finance;
using Placements.Finance.Budgets.Forecasting;
using Placements.Web.Tests.Infrastructure;
using static Placements.Web.Tests.Infrastructure.GovUkHtml;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// The budget-monitoring pages through the real app on the example county (<see cref="BudgetsApp"/>): the figures a
/// budget holder reads are the ones the forecast computes; scenarios, notes, revisions and DSG years go through their
/// forms; and who may do what. Each test that changes data uses its own s251 line or month.
/// </summary>
public abstract partial class BudgetPagesTests(BudgetsApp app)
{
    [Fact]
    public async Task TheMonitoringPage_ShowsEachLinesForecast_AsTheForecastOutturnComputesIt()
    {
        var holder = await app.SignedInAsync("budget.holder");

        var html = Decode(await holder.GetStringAsync("/Budgets"));
        var expected = await app.ForecastAsync(ForecastOptions.Base);

        var topUps = expected.Line("1.2.1");
        Assert.True(topUps.Forecast.Pence > 0, "the example county's maintained placements cost something this year");
        Assert.Equal(topUps.Forecast.ToString(), Figure(html, "1.2.1", "forecast"));
        Assert.Equal(topUps.Budget.ToString(), Figure(html, "1.2.1", "budget"));
        Assert.Equal(topUps.Figures.Commitment.ToString(), Figure(html, "1.2.1", "commitment"));
        Assert.Equal(topUps.Rag.ToString(), Figure(html, "1.2.1", "rag"));
        Assert.Equal(expected.Forecast.ToString(), Total(html, "forecast"));
        Assert.Equal(expected.Budget.ToString(), Total(html, "budget"));
        // Lines not paid through Placements are held at their budget, and say so.
        Assert.Equal("£820,000.00", Figure(html, "1.2.5", "forecast"));
        Assert.Equal("Held at budget", Figure(html, "1.2.5", "basis"));
        Assert.Equal(expected.Profile.Count, Regex.Matches(Section(html, "profile"), "<th scope=\"row\"").Count);
        // Placements that could not be priced are listed, each by reference (children by initials only).
        Assert.Equal(expected.Problems.Select(p => p.Placement.Reference).Order(),
            Regex.Matches(Section(html, "problems"), "<tr class=\"govuk-table__row\" data-placement=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order());
        Assert.Contains("href=\"/Budgets/Scenario\"", html);
        Assert.Contains("href=\"/Budgets\" aria-current=\"page\"", html); // the menu
    }

    [Fact]
    public async Task LeavingTheTrendOut_LowersTheForecastByTheTrend_WhichIsStillShownAsNotCounted()
    {
        var holder = await app.SignedInAsync("budget.holder");
        var today = app.Today;

        var html = Decode(await holder.GetStringAsync($"/Budgets?fy={Uri.EscapeDataString(app.ThisYear.ToString())}&AsAt.Day={today.Day}&AsAt.Month={today.Month}&AsAt.Year={today.Year}&ExcludeTrend=true"));
        var without = await app.ForecastAsync(new ForecastOptions(IncludeTrend: false));
        var with = await app.ForecastAsync(ForecastOptions.Base);

        Assert.Equal(without.Forecast.ToString(), Total(html, "forecast"));
        Assert.Equal(with.Forecast - with.Totals.Trend, without.Forecast);
        var trend = without.Line("1.2.1").Figures.Trend;
        Assert.Equal(trend.IsZero ? trend.ToString() : $"{trend} (not counted)", Figure(html, "1.2.1", "trend"));
        Assert.Contains("checked=\"checked\"", Regex.Match(html, "<input[^>]+id=\"ExcludeTrend\"[^>]*>").Value);
    }

    [Fact]
    public async Task LastYear_WithNoDateGiven_IsForecastAsAtItsLastDay()
    {
        var holder = await app.SignedInAsync("budget.holder");
        var lastYear = app.ThisYear.Previous();

        var html = Decode(await holder.GetStringAsync($"/Budgets?fy={Uri.EscapeDataString(lastYear.ToString())}"));
        var expected = await app.ForecastAsync(ForecastOptions.Base, lastYear, lastYear.End);

        Assert.Contains($"Forecast outturn {lastYear} on 31 March {lastYear.StartYear + 1}", html);
        Assert.Equal(expected.Budget.ToString(), Total(html, "budget"));
        Assert.Equal(expected.Forecast.ToString(), Total(html, "forecast"));
        Assert.Empty(ErrorSummary(html));
    }

    [Fact]
    public async Task AnAsAtDateOutsideTheYear_IsAnError_AndTheYearsForecastIsShownOnItsDefaultDate()
    {
        var holder = await app.SignedInAsync("budget.holder");
        var html = Decode(await holder.GetStringAsync($"/Budgets?fy={Uri.EscapeDataString(app.ThisYear.ToString())}&AsAt.Day=1&AsAt.Month=1&AsAt.Year=2001"));

        var error = Assert.Single(ErrorSummary(html));
        Assert.Equal("#AsAt-day", error.Href);
        Assert.StartsWith($"The 'as at' date must be inside the financial year {app.ThisYear}", error.Message);
    }

    [Fact]
    public async Task AFeeRiseOf10Percent_RaisesEachPlacementLineByItsUplift_SideBySideWithTheBase()
    {
        var holder = await app.SignedInAsync("budget.holder");

        var html = Decode(await holder.GetStringAsync("/Budgets/Scenario?Growth=0&FeeRise=10"));
        var (baseline, scenario) = await app.CompareAsync(new ForecastOptions(true, 0m, 10m));

        var line = scenario.Line("1.2.1");
        // The uplift is 10% of the line's actual + commitment + expected demand, rounded half away from zero.
        Assert.Equal((line.Figures.Actual + line.Figures.Commitment + line.Figures.ExpectedDemand).Multiply(0.10m), line.Figures.Uplift);
        Assert.True(line.Figures.Uplift.Pence > 0);
        Assert.Equal(baseline.Line("1.2.1").Forecast.ToString(), Figure(html, "1.2.1", "base"));
        Assert.Equal(line.Forecast.ToString(), Figure(html, "1.2.1", "scenario"));
        Assert.Equal("+" + line.Figures.Uplift, Figure(html, "1.2.1", "difference"));
        Assert.Equal("£0.00", Figure(html, "1.2.5", "difference")); // held at budget: no fee to rise
        Assert.Equal("+" + (scenario.Forecast - baseline.Forecast), Total(html, "difference"));
    }

    [Fact]
    public async Task AScenarioOutsideMinus50To100_ListsEachError_AndShowsNoResult()
    {
        var holder = await app.SignedInAsync("budget.holder");

        var html = Decode(await holder.GetStringAsync("/Budgets/Scenario?Growth=lots&FeeRise=150"));

        Assert.Equal(
        [
            ("#Growth", "The growth in new placements must be a percentage from -50 to 100, like 5 or 2.5"),
            ("#FeeRise", "The fee rise must be a percentage from -50 to 100, like 5 or 2.5"),
        ], ErrorSummary(html));
        Assert.DoesNotContain("data-testid=\"scenario-lines\"", html);
        Assert.Contains("value=\"lots\"", html);
    }

    [Fact]
    public async Task Snapshots_ShowTheirLinesAndMovement_AlertTheOverview_AndTakeABudgetHoldersNote()
    {
        // Two months back is the year's first snapshot; then 1.2.3's budget is cut to £1,000.00, so last month's snapshot
        // finds the line red: an alert.
        var lastMonth = app.Today.ToYearMonth().PlusMonths(-1);
        var monthBefore = lastMonth.PlusMonths(-1);
        var first = await app.TakeSnapshotAsync(monthBefore.OnDayOfMonth(monthBefore.Calendar.GetDaysInMonth(monthBefore.Year, monthBefore.Month)));
        Assert.NotEqual(RagStatus.Red, first.Lines.Single(l => l.S251Line == "1.2.3").Rag);
        await app.ReviseAsync("1.2.3", Money.FromPounds(1_000), "test: the line is cut to show an alert");
        var second = await app.TakeSnapshotAsync(lastMonth.OnDayOfMonth(lastMonth.Calendar.GetDaysInMonth(lastMonth.Year, lastMonth.Month)));
        var holder = await app.SignedInAsync("budget.holder");

        var list = Decode(await holder.GetStringAsync("/Budgets/Snapshots"));
        Assert.Equal(second.Forecast.ToString(), Cell(list, $"data-month=\"{lastMonth:yyyy-MM}\"", "forecast"));
        Assert.Equal(second.Alerts.Count().ToString(CultureInfo.InvariantCulture), Cell(list, $"data-month=\"{lastMonth:yyyy-MM}\"", "alerts"));

        var url = $"/Budgets/Snapshots/{lastMonth:yyyy-MM}";
        var page = Decode(await holder.GetStringAsync(url));
        Assert.Equal("Red (alert)", Figure(page, "1.2.3", "rag"));
        Assert.Equal(first.Lines.Single(l => l.S251Line == "1.2.3").Rag.ToString(), Figure(page, "1.2.3", "previous-rag"));
        Assert.Equal(Signed(second.Forecast - first.Forecast), TestId(page, "movement"));

        // The overview tells those who monitor budgets; a commissioner sees no banner.
        var overview = Decode(await holder.GetStringAsync("/"));
        Assert.Contains("data-line=\"1.2.3\">1.2.3 Top-up and other funding – non-maintained and independent providers: Red", Section(overview, "budget-alerts"));
        Assert.Contains("href=\"/Budgets\"", Section(overview, "budget-alerts"));
        var commissioner = await app.SignedInAsync("commissioner");
        Assert.DoesNotContain("budget-alerts", await commissioner.GetStringAsync("/"));

        // A note needs text; then it stays with the snapshot, signed by its writer.
        var (blank, blankHtml) = await PostFormAsync(holder, url, new() { ["S251Line"] = "1.2.3", ["Text"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal([("#Text", "Write the note")], ErrorSummary(blankHtml));
        const string note = "Two independent placements agreed in October; recovery plan to Schools Forum in January.";
        var (added, _) = await PostFormAsync(holder, url, new() { ["S251Line"] = "1.2.3", ["Text"] = note });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = Decode(await holder.GetStringAsync(url));
        Assert.Contains($"Your note on 1.2.3 is added to the {lastMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} snapshot.", page);
        Assert.Contains(note, Section(page, "notes"));
        Assert.Contains("budget.holder,", Section(page, "notes"));

        // The monitoring page compares with last month's snapshot and carries its commentary.
        var monitoring = Decode(await holder.GetStringAsync("/Budgets"));
        var live = await app.ForecastAsync(ForecastOptions.Base);
        Assert.Equal(Signed(live.Forecast - second.Forecast), TestId(monitoring, "movement"));
        Assert.Contains(note, Section(monitoring, "notes"));

        // Cutting 1.2.2's budget now turns the live forecast red: an alert against last month's snapshot.
        var was = second.Lines.Single(l => l.S251Line == "1.2.2").Rag;
        Assert.NotEqual(RagStatus.Red, was);
        Assert.True(live.Line("1.2.2").Forecast > Money.FromPounds(1_000), "the example county has academy placements");
        await app.ReviseAsync("1.2.2", Money.FromPounds(1_000), "test: the line is cut to show a live alert");
        monitoring = Decode(await holder.GetStringAsync("/Budgets"));
        Assert.Contains($"1.2.2 Top-up funding – academies, free schools and colleges is Red (was {was})", Text(Section(monitoring, "alerts")));
    }

    [Fact]
    public async Task ASnapshotMonthNeverTaken_IsNotFound()
    {
        var holder = await app.SignedInAsync("budget.holder");
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync("/Budgets/Snapshots/1999-04")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync("/Budgets/Snapshots/april")).StatusCode);
    }

    [Fact]
    public async Task AFinanceApproverRevisesALine_WhichShowsVersion2_WithItsReasonAndWho()
    {
        var approver = await app.SignedInAsync("finance.approver");
        const string reason = "DSG management plan agreed at Schools Forum";

        var (saved, _) = await PostFormAsync(approver, "/Budgets/Setup", new() { ["S251Line"] = "1.2.4", ["Amount"] = "1,300,000", ["Reason"] = reason });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = Decode(await approver.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains($"The {app.ThisYear} budget for 1.2.4 is £1,300,000.00 (version 2).", html);
        Assert.Equal("£1,300,000.00", Figure(html, "1.2.4", "amount"));
        Assert.Equal("2", Figure(html, "1.2.4", "version"));
        var revision = Regex.Match(html, "<tr class=\"govuk-table__row\" data-line=\"1.2.4\" data-version=\"2\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["1.2.4", "2", "£1,250,000.00", "£1,300,000.00", reason, "finance.approver"], Cells(revision).Take(6));
    }

    [Fact]
    public async Task ABadBudget_IsRedisplayedWithAnErrorSummary_AndNothingIsSaved()
    {
        var approver = await app.SignedInAsync("finance.approver");
        var before = (await app.BudgetsAsync()).Single(l => l.S251LineCode == "1.2.7");

        var (bad, badHtml) = await PostFormAsync(approver, "/Budgets/Setup", new() { ["S251Line"] = "1.2.7", ["Amount"] = "five hundred", ["Reason"] = "x" });
        var (noReason, noReasonHtml) = await PostFormAsync(approver, "/Budgets/Setup", new() { ["S251Line"] = "1.2.7", ["Amount"] = "560000", ["Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal([("#Amount", "The budget must be an amount in pounds with up to 2 decimal places, like 10000 or 10,000.50")], ErrorSummary(badHtml));
        Assert.Contains("value=\"five hundred\"", badHtml);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal("#Reason", Assert.Single(ErrorSummary(noReasonHtml)).Href);
        Assert.StartsWith("Say why the budget is revised", ErrorSummary(noReasonHtml)[0].Message);
        var after = (await app.BudgetsAsync()).Single(l => l.S251LineCode == "1.2.7");
        Assert.Equal((Money.FromPounds(540_000), 1), (after.Amount, after.Version));
        Assert.Equal((before.Amount, before.Version), (after.Amount, after.Version));
    }

    [Fact]
    public async Task ABudgetHolderSeesTheBudgets_ButCannotRevise()
    {
        var holder = await app.SignedInAsync("budget.holder");
        var html = Decode(await holder.GetStringAsync("/Budgets/Setup"));
        Assert.Equal("£540,000.00", Figure(html, "1.2.7", "amount"));
        Assert.Equal("Not set", Figure(html, "1.2.9", "amount"));
        Assert.DoesNotContain("Save the budget", html);

        var token = PlacementsApp.AntiforgeryToken(await holder.GetStringAsync("/Budgets/Scenario"));
        var post = await holder.PostAsync("/Budgets/Setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["S251Line"] = "1.2.8", ["Amount"] = "1", ["Reason"] = "not allowed",
        }));
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(Money.FromPounds(260_000), (await app.BudgetsAsync()).Single(l => l.S251LineCode == "1.2.8").Amount);
    }

    [Fact]
    public async Task TheDsgPosition_ShowsThisYearsForecastAgainstTheAllocation_AndTheDeficitCarriedForward()
    {
        var approver = await app.SignedInAsync("finance.approver");
        var year = app.ThisYear.ToString();

        var (zero, zeroHtml) = await PostFormAsync(approver, "/Budgets/Dsg", new() { ["Year"] = year, ["Allocation"] = "0", ["DeficitBroughtForward"] = "" });
        Assert.Equal(HttpStatusCode.OK, zero.StatusCode);
        Assert.Equal([("#Allocation", "The High Needs allocation must be more than £0.00.")], ErrorSummary(zeroHtml));

        var (saved, _) = await PostFormAsync(approver, "/Budgets/Dsg", new()
        {
            ["Year"] = year, ["Allocation"] = "30000000", ["DeficitBroughtForward"] = "2500000", ["Population"] = "112000", ["Outturn"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = Decode(await approver.GetStringAsync("/Budgets/Dsg"));
        var forecast = (await app.ForecastAsync(ForecastOptions.Base)).Forecast;
        var row = $"data-year=\"{year}\"";
        Assert.Equal("£30,000,000.00", Cell(html, row, "allocation"));
        Assert.Equal($"{forecast} (forecast)", Cell(html, row, "outturn"));
        Assert.Equal((Money.FromPounds(2_500_000) + forecast - Money.FromPounds(30_000_000)).ToString(), Cell(html, row, "deficit-cf"));
    }

    [Fact]
    public async Task TheDownloads_AreThePdfAndTheWorkbook_NamedForTheMonth()
    {
        var holder = await app.SignedInAsync("budget.holder");
        var today = app.Today;
        var query = $"fy={Uri.EscapeDataString(app.ThisYear.ToString())}&AsAt.Day={today.Day}&AsAt.Month={today.Month}&AsAt.Year={today.Year}";

        var pdf = await holder.GetAsync($"/Budgets?handler=Pdf&{query}");
        var excel = await holder.GetAsync($"/Budgets?handler=Excel&{query}");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"high-needs-monitoring-{today:yyyy-MM}.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"high-needs-monitoring-{today:yyyy-MM}.xlsx", excel.Content.Headers.ContentDisposition!.FileNameStar ?? excel.Content.Headers.ContentDisposition.FileName);
        // The page links to exactly these.
        var html = await holder.GetStringAsync("/Budgets");
        Assert.Contains(WebUtility.HtmlEncode($"/Budgets?handler=Pdf&{query}"), html);
    }

    [Fact]
    public async Task BudgetPages_AreForBudgetHoldersApproversAndAdministrators_AndFormsNeedTheirToken()
    {
        var holder = await app.SignedInAsync("budget.holder");
        foreach (var url in new[] { "/Budgets", "/Budgets/Scenario", "/Budgets/Snapshots", "/Budgets/Setup", "/Budgets/Dsg" })
            Assert.True((await holder.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} for a budget holder");

        var commissioner = await app.SignedInAsync("commissioner");
        foreach (var url in new[] { "/Budgets", "/Budgets/Scenario", "/Budgets/Snapshots", "/Budgets/Setup", "/Budgets/Dsg" })
        {
            var denied = await commissioner.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        }
        Assert.DoesNotContain("href=\"/Budgets\"", await commissioner.GetStringAsync("/"));

        var anonymous = await app.Anonymous().GetAsync("/Budgets");
        Assert.StartsWith("/Account/SignIn", anonymous.Headers.Location!.PathAndQuery);

        var approver = await app.SignedInAsync("finance.approver");
        var noToken = await approver.PostAsync("/Budgets/Setup", new FormUrlEncodedContent(new Dictionary<string, string> { ["S251Line"] = "1.2.8", ["Amount"] = "1", ["Reason"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(Money.FromPounds(260_000), (await app.BudgetsAsync()).Single(l => l.S251LineCode == "1.2.8").Amount);
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static string Signed(Money amount) => amount.Pence > 0 ? "+" + amount : amount.ToString();

    /// <summary>The text of a cell (<c>data-figure</c>) in the table row of an s251 line.</summary>
    private static string Figure(string html, string line, string figure) => Cell(html, $"data-line=\"{line}\"", figure);

    private static string Cell(string html, string rowAttribute, string figure)
    {
        var row = Regex.Match(html, $"<tr class=\"govuk-table__row\" {Regex.Escape(rowAttribute)}>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row {rowAttribute}");
        return Text(Regex.Match(row.Groups[1].Value, $"data-figure=\"{figure}\">(.*?)</(?:td|span)>", RegexOptions.Singleline).Groups[1].Value);
    }

    private static string Total(string html, string total) => Text(Regex.Match(html, $"data-total=\"{total}\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value);

    private static string TestId(string html, string id) => Text(Regex.Match(html, $"data-testid=\"{id}\">(.*?)</", RegexOptions.Singleline).Groups[1].Value);

    /// <summary>The element with <c>data-testid</c> (or <c>id</c> of a heading) <paramref name="id"/> and what follows it, to the next heading.</summary>
    private static string Section(string html, string id)
    {
        var at = html.IndexOf($"data-testid=\"{id}\"", StringComparison.Ordinal) is var i and >= 0 ? i : html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {id} on the page");
        var end = html.IndexOf("<h2 class=\"govuk-heading-m\"", at + 1, StringComparison.Ordinal);
        return html[at..(end < 0 ? html.Length : end)];
    }

    private static IEnumerable<string> Cells(string row) =>
        Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value));

    private static string Text(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", ""), @"\s+", " ").Trim();


    /// <summary>Posts a form as the browser would: with the anti-forgery token from the page it is on.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(await client.GetStringAsync(url));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, Decode(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class BudgetPagesOnSqliteTests(BudgetsSqliteApp app) : BudgetPagesTests(app), IClassFixture<BudgetsSqliteApp>;

public sealed class BudgetPagesOnPostgresTests(BudgetsPostgresApp app) : BudgetPagesTests(app), IClassFixture<BudgetsPostgresApp>;
