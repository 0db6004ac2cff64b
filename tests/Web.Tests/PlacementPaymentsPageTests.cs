using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// A placement's payments page through the real app, on the runs of <see cref="PaymentsApiApp"/>: April approved, May
/// a draft. Each line is listed oldest run first; only approved, unheld lines count as paid; a hold is shown as a
/// warning and its lines as held; the child appears by reference and initials, never by name.
/// </summary>
[Collection(PaymentRunsCollection.Name)]
public sealed class PlacementPaymentsPageTests(PaymentsApiApp app)
{
    private static readonly FinancialYear Year2026 = new(2026);

    [Fact]
    public async Task AfterAprilIsApproved_APlacementsPage_ListsItsAprilLine_AndCountsItAsPaidFor2026To27()
    {
        var april = await FirstTopUpAsync(PaymentsApiApp.April, last: false);
        var lines = await LinesAsync(april.PlacementId);
        var client = await app.SignedInAsync("finance.officer");

        var page = await PageAsync(client, $"/Placements/{april.PlacementReference}/Payments");

        var aprilRow = Row(page, "2026-04/1", PaymentKind.TopUp);
        Assert.Contains(april.Amount.ToString(), aprilRow);
        Assert.Contains("Approved", aprilRow);
        Assert.Contains("href=\"/Payments/Run/2026-04/1\"", aprilRow);
        var paid = Money.Sum(lines.Where(l => l.Run.IsApproved && !l.Line.IsHeld && l.Line.FinancialYear == Year2026).Select(l => l.Line.Amount));
        Assert.True(paid >= april.Amount, "April's top-up is part of what has been paid in 2026/27");
        Assert.Equal(paid.ToString(), YearTotal(page, "2026/27", "data-paid"));
        var mayLines = lines.Where(l => l.Run.Month == PaymentsApiApp.May && l.Line.FinancialYear == Year2026).ToList();
        if (mayLines.Count > 0)
        {
            Assert.Contains("Not yet approved", Row(page, "2026-05/1", mayLines[0].Line.Kind));
            Assert.Equal(Money.Sum(mayLines.Select(l => l.Line.Amount)).ToString(), YearTotal(page, "2026/27", "data-not-yet-approved"));
        }
        Assert.True(page.IndexOf("data-run=\"2026-04/1\"", StringComparison.Ordinal) < page.IndexOf("data-run=\"2026-05/1\"", StringComparison.Ordinal)
                    || mayLines.Count == 0, "oldest run first");
        var (reference, name) = await ChildAsync(april.PlacementReference);
        Assert.Contains(reference, page);
        Assert.DoesNotContain(name, page);
    }

    [Fact]
    public async Task AHeldPlacement_ShowsTheHold_AndItsDraftLineAsHeld_NeverAsPaid()
    {
        var may = await FirstTopUpAsync(PaymentsApiApp.May, last: true);
        await app.ActAsync("finance.officer", (_, sp) =>
            sp.GetRequiredService<HoldPayments>().HoldAsync(may.PlacementReference, "Awaiting the annual review", "SEND casework", "finance.officer"));
        var lines = await LinesAsync(may.PlacementId);
        var client = await app.SignedInAsync("finance.approver");

        var page = await PageAsync(client, $"/Placements/{may.PlacementReference}/Payments");

        Assert.Matches("data-testid=\"active-hold\"[^!]*!.*held by SEND casework since .*: Awaiting the annual review", Regex.Replace(page, @"\s+", " "));
        Assert.Contains("Held by SEND casework: Awaiting the annual review", Row(page, "2026-05/1", PaymentKind.TopUp));
        var held = Money.Sum(lines.Where(l => l.Line.IsHeld && l.Line.FinancialYear == Year2026).Select(l => l.Line.Amount));
        Assert.True(held >= may.Amount, "the May top-up is held");
        Assert.Equal(held.ToString(), YearTotal(page, "2026/27", "data-held"));
        var paid = Money.Sum(lines.Where(l => l.Run.IsApproved && !l.Line.IsHeld && l.Line.FinancialYear == Year2026).Select(l => l.Line.Amount));
        Assert.Equal(paid.ToString(), YearTotal(page, "2026/27", "data-paid"));
    }

    [Fact]
    public async Task TheFundingPage_LinksToThePaymentsPage()
    {
        var april = await FirstTopUpAsync(PaymentsApiApp.April, last: false);
        var client = await app.SignedInAsync("finance.officer");

        var page = await PageAsync(client, $"/Placements/{april.PlacementReference}/Funding");

        Assert.Contains($"href=\"/Placements/{april.PlacementReference}/Payments\"", page);
    }

    [Fact]
    public async Task ACommissioner_IsTurnedAway_AndAnUnknownPlacementIsNotFound()
    {
        var april = await FirstTopUpAsync(PaymentsApiApp.April, last: false);
        var commissioner = await app.SignedInAsync("commissioner");
        var officer = await app.SignedInAsync("finance.officer");

        var denied = await commissioner.GetAsync($"/Placements/{april.PlacementReference}/Payments");
        var missing = await officer.GetAsync("/Placements/NO-SUCH-PLACEMENT/Payments");

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private sealed record LineInRun(PaymentLine Line, PaymentRun Run);

    /// <summary>A top-up line of the month's first run that is not held: the first or last by placement reference.</summary>
    private Task<PaymentLine> FirstTopUpAsync(NodaTime.YearMonth month, bool last) => app.QueryAsync(async db =>
    {
        var lines = (await (from l in db.PaymentLines.AsNoTracking()
                            join r in db.PaymentRuns on l.PaymentRunId equals r.Id
                            where r.Month == month && r.Sequence == 1 && l.Kind == PaymentKind.TopUp && l.HoldId == null
                            select l).ToListAsync())
            .Where(l => !l.Amount.IsNegative && !l.Amount.IsZero).OrderBy(l => l.PlacementReference, StringComparer.Ordinal).ToList();
        return last ? lines[^1] : lines[0];
    });

    private Task<List<LineInRun>> LinesAsync(int placementId) => app.QueryAsync(db =>
        (from l in db.PaymentLines.AsNoTracking()
         where l.PlacementId == placementId
         join r in db.PaymentRuns.AsNoTracking() on l.PaymentRunId equals r.Id
         select new LineInRun(l, r)).ToListAsync());

    private async Task<(string Reference, string Name)> ChildAsync(string placementReference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        return await (from p in db.Placements where p.Reference == placementReference
                      join c in db.Children on p.ChildId equals c.Id
                      select ValueTuple.Create(c.Reference, c.GivenName + " " + c.FamilyName)).SingleAsync();
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Row(string page, string run, PaymentKind kind)
    {
        var match = Regex.Match(page, $"<tr[^>]*data-run=\"{Regex.Escape(run)}\" data-kind=\"{kind}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"a {kind} line of run {run} is listed");
        return match.Groups[1].Value;
    }

    private static string YearTotal(string page, string year, string column)
    {
        var table = Regex.Match(page, "data-testid=\"paid-by-year\"(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var match = Regex.Match(table, $"data-year=\"{Regex.Escape(year)}\".*?{column}>([^<]+)<", RegexOptions.Singleline);
        Assert.True(match.Success, $"{year} has a {column} total");
        return match.Groups[1].Value.Trim();
    }
}
