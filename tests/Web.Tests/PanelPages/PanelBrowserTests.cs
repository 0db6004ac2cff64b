using System.Globalization;
using Microsoft.Playwright;
using NodaTime;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelPages;

/// <summary>
/// The Joint Resources Panel end to end in Debian's Chromium, on a demo county of its own (<see cref="PanelBrowserApp"/>):
/// a panel member refers three children (meeting the form's errors first) and submits them, plans a meeting with a member
/// of each partner and the three cases, and decides them: one approved 50/30/20, one approved with conditions on fixed
/// sums, one deferred. The minutes and a decision letter are downloaded and read. The next payment run pays the first
/// placement, and the next month's statements, prepared in the browser, charge health 30% and social care 20% of what
/// it paid. An axe scan of each page finds no accessibility violations.
/// </summary>
[Collection(nameof(BrowserSession))]
public sealed class PanelBrowserTests(BrowserSession browser, PanelBrowserApp app) : IClassFixture<PanelBrowserApp>
{
    private string BaseAddress => app.BaseAddress;

    [Fact]
    public async Task APanelMember_HoldsAMeetingOfThreeCases_DownloadsTheLetterAndMinutes_AndTheNextStatementsChargeEachPartnerItsShare()
    {
        var provider = await app.AcademyAsync();
        var today = app.Today;
        // The approved case started on the first of last month: last month's run, approved on its 5th, pays it, and
        // last month's statements are the first prepared after the decision.
        var lastMonth = today.ToYearMonth().PlusMonths(-1);
        var nextMonth = today.ToYearMonth().PlusMonths(1).OnDayOfMonth(1);
        var page = await browser.SignedInPageAsync("panel.member", BaseAddress);

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

        var approved = await ReferAsync(page, await app.NewChildAsync(), provider, lastMonth.OnDayOfMonth(1), (30_000, 20_000, 10_000), health: true, socialCare: true);
        await BrowserSession.AssertNoViolationsAsync(page, "referral");
        var conditional = await ReferAsync(page, await app.NewChildAsync(), provider, nextMonth, (36_000, 6_000, 6_000), health: true, socialCare: true);
        var deferred = await ReferAsync(page, await app.NewChildAsync(), provider, nextMonth, (25_000, 5_000, 0), health: false, socialCare: true);

        await page.GotoAsync(BaseAddress + "/Panel/Meetings/New");
        await FillDateAsync(page, "Date", today);
        await page.GetByLabel("Location (optional)").FillAsync("Civic Centre");
        foreach (var (row, name, partner) in new[] { (1, "Jo Head", "Education"), (2, "Sam Nurse", "Health"), (3, "Lee Social", "SocialCare") })
        {
            await page.GetByLabel($"Name of member {row}").FillAsync(name);
            await page.GetByLabel($"Partner of member {row}").SelectOptionAsync(partner);
        }
        foreach (var referral in new[] { approved, conditional, deferred }) await page.Locator($"#case-{referral.Reference}").CheckAsync();
        await BrowserSession.AssertNoViolationsAsync(page, "meeting form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Equal(3, await page.Locator("[data-testid=decide]").CountAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "meeting");

        await DecideAsync(page, approved.Reference, "Approved", "Needs cannot be met locally.", null, ("Percentages", "50", "30", "20"));
        Assert.Equal("education 50%, health (ICB) 30%, social care 20%", await Case(page, approved).Locator("[data-testid=split]").InnerTextAsync());
        await DecideAsync(page, conditional.Reference, "Approved with conditions", "A residential element is needed for 12 months.",
            "Review the care element after two terms.", ("Fixed annual sums (£)", "36000", "6000", "6000"));
        Assert.Equal("education £36,000.00 a year, health (ICB) £6,000.00 a year, social care £6,000.00 a year",
            await Case(page, conditional).Locator("[data-testid=split]").InnerTextAsync());
        await DecideAsync(page, deferred.Reference, "Deferred", "Awaiting the updated educational psychology report.", null, null);
        Assert.Equal(["Approved", "Approved with conditions", "Deferred"], await page.Locator("[data-testid=decision] strong.govuk-tag").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("[data-testid=decide]").CountAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "meeting with its decisions");

        // The minutes record every case and its decision; the letter the approved one's split. Children by initials and reference only.
        var minutes = await DownloadedTextAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Minutes (PDF)" }));
        foreach (var (referral, outcome) in new[]
                 {
                     (approved, "Approved: the panel approved the placement."),
                     (conditional, "Approved with conditions: the panel approved the placement, with conditions."),
                     (deferred, "Deferred: the panel did not decide yet; the case returns to a later meeting."),
                 })
        {
            PdfReading.Has(minutes, $"{referral.Reference}: child PQ ({referral.Child})");
            PdfReading.Has(minutes, outcome);
        }
        PdfReading.Has(minutes, "Review the care element after two terms.");
        PdfReading.Has(minutes, "Awaiting the updated educational psychology report.");
        var letter = await DownloadedTextAsync(page, Case(page, approved).GetByRole(AriaRole.Link, new() { Name = "Decision letter (PDF)" }));
        PdfReading.Has(letter, $"the family of child PQ (reference {approved.Child})");
        PdfReading.Has(letter, "Whole annual cost: £60,000.00 a year, shared by percentages");
        PdfReading.Has(letter, "£18,000.00 a year of £60,000.00");
        Assert.DoesNotContain("Quinn", minutes + letter, StringComparison.Ordinal);

        // The deferred case goes back to the queue for a later meeting.
        await page.GotoAsync(BaseAddress + $"/Panel/Referrals/{deferred.Reference}");
        Assert.Equal("Submitted", await page.Locator("[data-testid=status]").InnerTextAsync());

        await page.GotoAsync(BaseAddress + $"/Panel/Children/{approved.Child}");
        Assert.Contains("Approved", await page.Locator("[data-testid=decisions]").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "case history");

        // Last month's payment run, prepared and approved on its 5th as the monthly job and two approvers would.
        await app.PayAsync(lastMonth);
        await page.GotoAsync(BaseAddress + "/Panel/Recharges");
        Assert.Equal("Recharges to partners", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.AssertNoViolationsAsync(page, "recharges");
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await page.GetByLabel("Health (ICB), recharged monthly").CheckAsync();
        await page.GetByLabel("Social care, recharged monthly").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare the statements" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        var split = CostSplit.ByPercentages(Money.FromPounds(60_000m), new Dictionary<Partner, decimal> { [Partner.Education] = 50, [Partner.Health] = 30, [Partner.SocialCare] = 20 });
        foreach (var (partner, index, percent) in new[] { ("HEALTH", 1, "30%"), ("SOCIALCARE", 2, "20%") })
        {
            await page.GotoAsync(BaseAddress + "/Panel/Recharges");
            await page.GetByRole(AriaRole.Link, new() { Name = $"RCH-{partner}-{month}", Exact = true }).ClickAsync();
            var line = page.Locator($"[data-testid=lines] tr[data-placement='{approved.Placement}']");
            await line.WaitForAsync(); // the statement's page has loaded
            var cells = await line.Locator("td").AllInnerTextsAsync();
            // Each line: placement, initials, description, days, paid, split, share.
            var paid = Money.Parse(cells[4]);
            Assert.True(paid.Pence > 0, "last month's run paid the approved placement");
            Assert.Equal((approved.Placement, "PQ", percent, split.Allocate(paid)[index].Amount.ToString()), (cells[0], cells[1], cells[5], cells[6]));
            await BrowserSession.AssertNoViolationsAsync(page, $"{partner.ToLowerInvariant()} statement");
            var statement = await DownloadedTextAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Statement (PDF)" }));
            PdfReading.Has(statement, split.Allocate(paid)[index].Amount.ToString());
            // The conditional case starts next month and the deferred one is not placed: neither is on last month's statements.
            foreach (var later in new[] { conditional, deferred })
                Assert.Equal(0, await page.Locator($"[data-testid=lines] tr[data-placement='{later.Placement}']").CountAsync());
        }
    }

    private sealed record Referred(string Reference, string Child, string Placement);

    /// <summary>Refers <paramref name="child"/> through the form and submits the referral to the panel.</summary>
    private async Task<Referred> ReferAsync(IPage page, string child, string provider, LocalDate start, (int Education, int Care, int Health) cost, bool health, bool socialCare)
    {
        await page.GotoAsync(BaseAddress + "/Panel/Referrals/New");
        await page.GetByLabel("Child reference").FillAsync(child);
        await page.GetByLabel("Provider").SelectOptionAsync(provider);
        await FillDateAsync(page, "Start", start);
        await page.GetByLabel("Education element").FillAsync(cost.Education.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Care element").FillAsync(cost.Care.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Health element").FillAsync(cost.Health.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Summary of needs").FillAsync("Complex ASD with self-injury; waking-night care.");
        if (health) await page.GetByLabel("Health (ICB)").CheckAsync();
        if (socialCare) await page.GetByLabel("Social care").CheckAsync();
        await page.GetByLabel("Supporting documents").FillAsync("EHC plan 2026\nCAMHS report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        var reference = (await page.Locator("h1").InnerTextAsync()).Replace("Referral ", "", StringComparison.Ordinal);
        Assert.Equal("Draft", await page.Locator("[data-testid=status]").InnerTextAsync());
        var placement = await page.Locator("[data-testid=placement]").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the panel" }).ClickAsync();
        await page.Locator("[data-testid=status]", new() { HasText = "Submitted" }).WaitForAsync();
        return new Referred(reference, child, placement);
    }

    /// <summary>Records the decision on one case of the meeting page, with its split (basis, then education, health, social care).</summary>
    private async Task DecideAsync(IPage page, string reference, string outcome, string reasons, string? conditions, (string Basis, string Education, string Health, string SocialCare)? split)
    {
        var section = page.Locator($"[data-case='{reference}']");
        await section.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        await section.GetByLabel("Reasons").FillAsync(reasons);
        if (conditions is not null) await section.GetByLabel("Conditions (of an approval with conditions)").FillAsync(conditions);
        await FillDateAsync(page, $"{reference}-Review", app.Today.PlusMonths(6));
        if (split is { } s)
        {
            await section.GetByLabel(s.Basis, new() { Exact = true }).CheckAsync();
            await page.Locator($"#{reference}-Education").FillAsync(s.Education);
            await page.Locator($"#{reference}-Health").FillAsync(s.Health);
            await page.Locator($"#{reference}-SocialCare").FillAsync(s.SocialCare);
        }
        await section.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        await section.Locator("[data-testid=decision]").WaitForAsync();
    }

    private static ILocator Case(IPage page, Referred referral) => page.Locator($"[data-case='{referral.Reference}']");

    private static async Task FillDateAsync(IPage page, string id, LocalDate date)
    {
        await page.Locator($"#{id}-day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Follows a download link as the browser does and reads the PDF it saves.</summary>
    private static async Task<string> DownloadedTextAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        return PdfReading.Text(await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
