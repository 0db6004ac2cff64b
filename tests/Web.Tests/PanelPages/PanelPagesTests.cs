using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelPages;

/// <summary>
/// The Joint Resources Panel's pages through the real app (<see cref="PanelApp"/>): a referral made through the form,
/// submitted, put on a meeting's agenda and decided with a split; the split's rule refusing a wrong split with nothing
/// saved; only panel members deciding; a decision superseded from a date; recharge statements; the PDF downloads. Each
/// test refers a child of its own for £60,000 a year (education £30,000, care £20,000, health £10,000).
/// </summary>
public sealed class PanelPagesTests(PanelApp app) : IClassFixture<PanelApp>
{
    private const string FiftyThirtyTwenty = "education 50%, health (ICB) 30%, social care 20%";

    [Fact]
    public async Task AReferralMadeSubmittedAndPutOnAnAgenda_ApprovedAt50_30_20_AgreesThePlacement_AndTheDecisionIsListed()
    {
        var member = await app.SignedInAsync("panel.member");
        var (reference, meeting, child) = await OnAgendaAsync(member);

        var referral = await app.ReferralAsync(reference);
        Assert.Equal((ReferralStatus.OnAgenda, "panel.member"), (referral.Status, referral.CreatedBy));
        Assert.Equal(PlacementStatus.Proposed, await app.PlacementStatusAsync(referral.PlacementReference));
        var agenda = Section(await GetAsync(member, $"/Panel/Meetings/{meeting}"), reference);
        Assert.Contains("£60,000.00 (education £30,000.00, care £20,000.00, health £10,000.00)", agenda);
        Assert.DoesNotContain("data-testid=\"absent\"", agenda); // health and social care, both asked, are both present

        var (response, _) = await DecideAsync(member, meeting, reference, "Approve", "50", "30", "20");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PlacementStatus.Agreed, await app.PlacementStatusAsync(referral.PlacementReference));
        var decision = Assert.Single(await app.DecisionsAsync(reference));
        Assert.Equal((PanelOutcome.Approve, FiftyThirtyTwenty, "panel.member", Start), (decision.Outcome, decision.Split!.ToString(), decision.DecidedBy, decision.EffectiveFrom));
        Assert.Equal((Money.FromPounds(18_000m), Money.FromPounds(12_000m)), (decision.Split.Shares[1].AnnualSum, decision.Split.Shares[2].AnnualSum));

