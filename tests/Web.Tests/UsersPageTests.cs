using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Placements.Accounts;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>An empty council with an administrator, two finance approvers, a finance officer and a commissioner.</summary>
public sealed class UsersPageApp() : StaffedEmptyApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
{
    ["admin"] = Roles.Administrator,
    ["finance.approver"] = Roles.FinanceApprover,
    ["second.approver"] = Roles.FinanceApprover,
    ["finance.officer"] = Roles.FinanceOfficer,
    ["commissioner"] = Roles.Commissioner,
});

/// <summary>
/// The users page through the real app: an administrator sees every member of staff with their roles and sets a
/// finance approver's approval limit in pounds (stored in pence); a bad limit is refused with the error summary and
/// changes nothing; nobody but an administrator may see the page or post to it.
/// </summary>
public sealed class UsersPageTests(UsersPageApp app) : IClassFixture<UsersPageApp>
{
    [Fact]
    public async Task AnAdministrator_SetsAnApproversLimit_ItIsShownInPounds_AndStoredInPence()
    {
        var client = await app.SignedInAsync("admin");

        var (response, _) = await PostLimitAsync(client, "finance.approver", "500000");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await PageAsync(client);
        Assert.Contains("finance.approver may now approve payment runs up to £500,000.00 alone.", page);
        Assert.Equal("£500,000.00", LimitShown(page, "finance.approver"));
        Assert.Equal(50_000_000L, await StoredLimitAsync("finance.approver"));
        Assert.Equal("", LimitShown(page, "finance.officer"));
        Assert.Contains("FinanceOfficer", Regex.Match(page, "data-user=\"finance.officer\">(.*?)</tr>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task AnEmptyLimit_RemovesIt_AndTheApproverShowsNotSet()
    {
        var client = await app.SignedInAsync("admin");
        await PostLimitAsync(client, "second.approver", "£1,250.50");
        Assert.Equal(125_050L, await StoredLimitAsync("second.approver"));

        var (response, _) = await PostLimitAsync(client, "second.approver", "  ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await StoredLimitAsync("second.approver"));
        Assert.Equal("not set", LimitShown(await PageAsync(client), "second.approver"));
    }

    [Theory]
    [InlineData("-100", "The approval limit for second.approver cannot be negative")]
    [InlineData("lots", "The approval limit for second.approver must be an amount in pounds with up to 2 decimal places")]
    [InlineData("100.001", "The approval limit for second.approver must be an amount in pounds with up to 2 decimal places")]
    public async Task ABadLimit_IsRefusedWithTheErrorSummary_AndNothingIsSaved(string typed, string message)
    {
        var client = await app.SignedInAsync("admin");
        await PostLimitAsync(client, "second.approver", "2000");

        var (response, html) = await PostLimitAsync(client, "second.approver", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = Regex.Match(html, "govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"<a href=\"#limit-second-approver\">{message}", summary);
        Assert.Contains($"value=\"{typed}\"", html); // what was typed stays in the box to be corrected
        Assert.Equal(200_000L, await StoredLimitAsync("second.approver"));
    }

    [Fact]
    public async Task ANonApprover_CannotBeGivenALimit()
    {
        var client = await app.SignedInAsync("admin");

        var (response, _) = await PostLimitAsync(client, "finance.officer", "1000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await StoredLimitAsync("finance.officer"));
    }

    [Theory]
    [InlineData("finance.officer")]
    [InlineData("finance.approver")]
    public async Task AnyoneButAnAdministrator_IsForbidden_ToSeeOrPost(string user)
    {
        var admin = await app.SignedInAsync("admin");
        var form = await admin.GetStringAsync("/Admin/Users");
        var client = await app.SignedInAsync(user);

        var seen = await client.GetAsync("/Admin/Users");
        var posted = await client.PostAsync("/Admin/Users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["ApprovalLimit"] = "99999999", ["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", seen.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", posted.Headers.Location!.PathAndQuery);
        Assert.NotEqual(9_999_999_900L, await StoredLimitAsync("finance.approver"));
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PostLimitAsync(HttpClient client, string user, string limit)
    {
        var form = await client.GetStringAsync("/Admin/Users");
        var response = await client.PostAsync("/Admin/Users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["ApprovalLimit"] = limit, ["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(form),
        }));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<string> PageAsync(HttpClient client) => WebUtility.HtmlDecode(await client.GetStringAsync("/Admin/Users"));

    private static string LimitShown(string page, string user) =>
        Regex.Match(page, $"data-user=\"{Regex.Escape(user)}\">.*?data-limit>([^<]*)<", RegexOptions.Singleline).Groups[1].Value.Trim();

    private async Task<long?> StoredLimitAsync(string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(user))!.ApprovalLimitPence;
    }
}
