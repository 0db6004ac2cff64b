using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program.cs: migrate, seed the demo county, serve) on a fresh database of the given provider.
/// </summary>
public class PlacementsApp(DatabaseProvider provider, bool realServer = false) : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>
    /// Starts the host once, before any test uses it. WebApplicationFactory builds its server lazily and without a
    /// lock, so parallel tests touching a fresh fixture at once could start two hosts that migrate and seed together.
    /// </summary>
    public virtual ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    public const string DemoPassword = "Test-Password-2026!";

    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = TestDatabases.Create(provider);

    /// <summary>Quartz keeps schedulers by name per process: every app under test has its own.</summary>
    public string SchedulerName { get; } = $"Placements-{Guid.NewGuid():N}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (realServer) UseKestrel(0);
        builder.ConfigureAppConfiguration((_, config) => config
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = Provider.ToString(),
                [DatabaseSettings.ConnectionStringKey] = ConnectionString,
                ["Demo:Seed"] = "true",
                ["Demo:Password"] = DemoPassword,
                // No seeded payment history: tests prepare the year's runs themselves (a fixture overrides it in ExtraSettings).
                ["Demo:PaymentRuns"] = "false",
            })
            .AddInMemoryCollection(ExtraSettings));
        // Host settings are visible while Program composes services (e.g. whether OpenID Connect is offered, and the
        // database Quartz's job store uses). Each app in this process gets its own scheduler name.
        builder.UseSetting(DatabaseSettings.ProviderKey, Provider.ToString());
        builder.UseSetting(DatabaseSettings.ConnectionStringKey, ConnectionString);
        builder.UseSetting("Jobs:SchedulerName", SchedulerName);
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
    }

    /// <summary>Further configuration for a particular app under test.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in through the real sign-in form (anti-forgery token and all).</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostSignInAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/Account/SignIn");
        return await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}

/// <summary>One app on SQLite shared by the tests of the assembly (seeding the county once).</summary>
public sealed class SqliteApp() : PlacementsApp(DatabaseProvider.Sqlite);

/// <summary>One app on the local PostgreSQL shared by the tests of the assembly.</summary>
public sealed class PostgresApp() : PlacementsApp(DatabaseProvider.Postgres);

/// <summary>
/// The demo county with its year so far (<c>Demo:PaymentRuns=true</c>, as <c>dotnet run</c> seeds it): April to last
/// month's approved runs and budget snapshots, the DSG years and the September budget revision.
/// </summary>
public sealed class BudgetDemoApp() : PlacementsApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:PaymentRuns", "true")];
}

/// <summary>The app on a real Kestrel socket, for the browser.</summary>
public sealed class BrowserApp() : PlacementsApp(DatabaseProvider.Sqlite, realServer: true);

/// <summary>The app with an OpenID Connect identity provider configured (never contacted: the tests stop at the redirect).</summary>
public sealed class OrganisationSignInApp() : PlacementsApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Demo:Seed", "false"),
        new("Authentication:OpenIdConnect:Authority", "https://login.example.gov.uk/tenant/v2.0"),
        new("Authentication:OpenIdConnect:ClientId", "placements-test"),
        new("Authentication:OpenIdConnect:ClientSecret", "not-a-secret"),
        // Metadata is normally fetched from the authority; here the endpoints are given so nothing leaves the machine.
        new("Authentication:OpenIdConnect:Configuration:AuthorizationEndpoint", "https://login.example.gov.uk/tenant/oauth2/v2.0/authorize"),
        new("Authentication:OpenIdConnect:Configuration:TokenEndpoint", "https://login.example.gov.uk/tenant/oauth2/v2.0/token"),
        new("Authentication:OpenIdConnect:Configuration:Issuer", "https://login.example.gov.uk/tenant/v2.0"),
    ];
}
