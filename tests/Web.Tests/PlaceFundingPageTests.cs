using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Elements;
using Placements.Finance.Funding.PlaceFunding;
using Placements.Finance.Persistence;
using Placements.Web.Demo;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>The place funding and Place Plus elements pages through the real app on the demo county.</summary>
public sealed class PlaceFundingPageTests(SqliteApp app)
{
    private static readonly LocalDate Today = LocalDate.FromDateTime(DateTime.Today);
    private static readonly FinancialYear ThisYear = FinancialYear.For(Today);

    /// <summary>The page's HTML with entities decoded, so "£" reads as itself.</summary>
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The by-provider table row of <paramref name="reference"/>.</summary>
    private static string ProviderRow(string html, string reference)
    {
        var table = html[html.IndexOf("data-testid=\"place-funding\"", StringComparison.Ordinal)..];
        var match = Regex.Match(table, $"<tr[^>]*data-provider=\"{Regex.Escape(reference)}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row for {reference}");
        return match.Value;
    }

    private async Task<(int Id, string Reference)> DemoProviderAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var p = await db.Providers.Where(p => p.Name == name).Select(p => new { p.Id, p.Reference }).SingleAsync();
        return (p.Id, p.Reference);
    }

    [Fact]
    public async Task AMaintainedSpecialSchoolsTotal_IsWhatTheEngineWorksOutFromTheDatabase()
    {
        var (id, reference) = await DemoProviderAsync("Brookfield School");
        PlaceFundingForYear expected;
        using (var scope = app.Services.CreateScope())
        {
            var commissioning = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
            var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
            var places = (await commissioning.CommissionedPlaces.Where(c => c.ProviderId == id).ToListAsync())
                .GroupBy(c => c.AcademicYear).ToDictionary(g => g.Key, g => g.Sum(c => c.Places));
            var rates = PlaceRateTable.From(await finance.PlaceRates.ToListAsync());
            expected = ProviderPlaceFunding.For(new FundedProvider(reference, ProvisionType.MaintainedSpecial, false, true), ThisYear,
                ay => places.TryGetValue(ay, out var n) ? new CommissionedPlaces(ay, n) : null, rates);
        }
        Assert.True(expected.Total.Pence > 0);
        var client = await app.SignedInAsync("finance.officer");

        var html = await PageAsync(client, $"/Funding/PlaceFunding?year={ThisYear}");

        var row = ProviderRow(html, reference);
        Assert.Contains($"data-part=\"earlier\">{expected.EarlierPart}<", row);
        Assert.Contains($"data-part=\"later\">{expected.LaterPart}<", row);
        Assert.Contains($"data-part=\"total\">{expected.Total}<", row);
        Assert.Contains("data-paid-by=\"ThisCouncil\"", row);
        Assert.Contains("This council", row);
        Assert.Contains("data-total=\"s251\">", html);
    }

    [Fact]
    public async Task AnAcademysPlaceFunding_IsShownAsPaidByDfE_AndNotInTheCouncilsS251Total()
    {
        var (_, reference) = await DemoProviderAsync("Beacon Hill Academy");
        var client = await app.SignedInAsync("finance.officer");

        var html = await PageAsync(client, $"/Funding/PlaceFunding?year={ThisYear}");

        var row = ProviderRow(html, reference);
        Assert.Contains("data-paid-by=\"DfE\"", row);
        Assert.Contains("DfE (deducted from the grant)", row);
        Assert.Contains("data-total=\"DfE\">", html);
        Assert.Contains("Whether a mainstream school hosting resourced provision is an academy is not recorded", html);
    }

    [Fact]
    public async Task TheElementsPage_ShowsThreeElementsWithWhoPaysEach()
    {
        string reference;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
            var academy = await db.Providers.Where(p => p.Name == "Beacon Hill Academy").Select(p => p.Id).SingleAsync();
            reference = await db.Placements
                .Where(p => p.ProviderId == academy && p.Status != PlacementStatus.Proposed && p.Start <= Today && (p.End == null || p.End >= Today))
                .OrderBy(p => p.Reference).Select(p => p.Reference).FirstAsync();
        }
        var client = await app.SignedInAsync("finance.officer");

        var html = await PageAsync(client, $"/Placements/{reference}/Elements?date={Today:yyyy-MM-dd}");

        Assert.Equal(3, Regex.Matches(html, "data-element=\"Element [123]\"").Count);
        var element2 = Regex.Match(html, "data-element=\"Element 2\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("£10,000.00", element2);
        Assert.Contains("data-payer=\"DfE\"", element2);
        var element3 = Regex.Match(html, "data-element=\"Element 3\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-payer=\"ThisCouncil\"", element3);
        Assert.DoesNotContain("Missing", element3);
        Assert.Contains("Special academy or free school", html);
        Assert.Contains("a year, band", html);
    }

    [Fact]
    public async Task ACommissioner_IsSentToAccessDenied()
    {
        var client = await app.SignedInAsync("commissioner");
        string placement;
        using (var scope = app.Services.CreateScope())
            placement = await scope.ServiceProvider.GetRequiredService<CommissioningDb>().Placements.OrderBy(p => p.Reference).Select(p => p.Reference).FirstAsync();

        foreach (var url in new[] { "/Funding/PlaceFunding", $"/Placements/{placement}/Elements" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task AFinanceOfficer_FindsAPlacementByReference_AndMovesBetweenItsFundingViews()
    {
        var client = await app.SignedInAsync("finance.officer");

        var found = await client.GetAsync("/Funding/PlaceFunding?placement=C100001-1");
        var missing = await client.GetStringAsync("/Funding/PlaceFunding?placement=NO-SUCH-REF");
        var funding = await client.GetStringAsync("/Placements/C100001-1/Funding");

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal("/Placements/C100001-1/Funding", found.Headers.Location!.OriginalString);
        Assert.Contains("There is no placement NO-SUCH-REF", missing);
        Assert.Contains("href=\"/Placements/C100001-1/Elements\"", funding);
        Assert.Contains("href=\"/Placements/C100001-1/Schedule\"", funding);
    }
}
