using System.Globalization;
using Microsoft.Playwright;
using NodaTime;
using Placements.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelPages;

/// <summary>
/// A panel member in Debian's Chromium holds a Joint Resources Panel meeting end to end on the demo county: refers a
/// child (meeting the form's errors first), submits the referral, plans a meeting with three members and the case, and
/// approves it with a 50/30/20 split, then reads the child's case history and the recharges. An axe scan of each page
/// finds no accessibility violations.
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class PanelBrowserTests(BrowserSession browser)
{
    private string BaseAddress => browser.BaseAddress;

    [Fact]
    public async Task APanelMember_HoldsAMeeting_FromReferralToDecisionLetter()
    {
        var services = browser.App.Services;
        var child = await PanelApp.NewChildAsync(services);
        var provider = await PanelApp.AcademyAsync(services);
        var today = services.GetRequiredService<NodaTime.IClock>().TodayInLondon();
        var start = today.ToYearMonth().PlusMonths(1).OnDayOfMonth(1);
        var page = await browser.SignedInPageAsync("panel.member");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Panel", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Panel");
        Assert.Equal("Joint Resources Panel", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "panel home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Make a referral" }).ClickAsync();
        await page.WaitForURLAsync(BaseAddress + "/Panel/Referrals/New");
        await BrowserSession.AssertNoViolationsAsync(page, "referral form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(["Enter the child's reference", "Choose the provider", "Enter the start date"], await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "referral form with errors");

        await page.GetByLabel("Child reference").FillAsync(child);
        await page.GetByLabel("Provider").SelectOptionAsync(provider);
        await page.Locator("#Start-day").FillAsync(start.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Start-month").FillAsync(start.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Start-year").FillAsync(start.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Education element").FillAsync("30000");
        await page.GetByLabel("Care element").FillAsync("20000");
        await page.GetByLabel("Health element").FillAsync("10000");
        await page.GetByLabel("Summary of needs").FillAsync("Complex ASD with self-injury; waking-night care.");
        await page.GetByLabel("Health (ICB)").CheckAsync();
        await page.GetByLabel("Social care").CheckAsync();
        await page.GetByLabel("Supporting documents").FillAsync("EHC plan 2026\nCAMHS report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        var reference = (await page.Locator("h1").InnerTextAsync()).Replace("Referral ", "", StringComparison.Ordinal);
        Assert.Equal("Draft", await page.Locator("[data-testid=status]").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "referral");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the panel" }).ClickAsync();
        await page.Locator("[data-testid=status]", new() { HasText = "Submitted" }).WaitForAsync();

        await page.GotoAsync(BaseAddress + "/Panel/Meetings/New");
        var date = today.PlusDays(7);
        await page.Locator("#Date-day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Date-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Date-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Location (optional)").FillAsync("Civic Centre");
        foreach (var (row, name, partner) in new[] { (1, "Jo Head", "Education"), (2, "Sam Nurse", "Health"), (3, "Lee Social", "SocialCare") })
        {
            await page.GetByLabel($"Name of member {row}").FillAsync(name);
            await page.GetByLabel($"Partner of member {row}").SelectOptionAsync(partner);
        }
        await page.Locator($"#case-{reference}").CheckAsync();
        await BrowserSession.AssertNoViolationsAsync(page, "meeting form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        await BrowserSession.AssertNoViolationsAsync(page, "meeting");

        var section = page.Locator($"[data-case='{reference}']");
        await section.GetByLabel("Approved", new() { Exact = true }).CheckAsync();
        await section.GetByLabel("Reasons").FillAsync("Needs cannot be met locally.");
        var review = start.PlusMonths(6);
        await page.Locator($"#{reference}-Review-day").FillAsync(review.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{reference}-Review-month").FillAsync(review.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{reference}-Review-year").FillAsync(review.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{reference}-Education").FillAsync("50");
        await page.Locator($"#{reference}-Health").FillAsync("30");
        await page.Locator($"#{reference}-SocialCare").FillAsync("20");
        await section.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Equal("education 50%, health (ICB) 30%, social care 20%", await section.Locator("[data-testid=split]").InnerTextAsync());
        Assert.True(await section.GetByRole(AriaRole.Link, new() { Name = "Decision letter (PDF)" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Minutes (PDF)" }).IsVisibleAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "meeting with a decision");

        await page.GotoAsync(BaseAddress + $"/Panel/Children/{child}");
        Assert.Contains("Approved", await page.Locator("[data-testid=decisions]").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "case history");

        await page.GotoAsync(BaseAddress + "/Panel/Recharges");
        Assert.Equal("Recharges to partners", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "recharges");
    }
}
