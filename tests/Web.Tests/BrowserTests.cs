using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Placements.Web.Demo;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>A person in Debian's Chromium: sign in, see the overview, and no accessibility violations on the way.</summary>
[Collection(nameof(BrowserSession))]
public sealed class BrowserTests(BrowserSession browser)
{
    private readonly BrowserApp _app = browser.App;

    private string BaseAddress => browser.BaseAddress;

    private Task<IPage> NewPageAsync() => browser.NewPageAsync();

    private static Task AssertNoViolationsAsync(IPage page, string what) => BrowserSession.AssertNoViolationsAsync(page, what);

    [Fact]
    public async Task ACommissioner_SignsIn_AndSeesTheOverview_WithNoAccessibilityViolations()
    {
        var page = await NewPageAsync();

        await page.GotoAsync(BaseAddress + "/");
        Assert.Contains("/Account/SignIn", page.Url);
        await AssertNoViolationsAsync(page, "sign-in page");

        await page.GetByLabel("User name").FillAsync("commissioner");
        await page.GetByLabel("Password").FillAsync(PlacementsApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // Wait for the redirect to arrive, not for every asset to load: the locators below wait for what they read.
        await page.WaitForURLAsync(BaseAddress + "/", new() { WaitUntil = WaitUntilState.Commit });
        Assert.Equal("Wessex Vale Council", await page.Locator("h1").InnerTextAsync());
        // Every child on record: the demo county's, and any a browser test sharing this app added before it.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var children = await scope.ServiceProvider.GetRequiredService<Placements.Commissioning.Persistence.CommissioningDb>().Children.CountAsync();
            Assert.InRange(children, DemoCounty.ChildrenOnRecord, DemoCounty.ChildrenOnRecord + 10);
            Assert.Equal(children.ToString("N0"), await page.Locator("[data-count=children]").InnerTextAsync());
        }
        Assert.Contains("js-enabled", await page.Locator("body").GetAttributeAsync("class") ?? "");
        await AssertNoViolationsAsync(page, "overview");
    }

    [Fact]
    public async Task AMistypedPassword_ShowsTheGovUkErrorSummary_WithNoAccessibilityViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseAddress + "/Account/SignIn");

        await page.GetByLabel("User name").FillAsync("commissioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("Enter your password", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AssertNoViolationsAsync(page, "sign-in page with errors");
    }

    [Fact]
    public async Task ACommissioner_ReadsThePlanningPage_WithItsChart_AndNoAccessibilityViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseAddress + "/Account/SignIn");
        await page.GetByLabel("User name").FillAsync("commissioner");
        await page.GetByLabel("Password").FillAsync(PlacementsApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/");

        await page.GotoAsync(BaseAddress + "/Planning");
        Assert.Equal("Place planning", await page.Locator("h1").InnerTextAsync());
        await page.Locator("[data-testid=sufficiency-table] tbody tr").First.WaitForAsync();
        // Chart.js drew the chart: the canvas was given a size and the need can be switched.
        await page.WaitForFunctionAsync("() => document.getElementById('planning-chart').width > 0");
        await page.GetByLabel("Need shown in the chart").SelectOptionAsync("SEMH");
        await page.GetByLabel("Years to project").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("YearsAhead=5"));
        Assert.Equal(6, await page.Locator("[data-testid=projection-summary] tbody tr").CountAsync());
        await AssertNoViolationsAsync(page, "planning page");
    }

    [Fact]
    public async Task AFinanceOfficer_ReadsPlaceFunding_APlacementsFundingElementsAndSchedule_AndTheTables_WithNoAccessibilityViolations()
    {
        string reference;
        using (var scope = _app.Services.CreateScope())
        {
            var finance = scope.ServiceProvider.GetRequiredService<Placements.Finance.Persistence.FinanceDb>();
            var commissioning = scope.ServiceProvider.GetRequiredService<Placements.Commissioning.Persistence.CommissioningDb>();
            var funded = await finance.PlacementFunding.Select(f => f.PlacementId).ToListAsync();
            reference = await commissioning.Placements
                .Where(p => p.Status == Placements.Commissioning.Placements.PlacementStatus.Agreed && p.End == null && funded.Contains(p.Id))
                .OrderBy(p => p.Reference).Select(p => p.Reference).FirstAsync();
        }
        var page = await NewPageAsync();
        await page.GotoAsync(BaseAddress + "/Account/SignIn");
        await page.GetByLabel("User name").FillAsync("finance.officer");
        await page.GetByLabel("Password").FillAsync(PlacementsApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Funding" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Funding/PlaceFunding"));
        await AssertNoViolationsAsync(page, "place funding page");

        await page.GotoAsync($"{BaseAddress}/Placements/{reference}/Elements");
        await AssertNoViolationsAsync(page, "placement elements page");

        await page.GotoAsync($"{BaseAddress}/Placements/{reference}/Schedule");
        Assert.Equal(12, await page.Locator("[data-testid=schedule] tbody tr[data-month]").CountAsync());
        await AssertNoViolationsAsync(page, "top-up schedule page");

        await page.GotoAsync($"{BaseAddress}/Placements/{reference}/Funding");
        await AssertNoViolationsAsync(page, "placement funding page");
        await page.GotoAsync($"{BaseAddress}/Funding/Rates");
        await AssertNoViolationsAsync(page, "place rates page");
        await page.GotoAsync($"{BaseAddress}/Funding/Bands");
        await AssertNoViolationsAsync(page, "top-up bands page");
        // A refused row comes back with the GOV.UK error summary, still accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).First.ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await AssertNoViolationsAsync(page, "top-up bands page with errors");
    }
}
