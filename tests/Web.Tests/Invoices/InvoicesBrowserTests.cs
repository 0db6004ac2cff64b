using Microsoft.Playwright;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// A finance officer in Debian's Chromium opens the invoice work queue from the menu, submits an empty invoice form
/// (the error summary lists every field), and opens one of the demo's invoices; an axe scan of each page finds no
/// accessibility violations. Then the queue is worked: the officer queries a line of one invoice, and a second user, a
/// finance approver, approves another's ready lines (the demo's invoices were recorded by the officer).
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class InvoicesBrowserTests(BrowserSession browser)
{
    private string BaseAddress => browser.BaseAddress;

    [Fact]
    public async Task AnOfficer_OpensTheQueue_AnEmptyForm_AndAnInvoice_WithNoAccessibilityViolations()
    {
        var page = await browser.SignedInPageAsync("finance.officer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Invoices");
        Assert.Equal("Invoices", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).GetAttributeAsync("aria-current"));
        // GOV.UK tabs: one tab per queue, the first shown.
        Assert.Equal(6, await page.Locator(".govuk-tabs__tab").CountAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "invoice work queue");

        // The demo's quarter of invoices: open one from the queue.
        var links = page.Locator("tr[data-invoice] a");
        Assert.True(await links.CountAsync() > 0, "the demo seeds invoices in every state");
        var href = await links.First.GetAttributeAsync("href");
        await page.GotoAsync(BaseAddress + href);
        await page.Locator("[data-testid=lines]").WaitForAsync();
        Assert.True(await page.Locator("[data-testid=lines] tbody tr").CountAsync() > 0);
        await BrowserSession.AssertNoViolationsAsync(page, "invoice");

        await page.GotoAsync(BaseAddress + "/Invoices");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an invoice" }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Invoices/New");
        await BrowserSession.AssertNoViolationsAsync(page, "new invoice form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record invoice" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(
            ["Select the provider", "Enter the invoice number", "Enter the invoice date", "Enter the date received", "Enter at least one line: a child, a period and an amount"],
            await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "new invoice form with errors");
    }

    [Fact]
    public async Task TheQueueIsWorked_AnOfficerQueriesALine_AndASecondUserApprovesAnotherInvoice()
    {
        var officer = await browser.SignedInPageAsync("finance.officer");
        await officer.GotoAsync(BaseAddress + "/Invoices");
        var queried = await officer.Locator("#to-approve tr[data-invoice] a").First.GetAttributeAsync("href");
        await officer.GotoAsync(BaseAddress + queried);
        await officer.Locator("summary.govuk-details__summary", new() { HasTextString = "Line 1:" }).ClickAsync(); // each line's actions fold away
        await officer.GetByLabel("Reason (to query or reject line 1)").FillAsync("The attendance return for the period has not arrived.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Query line 1" }).ClickAsync();
        await officer.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Contains("The attendance return for the period has not arrived.", await officer.Locator("[data-testid=lines]").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(officer, "invoice after a query");

        var approver = await browser.SignedInPageAsync("finance.approver");
        await approver.GotoAsync(BaseAddress + "/Invoices");
        var approved = await approver.Locator("#to-approve tr[data-invoice] a").First.GetAttributeAsync("href");
        Assert.NotEqual(queried, approved);
        await approver.GotoAsync(BaseAddress + approved);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Approve the ready lines" }).ClickAsync();
        await approver.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Contains("You approved", await approver.Locator(".govuk-notification-banner--success").InnerTextAsync());
        Assert.Equal("Awaiting payment", (await approver.Locator("[data-testid=state]").InnerTextAsync()).Trim());
        await BrowserSession.AssertNoViolationsAsync(approver, "invoice after approval");
    }
}
