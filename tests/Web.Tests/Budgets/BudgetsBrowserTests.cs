using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Budgets;

/// <summary>
/// A budget holder in Debian's Chromium opens budget monitoring from the menu on the demo county, runs a growth
/// scenario and annotates a line of last month's snapshot; a finance approver opens the budgets setup and the DSG
/// position. An axe scan of each page finds no accessibility violations.
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class BudgetsBrowserTests(BrowserSession browser)
{
    private string BaseAddress => browser.BaseAddress;

    [Fact]
    public async Task ABudgetHolder_MonitorsTheBudget_RunsAGrowthScenario_AndAnnotatesASnapshotLine()
    {
        var page = await browser.SignedInPageAsync("budget.holder");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Budgets", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Budgets");
        Assert.Equal("High Needs budget monitoring", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(13, await page.Locator("[data-testid=lines] tbody tr").CountAsync()); // every s251 line, no 1.2.12
        Assert.True(await page.Locator("#budget-chart").IsVisibleAsync());
        // The demo panel split placements: what health and social care are expected to contribute is shown too (and scanned).
        Assert.Equal(["Health (ICB)", "Social care"], await page.Locator("[data-testid=contributions] tbody th").AllInnerTextsAsync());
        Assert.StartsWith("£", await page.Locator("[data-total=net]").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "budget monitoring");

        await page.GetByRole(AriaRole.Link, new() { Name = "Scenario", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Budgets/Scenario");
        await page.GetByLabel("Growth in new placements (%)").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the scenario" }).ClickAsync();
        await page.Locator("[data-testid=scenario-lines]").WaitForAsync();
        Assert.Contains("growth 25%", await page.Locator("[data-testid=scenario-summary]").InnerTextAsync());
        Assert.Equal(13, await page.Locator("[data-testid=scenario-lines] tbody tr").CountAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "budget scenario");

        var (month, alerts) = await LastMonthsSnapshotAsync();
        // The overview lists the latest snapshot's alerts to a budget holder, in a notification banner.
        await page.GotoAsync(BaseAddress + "/");
        Assert.Equal(alerts.Select(a => a.S251Line), await page.Locator("[data-testid=budget-alerts] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.line)"));
        await BrowserSession.AssertNoViolationsAsync(page, "overview with budget alerts");

        await page.GotoAsync(BaseAddress + "/Budgets/Snapshots");
        await page.GetByRole(AriaRole.Link, new() { Name = month.ToString("MMMM yyyy", null), Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + $"/Budgets/Snapshots/{month:yyyy-MM}");
        await BrowserSession.AssertNoViolationsAsync(page, "budget snapshot");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Select the line the note is about", "Write the note"], await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "budget snapshot note with errors");

        const string note = "Independent placements above plan: two more agreed in November.";
        await page.GetByLabel("Line", new() { Exact = true }).SelectOptionAsync("1.2.3");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Contains(note, await page.Locator("[data-testid=notes] [data-line='1.2.3']").Last.InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "budget snapshot after a note");
    }

    [Fact]
    public async Task AFinanceApprover_OpensTheBudgetsSetupAndTheDsgPosition_WithNoAccessibilityViolations()
    {
        var page = await browser.SignedInPageAsync("finance.approver");

        await page.GotoAsync(BaseAddress + "/Budgets/Setup");
        Assert.Equal(13, await page.Locator("[data-testid=budgets] tbody tr").CountAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "budgets setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the budget" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Select the s251 line", "Enter the budget"], await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "budgets setup with errors");

        await page.GotoAsync(BaseAddress + "/Budgets/Dsg");
        Assert.Equal("Dedicated Schools Grant position", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "DSG position");
        await page.GetByLabel("High Needs allocation").FillAsync("52000000");
        await page.GetByLabel("Cumulative DSG deficit at 1 April").FillAsync("4000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the year" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        var year = await page.GetByLabel("Financial year").InputValueAsync();
        Assert.EndsWith("(forecast)", (await page.Locator($"tr[data-year='{year}'] [data-figure=outturn]").InnerTextAsync()).Trim());
        await BrowserSession.AssertNoViolationsAsync(page, "DSG position with a year");
    }

    /// <summary>Last month's snapshot of the demo county, taken as the monthly job would (once: a second take changes nothing).</summary>
    private async Task<(YearMonth Month, IReadOnlyList<BudgetSnapshotLine> Alerts)> LastMonthsSnapshotAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().ActingAs("test:budgets-browser");
        var month = services.GetRequiredService<NodaTime.IClock>().TodayInLondon().ToYearMonth().PlusMonths(-1);
        var asAt = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        await services.GetRequiredService<TakeBudgetSnapshot>().RunAsync(asAt, "test:budgets-browser", services.GetRequiredService<BudgetSettings>());
        return (month, (await services.GetRequiredService<Placements.Finance.Budgets.BudgetMonitoringQueries>().LatestAlertsAsync()).Alerts);
    }
}
