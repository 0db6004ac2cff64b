using Microsoft.Playwright;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// A finance officer in Debian's Chromium prepares a month from the payment runs page and follows it to the run page
/// (the progress panel polled by htmx, then the run); an axe scan of both pages finds no accessibility violations.
/// The browser app is shared with other browser tests, so this uses a month nobody else prepares and approves nothing.
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class PaymentsBrowserTests(BrowserSession browser)
{
    private string BaseAddress => browser.BaseAddress;

    [Fact]
    public async Task AnOfficer_PreparesJuneInTheBrowser_AndSeesTheRun_WithNoAccessibilityViolations()
    {
        var page = await browser.SignedInPageAsync("finance.officer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Payments", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Payments");
        Assert.Equal("Payment runs", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "payment runs");

        await page.GetByLabel("Month", new() { Exact = true }).FillAsync("6");
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare run" }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Payments/Run/2026-06");

        // The progress panel (if the job has not finished yet) reloads the page by itself when the run is posted.
        await page.Locator("[data-testid=run-summary]").WaitForAsync(new() { Timeout = 90_000 });
        Assert.Equal(0, await page.Locator("[data-testid=progress]").CountAsync());
        Assert.Equal("Draft", await page.Locator("[data-testid=run-status]").InnerTextAsync());
        Assert.StartsWith("£", await page.Locator("[data-testid=run-total]").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=provider-totals] tr[data-provider]").CountAsync() > 10);
        Assert.Equal("true", await page.GetByRole(AriaRole.Link, new() { Name = "Payments", Exact = true }).GetAttributeAsync("aria-current"));
        await BrowserSession.AssertNoViolationsAsync(page, "payment run");

        // The hold form's errors are listed in form order and link to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold payments" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Enter the placement reference", "Enter the reason for the hold", "Enter the team that holds the payments"],
            await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "payment run with hold errors");
    }
}
