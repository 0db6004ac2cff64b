using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright against one app on a real socket, shared by every browser test class:
/// the demo county is seeded once, not once per class.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp App { get; } = new();

    public string BaseAddress => App.ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        // Two cores shared with the app and the other tests: give slow page loads a minute, not Playwright's 30 s.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    /// <summary>A page signed in through the real form as <paramref name="user"/>, on the overview.</summary>
    public Task<IPage> SignedInPageAsync(string user) => SignedInPageAsync(user, BaseAddress);

    /// <summary>A page signed in as <paramref name="user"/> to another app on a real socket (one a test class keeps to itself).</summary>
    public async Task<IPage> SignedInPageAsync(string user, string baseAddress)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(baseAddress + "/Account/SignIn");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(PlacementsApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(baseAddress + "/");
        return page;
    }

    /// <summary>An axe scan finds no violations. Set <c>PLACEMENTS_SCREENSHOTS</c> to a folder to keep a screenshot of each page.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        if (Environment.GetEnvironmentVariable("PLACEMENTS_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, what.Replace(' ', '-') + ".png"), FullPage = true });
        AxeResult result = await page.RunAxe();
        var violations = string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        Assert.True(result.Violations.Length == 0, $"Accessibility violations on the {what}: {violations}");
    }
}

[CollectionDefinition(nameof(BrowserSession))]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>;
