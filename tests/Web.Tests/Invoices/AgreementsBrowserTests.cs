using Microsoft.Playwright;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// A finance officer in Debian's Chromium opens the placement agreements, one agreement with its expected invoices and
/// forms, the aged invoices and the payment performance reports; an axe scan of each finds no accessibility violations.
/// The browser app (the demo county) is shared with other browser tests, so this only reads and submits a form that fails.
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class AgreementsBrowserTests(BrowserSession browser)
{
    private string BaseAddress => browser.BaseAddress;

    [Fact]
    public async Task AnOfficer_ReadsAgreementsAndTheInvoiceReports_WithNoAccessibilityViolations()
    {
        var page = await browser.SignedInPageAsync("finance.officer");

        await page.GotoAsync(BaseAddress + "/Agreements");
        Assert.Equal("Placement agreements", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=agreements] tr[data-placement]").CountAsync() > 0);
        await BrowserSession.AssertNoViolationsAsync(page, "placement agreements");

        await page.Locator("[data-testid=agreements] tr[data-placement] a").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Agreements/[^/?]+$"));
        Assert.StartsWith("Agreement for ", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "an agreement");

        // The terms form with its notice period cleared and an impossible payment term: the summary lists both.
        await page.GetByLabel("Notice period").FillAsync("");
        await page.GetByLabel("Payment term in days").FillAsync("sixty");
        await page.Locator("form[action*='handler=Terms'] button[type=submit]").ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Enter the notice period, for example one term", "The payment term must be a whole number of days, like 30"],
            await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "an agreement with errors");

        await page.GotoAsync(BaseAddress + "/Invoices/Aged");
        Assert.Equal("Aged invoices", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "aged invoices");

        await page.GotoAsync(BaseAddress + "/Invoices/Performance");
        Assert.StartsWith("Payment performance", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(2, await page.Locator("[data-testid=compliance] tbody tr").CountAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "payment performance");
    }
}
