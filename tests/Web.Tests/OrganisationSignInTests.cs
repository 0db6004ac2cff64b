using System.Net;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>OpenID Connect (e.g. Microsoft Entra ID) is offered when, and only when, it is configured.</summary>
public sealed class OrganisationSignInTests(OrganisationSignInApp app) : IClassFixture<OrganisationSignInApp>
{
    [Fact]
    public async Task WhenConfigured_TheSignInPageOffersTheOrganisationAccount_AndItRedirectsToTheIdentityProvider()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/Account/SignIn?ReturnUrl=%2F");
        Assert.Contains("Sign in with your organisation account", page);

        var response = await client.PostAsync("/Account/SignIn?handler=Organisation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://login.example.gov.uk/tenant/oauth2/v2.0/authorize?", location);
        Assert.Contains("client_id=placements-test", location);
        Assert.Contains("response_type=code", location);
    }
}

public sealed class LocalSignInOnlyTests(SqliteApp app)
{
    [Fact]
    public async Task WhenNotConfigured_TheSignInPageOffersOnlyLocalAccounts()
    {
        var page = await app.Anonymous().GetStringAsync("/Account/SignIn");

        Assert.DoesNotContain("organisation account", page);
        Assert.Contains("User name", page);
    }
}
