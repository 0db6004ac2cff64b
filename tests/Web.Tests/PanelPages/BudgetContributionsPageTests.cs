using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.PooledFunding;
using Placements.Web.Reports;
using static Placements.Web.Tests.Infrastructure.Workbook;

namespace Placements.Web.Tests.PanelPages;

/// <summary>
/// The High Needs forecast is what the council pays; on the demo county, whose panel has split placements between the
/// partners, the monitoring page also shows what health and social care are expected to contribute this year, what is
/// recharged so far, and the forecast net of it; the workbook's figures are the page's, and the month's snapshot keeps them.
/// </summary>
public sealed class BudgetContributionsPageTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Fact]
    public async Task TheMonitoringPage_ShowsThePartnersExpectedContributions_AndTheNetForecast_AsTheWorkbookDoes()
    {
        var holder = await app.SignedInAsync("budget.holder");
        var (forecast, expected) = await ExpectedAsync();
        Assert.NotEmpty(expected.Placements); // the demo panel's approved cases
        Assert.True(expected.Expected.Pence > 0, "health and social care contribute to the demo's jointly funded placements");

        var html = WebUtility.HtmlDecode(await holder.GetStringAsync("/Budgets"));

        foreach (var partner in expected.Partners)
        {
            Assert.Equal(partner.Expected.ToString(), Figure(html, partner.Partner.ToString(), "expected"));
            Assert.Equal(partner.Recharged.ToString(), Figure(html, partner.Partner.ToString(), "recharged"));
        }
        Assert.Equal(expected.Expected.ToString(), Figure(html, "total", "expected"));
        Assert.Equal(expected.NetOf(forecast).ToString(), Regex.Match(html, "data-total=\"net\">([^<]+)<").Groups[1].Value);
        Assert.Equal(forecast.Forecast - expected.Expected, expected.NetOf(forecast));

        var today = app.Today;
        var workbook = await holder.GetByteArrayAsync(
            $"/Budgets?handler=Excel&fy={Uri.EscapeDataString(FinancialYear.For(today).ToString())}&AsAt.Day={today.Day}&AsAt.Month={today.Month}&AsAt.Year={today.Year}");
        var placements = Sheet(workbook, BudgetWorkbook.Contributions);
        var totals = Sheet(workbook, BudgetWorkbook.ContributionTotals);
        Assert.Equal(expected.Placements.Count, placements.Count);
        Assert.Equal(Pounds(expected.Partners.Single(p => p.Partner == Partner.Health).Expected), placements.Sum(r => Pounds(r["Health (ICB)"])));
        Assert.Equal(Pounds(expected.Partners.Single(p => p.Partner == Partner.SocialCare).Expected), placements.Sum(r => Pounds(r["Social care"])));
        Assert.Equal(Pounds(expected.Expected), Pounds(totals.Single(r => (string?)r["Partner"] == "Total")["Expected this year"]));
        Assert.Equal(Pounds(expected.NetOf(forecast)),
            Pounds(totals.Single(r => (string?)r["Partner"] == "Forecast outturn net of partner contributions")["Expected this year"]));
    }

    [Fact]
    public async Task TheMonthsSnapshot_KeepsEachPartnersExpectedContribution_AndTheNetForecast()
    {
        var (forecast, expected) = await ExpectedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<Placements.Finance.Budgets.Snapshots.TakeBudgetSnapshot>()
                .RunAsync(app.Today, "test:contributions", scope.ServiceProvider.GetRequiredService<BudgetSettings>());
            var snapshot = outcome.Snapshot;
            Assert.Equal(forecast.Forecast, snapshot.Forecast);
            Assert.Equal((expected.Partners.Single(p => p.Partner == Partner.Health).Expected, expected.Partners.Single(p => p.Partner == Partner.SocialCare).Expected),
                (snapshot.HealthContribution, snapshot.SocialCareContribution));
            Assert.Equal(expected.NetOf(forecast), snapshot.NetForecast);
        }

        var holder = await app.SignedInAsync("budget.holder");
        var month = app.Today.ToString("yyyy-MM", null);
        var page = WebUtility.HtmlDecode(await holder.GetStringAsync($"/Budgets/Snapshots/{month}"));
        Assert.Equal(expected.NetOf(forecast).ToString(), Regex.Match(page, "data-total=\"net\">([^<]+)<").Groups[1].Value);
        Assert.StartsWith(expected.Expected.ToString() + " ", Regex.Match(page, "data-total=\"contributions\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value);
        var list = WebUtility.HtmlDecode(await holder.GetStringAsync("/Budgets/Snapshots"));
        Assert.Equal(expected.NetOf(forecast).ToString(),
            Regex.Match(list, $"data-month=\"{month}\">.*?data-figure=\"net\">([^<]+)<", RegexOptions.Singleline).Groups[1].Value);
    }

    private async Task<(HighNeedsForecastResult Forecast, ContributionsForecast Contributions)> ExpectedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var forecast = await scope.ServiceProvider.GetRequiredService<ForecastOutturn>()
            .ForecastAsync(FinancialYear.For(app.Today), app.Today, ForecastOptions.Base, scope.ServiceProvider.GetRequiredService<BudgetSettings>());
        return (forecast, await scope.ServiceProvider.GetRequiredService<ForecastPartnerContributions>().ForAsync(forecast));
    }

    private static string Figure(string html, string partner, string figure) =>
        Regex.Match(html, $"data-partner=\"{partner}\">.*?data-figure=\"{figure}\">([^<]+)<", RegexOptions.Singleline).Groups[1].Value.Trim();
}
