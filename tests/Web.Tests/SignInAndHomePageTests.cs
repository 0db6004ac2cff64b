using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placements.Commissioning.Persistence;
using Placements.Web.Demo;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>Sign-in, the overview page and request protection, through the real app on each database.</summary>
public abstract class SignInAndHomePageTests(PlacementsApp app)
{
    public static TheoryData<string> DemoUsers() => [.. DemoStartup.DemoUsers.Keys];

    [Fact]
    public async Task AnonymousRequestForTheOverview_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EachDemoUser_SignsIn_AndSeesTheDemoCountyCountsFromTheDatabase(string user)
    {
        var client = await app.SignedInAsync(user);

        var html = await client.GetStringAsync("/");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        Assert.Equal(DemoCounty.ChildrenOnRecord, await db.Children.CountAsync());
        Assert.Contains($"Signed in as {user}", html);
        Assert.Contains($"data-count=\"children\">{DemoCounty.ChildrenOnRecord:N0}<", html);
        var providers = await db.Providers.CountAsync();
        Assert.InRange(providers, 60, 200);
        Assert.Contains("Wessex Vale Council", html);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsTheErrorSummaryAndDoesNotSignIn()
    {
        var client = app.Anonymous();

        var response = await PlacementsApp.PostSignInAsync(client, "commissioner", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("The user name or password is not right", html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task APostWithoutAnAntiforgeryToken_IsRefused()
    {
        var client = await app.SignedInAsync("admin");

        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var client = await app.SignedInAsync("finance.officer");
        var token = PlacementsApp.AntiforgeryToken(await client.GetStringAsync("/Account/SignOut"));

        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task TheSignOutButtonOnEveryPage_CarriesItsAntiforgeryToken_AndSignsOut()
    {
        var client = await app.SignedInAsync("commissioner");
        var html = await client.GetStringAsync("/");
        var form = System.Text.RegularExpressions.Regex.Match(html, "<form method=\"post\" class=\"app-inline-form\" action=\"/Account/SignOut\">.*?</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;

        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(form) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Health_AnswersWithoutSignIn()
    {
        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stylesheet_IsServedByTheAppItself()
    {
        var response = await app.Anonymous().GetAsync("/lib/govuk-frontend/govuk-frontend.min.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".govuk-", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SignInAndHomePageOnSqliteTests(SqliteApp app) : SignInAndHomePageTests(app);

public sealed class SignInAndHomePageOnPostgresTests(PostgresApp app) : SignInAndHomePageTests(app);