        var decided = Section(await GetAsync(member, $"/Panel/Meetings/{meeting}"), reference);
        Assert.Contains("Approved", decided);
        Assert.Contains(FiftyThirtyTwenty, decided);
        Assert.Contains("Decision letter (PDF)", decided);
        Assert.DoesNotContain("Record the decision", decided);
        var home = await GetAsync(member, "/Panel");
        Assert.Contains($"data-referral=\"{reference}\"", Between(home, "data-testid=\"referrals-Decided\"", "</table>"));
        // Reviewed a month after the start: due within the next three months.
        Assert.Contains($"data-review=\"{reference}\"", home);
        Assert.Contains($"{child}", home);
    }

    [Fact]
    public async Task ASplitOf50_30_19_IsRefused_ShortBy1Percent_AndNothingIsSaved()
    {
        var member = await app.SignedInAsync("panel.member");
        var (reference, meeting, _) = await OnAgendaAsync(member);

        var (response, html) = await DecideAsync(member, meeting, reference, "Approve", "50", "30", "19");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([($"#{reference}-Split", "The percentages add up to 99%, not 100%: short by 1%.")], GovUkHtml.ErrorSummary(html));
        Assert.Empty(await app.DecisionsAsync(reference));
        var referral = await app.ReferralAsync(reference);
        Assert.Equal(ReferralStatus.OnAgenda, referral.Status);
        Assert.Equal(PlacementStatus.Proposed, await app.PlacementStatusAsync(referral.PlacementReference));
        // The form comes back as it was typed.
        Assert.Matches($"id=\"{reference}-SocialCare\" name=\"Split.SocialCare\" type=\"text\" inputmode=\"decimal\" value=\"19\"", html);
    }

    [Theory]
    [InlineData("finance.officer")]
    [InlineData("commissioner")]
    public async Task OnlyPanelMembersDecide_AnyoneElsePostingADecision_IsDenied_AndNothingIsWritten(string user)
    {
        var member = await app.SignedInAsync("panel.member");
        var (reference, meeting, _) = await OnAgendaAsync(member);
        var other = await app.SignedInAsync(user);

        var response = await other.PostAsync($"/Panel/Meetings/{meeting}?handler=Decide", new FormUrlEncodedContent(DecisionForm(reference, "Approve", "50", "30", "20",
            PlacementsApp.AntiforgeryToken(await other.GetStringAsync("/")))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Empty(await app.DecisionsAsync(reference));
        Assert.Equal(ReferralStatus.OnAgenda, (await app.ReferralAsync(reference)).Status);
        Assert.StartsWith("/Account/AccessDenied", (await other.GetAsync("/Panel")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ADecisionPostedWithoutTheAntiforgeryToken_IsRefusedWith400_AndNothingIsWritten()
    {
        var member = await app.SignedInAsync("panel.member");
        var (reference, meeting, _) = await OnAgendaAsync(member);

        var fields = DecisionForm(reference, "Approve", "50", "30", "20", token: null);
        var response = await member.PostAsync($"/Panel/Meetings/{meeting}?handler=Decide", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.DecisionsAsync(reference));
    }

    [Fact]
    public async Task ChangingTheDecisionFromADate_SupersedesTheFirst_WhichTheCaseHistoryKeepsAndMarks()
    {
        var member = await app.SignedInAsync("panel.member");
        var (reference, meeting, child) = await OnAgendaAsync(member);
        await DecideAsync(member, meeting, reference, "Approve", "50", "30", "20");
        var from = Start.PlusMonths(1);

        var (response, _) = await PostFormAsync(member, $"/Panel/Children/{child}", new Dictionary<string, string>
        {
            ["Case"] = reference, ["Outcome"] = "Approve", ["Reasons"] = "Social care's share rises with the waking-night care.",
            ["EffectiveFrom.Day"] = Day(from), ["EffectiveFrom.Month"] = Month(from), ["EffectiveFrom.Year"] = Year(from),
            ["Review.Day"] = Day(from.PlusMonths(6)), ["Review.Month"] = Month(from.PlusMonths(6)), ["Review.Year"] = Year(from.PlusMonths(6)),
            ["AnnualCost"] = "", ["Split.Basis"] = "Percentages", ["Split.Education"] = "40", ["Split.Health"] = "30", ["Split.SocialCare"] = "30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var decisions = await app.DecisionsAsync(reference);
        Assert.Equal([(Start, FiftyThirtyTwenty), (from, "education 40%, health (ICB) 30%, social care 30%")],
            decisions.Select(d => (d.EffectiveFrom, d.Split!.ToString())));
        Assert.Equal(decisions[0].Id, decisions[1].SupersedesId);
        var history = await GetAsync(member, $"/Panel/Children/{child}");
        var rows = Regex.Matches(history, "<tr class=\"govuk-table__row\" data-decision=\"\\d+\" data-superseded=\"(true|false)\">(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => (Superseded: m.Groups[1].Value == "true", Text: Text(m.Groups[2].Value))).ToList();
        Assert.Equal([true, false], rows.Select(r => r.Superseded));
        Assert.StartsWith($"{Date(Start)} {reference} Approved Superseded {FiftyThirtyTwenty}", rows[0].Text);
        Assert.StartsWith($"{Date(from)} {reference} Approved education 40%, health (ICB) 30%, social care 30% £60,000.00", rows[1].Text);
    }

    [Fact]
    public async Task AReferralAskingNoPartner_IsShownTheRule_AndNothingIsSaved()
    {
        var member = await app.SignedInAsync("panel.member");
        var child = await app.NewChildAsync();
        var form = ReferralForm(child, await app.AcademyAsync());
        (form["Start.Day"], form["Start.Month"], form["Start.Year"]) = (Day(Start), Month(Start), Year(Start));
        form.Remove("AskHealth");
        form.Remove("AskSocialCare");

        var (response, html) = await PostFormAsync(member, "/Panel/Referrals/New", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("#AskHealth", "Choose the partners asked to contribute: health, social care or both.")], GovUkHtml.ErrorSummary(html));
        Assert.DoesNotContain($"({child})", await GetAsync(member, "/Panel"));

        var (_, blank) = await PostFormAsync(member, "/Panel/Referrals/New", new Dictionary<string, string>());
        Assert.Equal(["Enter the child's reference", "Choose the provider", "Enter the start date"], GovUkHtml.ErrorSummary(blank).Select(e => e.Message));
    }

    [Fact]
    public async Task PreparingLastMonthsRecharges_ListsEachPartnersStatement_WithItsTotalAndDueDate()
    {
        var member = await app.SignedInAsync("panel.member");
        var month = app.Today.ToYearMonth().PlusMonths(-1);

        var (response, _) = await PostFormAsync(member, "/Panel/Recharges", new Dictionary<string, string>
        {
            ["Month"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ["Partners"] = "Health",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await GetAsync(member, "/Panel/Recharges");
        var reference = $"RCH-HEALTH-{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        var row = Text(Regex.Match(page, $"<tr class=\"govuk-table__row\" data-statement=\"{reference}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value);
        // No run was approved last month in this app: health's statement is prepared, owing nothing, due in 30 days.
        Assert.Equal($"{reference} Health (ICB) {month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} £0.00 £0.00 £0.00 {Date(app.Today.PlusDays(30))}", row);
        // Only the partner chosen is recharged (social care is recharged quarterly in this app; another test of this class does so).
        Assert.DoesNotContain($"data-statement=\"RCH-SOCIALCARE-{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}\"", page);

        // Preparing it again recharges nothing twice, and says so.
        var (_, again) = await PostFormAsync(member, "/Panel/Recharges", new Dictionary<string, string>
        {
            ["Month"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ["Partners"] = "Health",
        }, follow: true);
        Assert.Contains($"Nothing to prepare. Health (ICB) already recharged for {month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.", again);
        Assert.Single(Regex.Matches(again, $"data-statement=\"{reference}\""));

        // This month is not over: it cannot be recharged yet.
        var (_, early) = await PostFormAsync(member, "/Panel/Recharges", new Dictionary<string, string>
        {
            ["Month"] = app.Today.ToYearMonth().ToString("yyyy-MM", CultureInfo.InvariantCulture), ["Partners"] = "SocialCare",
        });
        Assert.Equal("#Month", Assert.Single(GovUkHtml.ErrorSummary(early)).Href);
        Assert.StartsWith("Social care is recharged quarterly:", Assert.Single(GovUkHtml.ErrorSummary(early)).Message);
        Assert.DoesNotContain($"data-statement=\"RCH-SOCIALCARE-{app.Today.ToYearMonth().ToString("yyyy-MM", CultureInfo.InvariantCulture)}\"",
            await GetAsync(member, "/Panel/Recharges"));
    }

    [Fact]
    public async Task TheDecisionLetter_TheMinutes_AndAStatement_DownloadAsPdfs()
    {
        var member = await app.SignedInAsync("panel.member");
        var (reference, meeting, _) = await OnAgendaAsync(member);
        await DecideAsync(member, meeting, reference, "Approve", "50", "30", "20");
        var decision = Assert.Single(await app.DecisionsAsync(reference));
        await PostFormAsync(member, "/Panel/Recharges", new Dictionary<string, string>
        {
            ["Month"] = app.Today.ToYearMonth().PlusMonths(-4).ToString("yyyy-MM", CultureInfo.InvariantCulture), ["Partners"] = "SocialCare",
        });
        var statement = Regex.Match(await GetAsync(member, "/Panel/Recharges"), "href=\"/Panel/Recharges/(\\d+)\">RCH-SOCIALCARE-[0-9-]+-Q<").Groups[1].Value;
        Assert.NotEmpty(statement);

        await AssertPdfAsync(member, $"/Panel/Referrals/{reference}?handler=Letter&decision={decision.Id}", $"decision-{reference}-{Start:yyyy-MM-dd}.pdf");
        await AssertPdfAsync(member, $"/Panel/Meetings/{meeting}?handler=Minutes",
$"panel-minutes-{MeetingDate:yyyy-MM-dd}.pdf");
        await AssertPdfAsync(member, $"/Panel/Recharges/{statement}?handler=Pdf", null);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/Panel/Referrals/{reference}?handler=Letter&decision=0")).StatusCode);
    }

    [Fact]
    public async Task APanelMember_SeesThePanelInTheMenu_AndAFinanceOfficerOnlyItsRecharges()
    {
        var member = await GetAsync(await app.SignedInAsync("panel.member"), "/Panel/Recharges");
        var officer = await GetAsync(await app.SignedInAsync("finance.officer"), "/Panel/Recharges");

        Assert.Equal(["/", "/Panel"], MenuLinks(member));
        Assert.Contains("href=\"/Panel\" aria-current=\"true\"", member);
        Assert.Contains("/Panel/Recharges", MenuLinks(officer));
        Assert.DoesNotContain("/Panel", MenuLinks(officer));
        Assert.Contains("href=\"/Panel/Recharges\" aria-current=\"page\"", officer);
    }

    // ---- The flow ---------------------------------------------------------------------------------------------------

    /// <summary>Each test's placement starts on the first of next month, and is reviewed a month later: due within three months.</summary>
    private LocalDate Start => app.Today.ToYearMonth().PlusMonths(1).OnDayOfMonth(1);

    /// <summary>Each test's meeting is a week today.</summary>
    private LocalDate MeetingDate => app.Today.PlusDays(7);

    private static Dictionary<string, string> ReferralForm(string child, string provider) => new()
    {
        ["ChildReference"] = child, ["ProviderReference"] = provider,
        ["Attendance"] = "Day", ["EducationCost"] = "30000", ["CareCost"] = "20,000.00", ["HealthCost"] = "£10,000",
        ["NeedsSummary"] = "Complex ASD with self-injury; waking-night care.", ["AskHealth"] = "true", ["AskSocialCare"] = "true",
        ["Documents"] = "EHC plan 2026\nCAMHS report",
    };

    /// <summary>Refers a new child through the form, submits the referral and plans a meeting with it on the agenda.</summary>
    private async Task<(string Reference, int Meeting, string Child)> OnAgendaAsync(HttpClient client)
    {
        var child = await app.NewChildAsync();
        var form = ReferralForm(child, await app.AcademyAsync());
        (form["Start.Day"], form["Start.Month"], form["Start.Year"]) = (Day(Start), Month(Start), Year(Start));
        var (made, madeHtml) = await PostFormAsync(client, "/Panel/Referrals/New", form);
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, madeHtml);
        var reference = made.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Matches("^JRP-\\d{4}-\\d{4}$", reference);

        var referralPage = await GetAsync(client, $"/Panel/Referrals/{reference}");
        Assert.Contains("CAMHS report", referralPage);
        Assert.Contains("Submit to the panel", referralPage);
        var (submitted, _) = await PostFormAsync(client, $"/Panel/Referrals/{reference}?handler=Submit", [], getFrom: $"/Panel/Referrals/{reference}");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var date = MeetingDate;
        var (planned, plannedHtml) = await PostFormAsync(client, "/Panel/Meetings/New", new Dictionary<string, string>
        {
            ["Date.Day"] = Day(date), ["Date.Month"] = Month(date), ["Date.Year"] = Year(date), ["Location"] = "Civic Centre",
            ["Members[0].Name"] = "Jo Head", ["Members[0].Partner"] = "Education", ["Members[0].Role"] = "Head of SEND",
            ["Members[1].Name"] = "Sam Nurse", ["Members[1].Partner"] = "Health", ["Members[1].Role"] = "ICB continuing care",
            ["Members[2].Name"] = "Lee Social", ["Members[2].Partner"] = "SocialCare", ["Members[2].Role"] = "",
            ["Cases"] = reference,
        });
        Assert.True(planned.StatusCode == HttpStatusCode.Redirect, plannedHtml);
        var meeting = int.Parse(planned.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        return (reference, meeting, child);
    }

    private Dictionary<string, string> DecisionForm(string reference, string outcome, string education, string health, string social, string? token)
    {
        var review = Start.PlusMonths(1);
        var form = new Dictionary<string, string>
        {
            ["Case"] = reference, ["Outcome"] = outcome, ["Reasons"] = "Needs cannot be met locally.", ["Conditions"] = "",
            ["Start.Day"] = Day(Start), ["Start.Month"] = Month(Start), ["Start.Year"] = Year(Start),
            ["Review.Day"] = Day(review), ["Review.Month"] = Month(review), ["Review.Year"] = Year(review),
            ["Split.Basis"] = "Percentages", ["Split.Education"] = education, ["Split.Health"] = health, ["Split.SocialCare"] = social,
        };
        if (token is not null) form["__RequestVerificationToken"] = token;
        return form;
    }

    private async Task<(HttpResponseMessage Response, string Html)> DecideAsync(HttpClient client, int meeting, string reference, string outcome, string education, string health, string social) =>
        await PostFormAsync(client, $"/Panel/Meetings/{meeting}?handler=Decide", DecisionForm(reference, outcome, education, health, social, null), getFrom: $"/Panel/Meetings/{meeting}");

    private static async Task AssertPdfAsync(HttpClient client, string url, string? fileName)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var name = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        if (fileName is null) Assert.Matches("^RCH-SOCIALCARE-\\d{4}-\\d{2}-Q\\.pdf$", name);
        else Assert.Equal(fileName, name);
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------------

    private static string Day(LocalDate date) => date.Day.ToString(CultureInfo.InvariantCulture);
    private static string Month(LocalDate date) => date.Month.ToString(CultureInfo.InvariantCulture);
    private static string Year(LocalDate date) => date.Year.ToString(CultureInfo.InvariantCulture);
    private static string Date(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A case's section of the meeting page.</summary>
    private static string Section(string html, string reference) => Between(html, $"data-case=\"{reference}\"", "</section>");

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {from} on the page");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    private static List<string> MenuLinks(string html) =>
        Regex.Matches(Between(html, "id=\"navigation\"", "</ul>"), "class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    private static string Text(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Trim();

    /// <summary>Posts a form as the browser would: with the anti-forgery token from the page it is on.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields,
        string? getFrom = null, bool follow = false)
    {
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(await client.GetStringAsync(getFrom ?? url));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        if (follow && response.StatusCode == HttpStatusCode.Redirect)
            return (response, await GetAsync(client, response.Headers.Location!.OriginalString));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
