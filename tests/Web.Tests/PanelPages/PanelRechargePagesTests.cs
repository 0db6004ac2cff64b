using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelPages;

/// <summary>
/// Recharges through the pages after a real payment run (<see cref="PanelRechargesApp"/>): a child placed from the first
/// of last month at £60,000 a year, approved 50/30/20; last month's run (approved on its 5th) pays the placement; the
/// statements prepared for last month charge health 30% and social care 20% of what was paid, and a receipt lowers
/// what health owes.
/// </summary>
public sealed class PanelRechargePagesTests(PanelRechargesApp app) : IClassFixture<PanelRechargesApp>
{
    [Fact]
    public async Task LastMonthsStatements_ChargeEachPartnerItsShareOfWhatWasPaid_AndAReceiptLowersWhatIsOwed()
    {
        var lastMonth = app.Today.ToYearMonth().PlusMonths(-1);
        var placement = await ApprovedFromAsync(lastMonth.OnDayOfMonth(1));
        await app.PayAsync(lastMonth);
        var member = await app.SignedInAsync("panel.member");
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var (prepared, _) = await PostFormAsync(member, "/Panel/Recharges", new Dictionary<string, string>
        {
            ["Month"] = month, ["Partners"] = "Health",
        });
        await PostFormAsync(member, "/Panel/Recharges", new Dictionary<string, string> { ["Month"] = month, ["Partners"] = "SocialCare" });

        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        var list = await GetAsync(member, "/Panel/Recharges");
        var health = Regex.Match(list, $"href=\"/Panel/Recharges/(\\d+)\">RCH-HEALTH-{month}<").Groups[1].Value;
        var social = Regex.Match(list, $"href=\"/Panel/Recharges/(\\d+)\">RCH-SOCIALCARE-{month}<").Groups[1].Value;
        var healthLine = Line(await GetAsync(member, $"/Panel/Recharges/{health}"), placement);
        var socialLine = Line(await GetAsync(member, $"/Panel/Recharges/{social}"), placement);

        // Each line: placement, initials, description, days, paid, split, share. A month of £60,000 a year paid in full is
        // £5,000.00: health's 30% is £1,500.00 and social care's 20% £1,000.00 (the split's remainder rule for any other sum).
        Assert.Equal((placement, "PQ", "30%", "20%"), (healthLine[0], healthLine[1], healthLine[5], socialLine[5]));
        Assert.Equal(healthLine[4], socialLine[4]);
        var paid = Money.Parse(healthLine[4]);
        Assert.True(paid.Pence > 0, "last month's run paid the placement");
        var shares = Split().Allocate(paid);
        Assert.Equal((shares[1].Amount.ToString(), shares[2].Amount.ToString()), (healthLine[6], socialLine[6]));

        var statement = await GetAsync(member, $"/Panel/Recharges/{health}");
        var total = Money.Parse(Figure(statement, "total"));

        // The statement as income for the ledger: each share credited to the line the payment was charged to, adding up to the total.
        var income = await member.GetAsync($"/Panel/Recharges/{health}?handler=Income");
        Assert.Equal("text/csv", income.Content.Headers.ContentType?.MediaType);
        var rows = (await income.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("statement,partner,period_start,period_end,s251_line,placement_ref,child_initials,description,days_from,days_to,income", rows[0]);
        Assert.Equal(total, Money.Sum(rows.Skip(1).Select(r => Money.Parse(r.Split(',')[^1]))));
        Assert.Contains(rows, r => r.Contains($",{placement},PQ,", StringComparison.Ordinal) && r.EndsWith("," + shares[1].Amount.ToPlainString(), StringComparison.Ordinal));
        // Finance banks the partner's payment: a finance officer, not on the panel, records it.
        var officer = await app.SignedInAsync("finance.officer");
        var (received, _) = await PostFormAsync(officer, $"/Panel/Recharges/{health}?handler=Receipt", new Dictionary<string, string>
        {
            ["Amount"] = "100.00", ["ReceivedOn.Day"] = app.Today.Day.ToString(CultureInfo.InvariantCulture),
            ["ReceivedOn.Month"] = app.Today.Month.ToString(CultureInfo.InvariantCulture), ["ReceivedOn.Year"] = app.Today.Year.ToString(CultureInfo.InvariantCulture),
        }, getFrom: $"/Panel/Recharges/{health}");
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var after = await GetAsync(member, $"/Panel/Recharges/{health}");
        Assert.Equal(("£100.00", (total - Money.FromPounds(100m)).ToString()), (Figure(after, "received"), Figure(after, "outstanding")));
        Assert.Contains("£100.00 on", after);
        Assert.Contains("recorded by finance.officer", after);
        // More than is still owed is refused on the form, and nothing is recorded.
        var (tooMuch, tooMuchHtml) = await PostFormAsync(officer, $"/Panel/Recharges/{health}?handler=Receipt", new Dictionary<string, string>
        {
            ["Amount"] = total.ToPlainString(), ["ReceivedOn.Day"] = app.Today.Day.ToString(CultureInfo.InvariantCulture),
            ["ReceivedOn.Month"] = app.Today.Month.ToString(CultureInfo.InvariantCulture), ["ReceivedOn.Year"] = app.Today.Year.ToString(CultureInfo.InvariantCulture),
        }, getFrom: $"/Panel/Recharges/{health}");
        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        Assert.Equal([("#Amount", $"{total} is more than the {total - Money.FromPounds(100m)} outstanding on RCH-HEALTH-{month}.")], GovUkHtml.ErrorSummary(tooMuchHtml).Select(e => (e.Href, e.Message)));
        Assert.Equal("£100.00", Figure(await GetAsync(officer, $"/Panel/Recharges/{health}"), "received"));
        // A commissioner is neither on the panel nor in finance.
        var commissioner = await app.SignedInAsync("commissioner");
        Assert.StartsWith("/Account/AccessDenied", (await commissioner.GetAsync($"/Panel/Recharges/{health}")).Headers.Location!.PathAndQuery);
    }

    private static CostSplit Split() => CostSplit.ByPercentages(Money.FromPounds(60_000m),
        new Dictionary<Partner, decimal> { [Partner.Education] = 50, [Partner.Health] = 30, [Partner.SocialCare] = 20 });

    /// <summary>Refers, submits, agendas and approves (50/30/20) a new child's placement from <paramref name="start"/>; its reference.</summary>
    private async Task<string> ApprovedFromAsync(LocalDate start)
    {
        var child = await app.NewChildAsync();
        var provider = await app.AcademyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().ActingAs("panel.member");
        var la = services.GetRequiredService<CouncilSettings>().LaCode;
        var referral = await services.GetRequiredService<MakeReferral>().RunAsync(new ReferralDraft(
            new PlacementProposal(child, provider, start, null, Attendance.Day, la, null, false), Money.FromPounds(30_000m), Money.FromPounds(20_000m),
            Money.FromPounds(10_000m), "Complex ASD.", true, true, null), "panel.member");
        await services.GetRequiredService<SubmitReferral>().RunAsync(referral.Reference);
        await services.GetRequiredService<PlanPanelMeeting>().RunAsync(app.Today, null,
            [("Jo Head", Partner.Education, null), ("Sam Nurse", Partner.Health, null), ("Lee Social", Partner.SocialCare, null)], [referral.Reference]);
        await services.GetRequiredService<DecideCase>().RunAsync(
            new CaseDecision(referral.Reference, PanelOutcome.Approve, "Approved.", null, start, start.PlusMonths(6), Split()), "panel.member");
        return referral.PlacementReference;
    }

    private static string[] Line(string html, string placement)
    {
        var row = Regex.Match(html, $"<tr class=\"govuk-table__row\" data-placement=\"{placement}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no line for {placement}");
        return Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToArray();
    }

    private static string Figure(string html, string figure) =>
        Text(Regex.Match(html, $"data-figure=\"{figure}\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value).Replace(" Overdue", "", StringComparison.Ordinal);

    private static string Text(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Trim();

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? getFrom = null)
    {
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(await client.GetStringAsync(getFrom ?? url));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
