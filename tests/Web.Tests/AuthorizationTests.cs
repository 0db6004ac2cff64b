using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

public sealed class AuthorizationTests(SqliteApp app)
{
    // The only places a person may reach without signing in.
    private static readonly string[] Anonymous = ["/Account/SignIn", "/Account/AccessDenied", "/Error", "/health"];

    [Fact]
    public void EveryPageAndEndpoint_NamesARolePolicy_OrIsOnTheShortAnonymousList()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var unprotected = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? !Anonymous.Contains("/" + e.RoutePattern.RawText?.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
                : !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task APageOutsideARolesPolicy_IsDenied()
    {
        // The overview admits every staff role; a signed-in user with no role is turned away.
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Accounts.StaffUser>>();
        await users.CreateAsync(new Accounts.StaffUser { UserName = "no.role" }, PlacementsApp.DemoPassword);

        var client = await app.SignedInAsync("no.role");
        var response = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}
