using Microsoft.Playwright;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// A commissioner in Debian's Chromium on the demo county: providers, a provider's occupancy, the register filtered
/// by need and status, a child's history; an axe scan of each page finds no accessibility violations.
/// Set <c>PLACEMENTS_SCREENSHOTS</c> to a folder to keep a screenshot of each page.
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class CommissioningBrowserTests(BrowserSession browser)
{
    private string BaseAddress => browser.BaseAddress;

    private Task<IPage> SignedInPageAsync() => browser.SignedInPageAsync("commissioner");

    private static Task CheckAsync(IPage page, string what) => BrowserSession.AssertNoViolationsAsync(page, what);

    [Fact]
    public async Task ACommissioner_FiltersTheRegister_AndOpensAChildsHistory_WithNoAccessibilityViolations()
    {
        var page = await SignedInPageAsync();

        await Menu(page, "Providers").ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Providers");
        Assert.Equal("Providers", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("tr[data-provider]").CountAsync() > 50);
        Assert.Matches(@"^\d+ of \d+ places filled", await page.Locator("tr[data-provider] .app-occupancy__text").First.InnerTextAsync());
        await CheckAsync(page, "providers list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Brookfield School", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Providers/PRV001");
        Assert.Equal("Brookfield School", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("places filled", await page.Locator("[data-testid=capacity]").InnerTextAsync());
        await CheckAsync(page, "provider detail");

        await Menu(page, "Placements").ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Placements");
        await CheckAsync(page, "placement register");

        await page.GetByLabel("Primary need").SelectOptionAsync("ASD");
        await page.GetByLabel("Status").SelectOptionAsync("Agreed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("Need=ASD") && url.Contains("Status=Agreed"));

        var rows = page.Locator("tr[data-placement]");
        Assert.Equal(50, await rows.CountAsync());
        Assert.All(await page.Locator("tr[data-placement] td:nth-child(4)").AllInnerTextsAsync(), need => Assert.Equal("ASD", need));
        Assert.All(await page.Locator("tr[data-placement] td:nth-child(8)").AllInnerTextsAsync(), status => Assert.Equal("Agreed", status));
        Assert.Contains("showing 1 to 50", await page.Locator("[data-testid=placement-total]").InnerTextAsync());
        await CheckAsync(page, "filtered register");

        var firstChild = rows.First.Locator("td").Nth(1).Locator("a");
        var childReference = (await firstChild.GetAttributeAsync("href"))!.Split('/')[^1];
        await firstChild.ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Children/" + childReference);
        Assert.Contains(childReference, await page.Locator("[data-testid=child-summary]").InnerTextAsync());
        Assert.Contains("ASD", await page.Locator("[data-testid=child-summary]").InnerTextAsync());
        Assert.Equal("Placement history", await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First.InnerTextAsync());
        Assert.True(await page.Locator(".govuk-summary-card .govuk-tag", new() { HasText = "Agreed" }).CountAsync() >= 1);
        Assert.Equal("true", await Menu(page, "Placements").GetAttributeAsync("aria-current"));
        await CheckAsync(page, "child page");
    }

    [Fact]
    public async Task TheProposeAndEndForms_ShowErrorsInFormOrder_WithNoAccessibilityViolations()
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(BaseAddress + "/Children/C100002/Propose");
        await page.GetByLabel("Day").First.FillAsync("31");
        await page.GetByLabel("Month").First.FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose placement" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Choose the provider", "The start date must include a year"], await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await page.Locator(".govuk-error-summary__list a").Nth(1).ClickAsync();
        Assert.Equal("Start-day", await page.EvaluateAsync<string>("document.activeElement.id"));
        await CheckAsync(page, "propose form with errors");

        // An agreed placement from the register, ended without a reason.
        await page.GotoAsync(BaseAddress + "/Placements?Status=Agreed");
        await page.Locator("tr[data-placement] td:nth-child(2) a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^End placement") }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/End"));
        await CheckAsync(page, "end form");
        await page.GetByRole(AriaRole.Button, new() { Name = "End placement" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Enter the last day on roll", "Choose why the placement ended"], await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await CheckAsync(page, "end form with errors");
    }

    private static ILocator Menu(IPage page, string item) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = item, Exact = true });
}
