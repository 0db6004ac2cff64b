using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// The dated funding tables' pages through the real app: place rates, top-up bands and a placement's funding rows are
/// added through their forms (never edited), each addition audited; every refused row re-displays the form with the
/// error summary and saves nothing; a finance approver views but does not add; a commissioner is turned away.
/// The tables are shared by the tests, so each test uses its own dates and band names.
/// </summary>
public abstract class FundingTablesTests(FundingApp app)
{
    // ---- Place rates --------------------------------------------------------------------------------------

    [Fact]
    public async Task Rates_AddedThroughTheForm_IsListedNewestFirst_AndAudited()
    {
        var (older, newer) = (UniqueDate(), UniqueDate().PlusYears(1));
        var client = await app.SignedInAsync("finance.officer");

        var (first, _) = await PostFormAsync(client, "/Funding/Rates", RateForm(ProvisionType.ResourcedProvision, older, "6000", "10,000"));
        var (second, _) = await PostFormAsync(client, "/Funding/Rates", RateForm(ProvisionType.ResourcedProvision, newer, "£6,180.50", ""));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var page = Decode(await client.GetStringAsync("/Funding/Rates"));
        Assert.Contains("Place rate for Resourced provision or SEN unit from", page);
        var newerAt = page.IndexOf($"data-from=\"{newer:yyyy-MM-dd}\"", StringComparison.Ordinal);
        var olderAt = page.IndexOf($"data-from=\"{older:yyyy-MM-dd}\"", StringComparison.Ordinal);
        Assert.True(newerAt >= 0 && olderAt > newerAt, "both rates are listed, the newer first");
        Assert.Contains("£6,180.50", page);
        Assert.Contains("£10,000.00", page);
        var saved = await RateAsync(ProvisionType.ResourcedProvision, older);
        Assert.Equal((Money.FromPounds(6000), (Money?)Money.FromPounds(10000)), (saved!.OccupiedRate, saved.UnoccupiedRate));
        Assert.Null((await RateAsync(ProvisionType.ResourcedProvision, newer))!.UnoccupiedRate);
        var audit = Assert.Single(await AuditAsync(nameof(PlaceRate), $"ResourcedProvision from {older:yyyy-MM-dd}"));
        Assert.Equal(("Created", "finance.officer"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task Rates_ForATypeAndDateAlreadySet_IsRefused_AndNothingChanges()
    {
        var date = UniqueDate();
        var client = await app.SignedInAsync("finance.officer");
        await PostFormAsync(client, "/Funding/Rates", RateForm(ProvisionType.MaintainedSpecial, date, "10000", ""));

        var (response, html) = await PostFormAsync(client, "/Funding/Rates", RateForm(ProvisionType.MaintainedSpecial, date, "11000", ""));

        AssertRedisplayedWithError(response, html, "already exists. Rates are never changed: add a rate with a later effective-from date instead.");
        Assert.Equal(Money.FromPounds(10000), (await RateAsync(ProvisionType.MaintainedSpecial, date))!.OccupiedRate);
        Assert.Single(await AuditAsync(nameof(PlaceRate), $"MaintainedSpecial from {date:yyyy-MM-dd}"));
    }

    [Theory]
    [InlineData("ten thousand", "must be an amount in pounds with up to 2 decimal places")]
    [InlineData("10000.001", "must be an amount in pounds with up to 2 decimal places")]
    [InlineData("-10000", "The rate per occupied place cannot be negative")]
    [InlineData("", "Enter the rate per occupied place")]
    public async Task Rates_WithABadAmount_IsRefused_WithTheReason_AndSavesNothing(string amount, string message)
    {
        var date = UniqueDate();
        var client = await app.SignedInAsync("finance.officer");

        var (response, html) = await PostFormAsync(client, "/Funding/Rates", RateForm(ProvisionType.SpecialAcademy, date, amount, ""));

        AssertRedisplayedWithError(response, html, message);
        Assert.Contains("href=\"#OccupiedRate\"", html);
        Assert.Null(await RateAsync(ProvisionType.SpecialAcademy, date));
        Assert.Empty(await AuditAsync(nameof(PlaceRate), $"SpecialAcademy from {date:yyyy-MM-dd}"));
    }

    // ---- Top-up bands -------------------------------------------------------------------------------------

    [Fact]
    public async Task Bands_ShowsTheCurrentFinancialYear_ByDefault()
    {
        var current = FinancialYear.For(Today);
        var band = "Now " + Unique();
        await AddBandAsync(ProvisionType.Mainstream, band, current, 3100);
        await AddBandAsync(ProvisionType.Mainstream, band, current.Next(), 3193);
        var client = await app.SignedInAsync("finance.officer");

        var page = Decode(await client.GetStringAsync("/Funding/Bands"));
        var next = Decode(await client.GetStringAsync($"/Funding/Bands?Year={Uri.EscapeDataString(current.Next().ToString())}"));

        Assert.Contains($"Top-up bands for {current}", page);
        Assert.Contains("£3,100.00", page);
        Assert.DoesNotContain("£3,193.00", page);
        Assert.Contains($"Top-up bands for {current.Next()}", next);
        Assert.Contains("£3,193.00", next);
    }

    [Fact]
    public async Task Bands_AddedThroughTheForm_IsListedForItsYear_AndAudited()
    {
        var band = "B" + Unique();
        var client = await app.SignedInAsync("finance.officer");

        var (response, _) = await PostFormAsync(client, "/Funding/Bands", BandForm(ProvisionType.MaintainedSpecial, band, "2031/32", "£17,556"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = Decode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains($"Maintained special school band {band} for 2031/32 added.", page);
        Assert.Contains($"data-band=\"{band}\"", page);
        Assert.Contains("£17,556.00", page);
        var audit = Assert.Single(await AuditAsync(nameof(TopUpBand), $"MaintainedSpecial {band} 2031/32"));
        Assert.Equal(("Created", "finance.officer"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task Bands_AlreadySetForThatYear_IsRefused_AddTheNextYearsInstead()
    {
        var band = "B" + Unique();
        var client = await app.SignedInAsync("finance.officer");
        await PostFormAsync(client, "/Funding/Bands", BandForm(ProvisionType.PupilReferralUnit, band, "2030/31", "5000"));

        var (response, html) = await PostFormAsync(client, "/Funding/Bands", BandForm(ProvisionType.PupilReferralUnit, band, "2030/31", "5150"));

        AssertRedisplayedWithError(response, html, "Add the next year's band instead.");
        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<FinanceDb>().TopUpBands.AsNoTracking().SingleAsync(b => b.Band == band);
        Assert.Equal(Money.FromPounds(5000), saved.AnnualAmount);
        Assert.Single(await AuditAsync(nameof(TopUpBand), $"PupilReferralUnit {band} 2030/31"));
    }

    [Theory]
    [InlineData("2030-31", "5000", "BandYear", "The financial year must be written like 2025/26")]
    [InlineData("2030/31", "5,000.5.0", "AnnualAmount", "The annual amount must be an amount in pounds")]
    [InlineData("2030/31", "-1", "AnnualAmount", "The annual amount cannot be negative")]
    public async Task Bands_WithABadYearOrAmount_IsRefused_AndSavesNothing(string year, string amount, string field, string message)
    {
        var band = "B" + Unique();
        var client = await app.SignedInAsync("finance.officer");

        var (response, html) = await PostFormAsync(client, "/Funding/Bands", BandForm(ProvisionType.FurtherEducation, band, year, amount));

        AssertRedisplayedWithError(response, html, message);
        Assert.Contains($"href=\"#{field}\"", html);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<FinanceDb>().TopUpBands.AnyAsync(b => b.Band == band));
    }

    // ---- A placement's funding ----------------------------------------------------------------------------

    [Fact]
    public async Task PlacementFunding_ShowsTheProviderAndItsDefaultProRataBasis()
    {
        var (placement, _) = await AddPlacementAsync(ProvisionType.MaintainedSpecial);
        var client = await app.SignedInAsync("finance.officer");

        var page = Decode(await client.GetStringAsync($"/Placements/{placement}/Funding"));

        Assert.Contains($"Funding for placement {placement}", page);
        Assert.Contains("Maintained special school", page);
        Assert.Contains("Monthly (a twelfth a month) (the default: no terms agreed with the provider)", page);
        Assert.Contains("No top-up funding has been set for this placement.", page);
    }

    [Fact]
    public async Task PlacementFunding_ByBandThenByAgreedAmount_AreListed_AndAudited()
    {
        var band = "P" + Unique();
        await AddBandAsync(ProvisionType.IndependentSpecial, band, new FinancialYear(2026), 14000);
        var (placement, _) = await AddPlacementAsync(ProvisionType.IndependentSpecial);
        var client = await app.SignedInAsync("finance.officer");
        var url = $"/Placements/{placement}/Funding";

        Assert.Contains($"<option value=\"{band}\"", await client.GetStringAsync(url));
        var (byBand, _) = await PostFormAsync(client, url, FundingForm(new LocalDate(2026, 9, 1), band, ""));
        var (byAmount, _) = await PostFormAsync(client, url, FundingForm(new LocalDate(2027, 1, 1), "", "16,250"));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (byBand.StatusCode, byAmount.StatusCode));
        var page = Decode(await client.GetStringAsync(url));
        Assert.Contains($"Band {band}", page);
        Assert.Contains("£16,250.00", page);
        Assert.True(page.IndexOf("data-from=\"2027-01-01\"", StringComparison.Ordinal) < page.IndexOf("data-from=\"2026-09-01\"", StringComparison.Ordinal), "newest first");
        var rows = await FundingAsync(placement);
        Assert.Equal([(new LocalDate(2026, 9, 1), band, (Money?)null), (new LocalDate(2027, 1, 1), null, Money.FromPounds(16250))],
            rows.Select(r => (r.EffectiveFrom, r.Band, r.AgreedAnnualAmount)));
        var audit = Assert.Single(await AuditAsync(nameof(PlacementFunding), $"{placement} from 2026-09-01"));
        Assert.Equal(("Created", "finance.officer"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task PlacementFunding_WithBothABandAndAnAmount_IsRefused_AndSavesNothing()
    {
        var band = "P" + Unique();
        await AddBandAsync(ProvisionType.NonMaintainedSpecial, band, new FinancialYear(2026), 20000);
        var (placement, _) = await AddPlacementAsync(ProvisionType.NonMaintainedSpecial);
        var client = await app.SignedInAsync("finance.officer");

        var (response, html) = await PostFormAsync(client, $"/Placements/{placement}/Funding", FundingForm(new LocalDate(2026, 9, 1), band, "21000"));

        AssertRedisplayedWithError(response, html, "Choose a band or enter an agreed annual amount, not both");
        Assert.Empty(await FundingAsync(placement));
        Assert.Empty(await AuditAsync(nameof(PlacementFunding), $"{placement} from 2026-09-01"));
    }

    [Fact]
    public async Task PlacementFunding_OnADateAlreadySet_IsRefused_AndNothingChanges()
    {
        var (placement, _) = await AddPlacementAsync(ProvisionType.SpecialPost16);
        var client = await app.SignedInAsync("finance.officer");
        var url = $"/Placements/{placement}/Funding";
        await PostFormAsync(client, url, FundingForm(new LocalDate(2026, 9, 1), "", "12000"));

        var (response, html) = await PostFormAsync(client, url, FundingForm(new LocalDate(2026, 9, 1), "", "13000"));

        AssertRedisplayedWithError(response, html, $"Placement {placement} already has funding from");
        Assert.Equal(Money.FromPounds(12000), Assert.Single(await FundingAsync(placement)).AgreedAnnualAmount);
    }

    [Fact]
    public async Task PlacementFunding_WithABandFromAnotherProvisionTypesTable_IsRefused()
    {
        var band = "P" + Unique();
        await AddBandAsync(ProvisionType.Mainstream, band, new FinancialYear(2026), 1600);
        var (placement, _) = await AddPlacementAsync(ProvisionType.MaintainedSpecial);
        var client = await app.SignedInAsync("finance.officer");

        var (response, html) = await PostFormAsync(client, $"/Placements/{placement}/Funding", FundingForm(new LocalDate(2026, 9, 1), band, ""));

        AssertRedisplayedWithError(response, html, $"There is no band {band} in the Maintained special school table.");
        Assert.Empty(await FundingAsync(placement));
    }

    [Fact]
    public async Task PlacementFunding_ForAnUnknownPlacement_IsNotFound()
    {
        var client = await app.SignedInAsync("finance.officer");

        var response = await client.GetAsync("/Placements/NO-SUCH-1/Funding");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- Base rates (late-payment interest) -----------------------------------------------------------------

    [Fact]
    public async Task BaseRates_AddedThroughTheForm_IsListedWithItsStatutoryRate_AndASecondForTheSameDateIsRefused()
    {
        var date = UniqueDate();
        var client = await app.SignedInAsync("finance.officer");

        var (added, _) = await PostFormAsync(client, "/Funding/BaseRates", BaseRateForm(date, "4.25"));
        var (again, againHtml) = await PostFormAsync(client, "/Funding/BaseRates", BaseRateForm(date, "4.5"));
        var (bad, badHtml) = await PostFormAsync(client, "/Funding/BaseRates", BaseRateForm(date.PlusDays(1), "four"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = Decode(await client.GetStringAsync("/Funding/BaseRates"));
        var row = page[page.IndexOf($"data-from=\"{date:yyyy-MM-dd}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Matches(@"4\.25%.*12\.25%", row.ReplaceLineEndings(" "));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (again.StatusCode, bad.StatusCode));
        Assert.Contains("is already recorded", Decode(againHtml));
        Assert.Contains("govuk-error-summary", badHtml);
        Assert.Contains("Enter the base rate as a percentage", Decode(badHtml));
        await using var scope = app.Services.CreateAsyncScope();
        var rates = await scope.ServiceProvider.GetRequiredService<FinanceDb>().BaseRates.AsNoTracking()
            .Where(r => r.EffectiveFrom == date || r.EffectiveFrom == date.PlusDays(1)).ToListAsync();
        Assert.Equal(425, Assert.Single(rates).BasisPoints);
    }

    private static Dictionary<string, string> BaseRateForm(LocalDate from, string rate) => new()
    {
        ["EffectiveFrom.Day"] = from.Day.ToString(), ["EffectiveFrom.Month"] = from.Month.ToString(), ["EffectiveFrom.Year"] = from.Year.ToString(),
        ["Rate"] = rate,
    };

    // ---- Who may see and add ------------------------------------------------------------------------------

    [Theory]
    [InlineData("/Funding/Rates")]
    [InlineData("/Funding/Bands")]
    [InlineData("/Funding/BaseRates")]
    [InlineData("/Placements/{placement}/Funding")]
    public async Task ACommissioner_IsSentToAccessDenied(string url)
    {
        var (placement, _) = await AddPlacementAsync(ProvisionType.MaintainedSpecial);
        var client = await app.SignedInAsync("commissioner");

        var response = await client.GetAsync(url.Replace("{placement}", placement));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AFinanceApprover_SeesTheTables_WithoutTheForms_AndCannotAdd()
    {
        var (placement, _) = await AddPlacementAsync(ProvisionType.MaintainedSpecial);
        var date = UniqueDate();
        var band = "A" + Unique();
        var approver = await app.SignedInAsync("finance.approver");
        var fundingUrl = $"/Placements/{placement}/Funding";

        foreach (var (url, button) in new[] { ("/Funding/Rates", "Add rate"), ("/Funding/Bands", "Add band"), (fundingUrl, "Add funding") })
        {
            var response = await approver.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(button, await response.Content.ReadAsStringAsync());
        }
        // A hand-made post with a valid anti-forgery token of the approver's own is refused by the page, not the token check.
        var posts = new[]
        {
            await PostWithOwnTokenAsync("finance.approver", "/Funding/Rates", RateForm(ProvisionType.MaintainedSpecial, date, "10000", "")),
            await PostWithOwnTokenAsync("finance.approver", "/Funding/Bands", BandForm(ProvisionType.MaintainedSpecial, band, "2026/27", "10000")),
            await PostWithOwnTokenAsync("finance.approver", fundingUrl, FundingForm(date, "", "10000")),
        };

        Assert.All(posts, r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", r.Headers.Location!.PathAndQuery);
        });
        Assert.Null(await RateAsync(ProvisionType.MaintainedSpecial, date));
        Assert.Empty(await FundingAsync(placement));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<FinanceDb>().TopUpBands.AnyAsync(b => b.Band == band));
    }

    [Fact]
    public async Task AnAdministrator_CanAdd()
    {
        var date = UniqueDate();
        var client = await app.SignedInAsync("admin");

        var (response, _) = await PostFormAsync(client, "/Funding/Rates", RateForm(ProvisionType.EarlyYears, date, "100", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await RateAsync(ProvisionType.EarlyYears, date));
    }

    // ---- Helpers ------------------------------------------------------------------------------------------

    private static int dayCounter;

    /// <summary>A date no other test uses, so the shared rate table never clashes.</summary>
    private static LocalDate UniqueDate() => new LocalDate(2040, 1, 1).PlusDays(Interlocked.Increment(ref dayCounter));

    private LocalDate Today => app.Services.GetRequiredService<IClock>().TodayInLondon();

    private static string Unique() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static void AssertRedisplayedWithError(HttpResponseMessage response, string html, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains(message, Decode(html));
    }

    private static Dictionary<string, string> RateForm(ProvisionType type, LocalDate from, string occupied, string unoccupied) => new()
    {
        ["ProvisionType"] = type.ToString(),
        ["EffectiveFrom.Day"] = from.Day.ToString(), ["EffectiveFrom.Month"] = from.Month.ToString(), ["EffectiveFrom.Year"] = from.Year.ToString(),
        ["OccupiedRate"] = occupied, ["UnoccupiedRate"] = unoccupied,
    };

    private static Dictionary<string, string> BandForm(ProvisionType type, string band, string year, string amount) => new()
    {
        ["ProvisionType"] = type.ToString(), ["Band"] = band, ["BandYear"] = year, ["AnnualAmount"] = amount,
    };

    private static Dictionary<string, string> FundingForm(LocalDate from, string band, string amount) => new()
    {
        ["EffectiveFrom.Day"] = from.Day.ToString(), ["EffectiveFrom.Month"] = from.Month.ToString(), ["EffectiveFrom.Year"] = from.Year.ToString(),
        ["Band"] = band, ["AgreedAmount"] = amount,
    };

    private static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(await client.GetStringAsync(url));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Posts <paramref name="fields"/> as <paramref name="userName"/> with an anti-forgery token issued to that user, for a
    /// user whose pages carry no form to take one from. Cookies are handled by hand so the token matches the cookie.
    /// </summary>
    private async Task<HttpResponseMessage> PostWithOwnTokenAsync(string userName, string url, Dictionary<string, string> fields)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signInPage = await client.GetAsync("/Account/SignIn");
        var antiforgeryCookie = SetCookies(signInPage).Single(c => c.StartsWith("placements.antiforgery=", StringComparison.Ordinal));
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName, ["Password"] = PlacementsApp.DemoPassword,
                ["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(await signInPage.Content.ReadAsStringAsync()),
            }),
        };
        signIn.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = SetCookies(signedIn).Where(c => !c.StartsWith("placements.antiforgery=", StringComparison.Ordinal)).Append(antiforgeryCookie).ToList();

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = await users.CreateUserPrincipalAsync((await users.UserManager.FindByNameAsync(userName))!),
        };
        context.Request.Headers.Cookie = string.Join("; ", cookies);
        fields["__RequestVerificationToken"] = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!;

        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(post);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    private async Task AddBandAsync(ProvisionType type, string band, FinancialYear year, decimal pounds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        db.TopUpBands.Add(new TopUpBand(type, band, year, Money.FromPounds(pounds)));
        await db.SaveChangesAsync();
    }

    private async Task<(string Placement, string Provider)> AddPlacementAsync(ProvisionType type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var provider = new Provider("T" + Unique(), "Funded School " + Unique(), type, "990", Phase.AllThrough) { AgeFrom = 4, AgeTo = 19 };
        var child = new Child("K" + Unique(), "Test", "Child", new LocalDate(2015, 5, 1), Need.ASD, "990") { EhcPlanIssued = new LocalDate(2019, 5, 1) };
        db.Providers.Add(provider);
        db.Children.Add(child);
        await db.SaveChangesAsync();
        var placement = new Placement(child.Reference + "-1", child.Id, provider.Id, new LocalDate(2026, 9, 1), null, "990");
        placement.Agree(providerHasVacancy: true, overrideReason: null);
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return (placement.Reference, provider.Reference);
    }

    private async Task<PlaceRate?> RateAsync(ProvisionType type, LocalDate from)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceDb>().PlaceRates.AsNoTracking().SingleOrDefaultAsync(r => r.ProvisionType == type && r.EffectiveFrom == from);
    }

    private async Task<List<PlacementFunding>> FundingAsync(string placement)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FinanceDb>().PlacementFunding.AsNoTracking().Where(f => f.PlacementReference == placement).ToListAsync())
            .OrderBy(f => f.EffectiveFrom).ToList();
    }

    private async Task<List<AuditEntry>> AuditAsync(string entityType, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommissioningDb>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
    }
}

public sealed class FundingTablesOnSqliteTests(FundingSqliteApp app) : FundingTablesTests(app), IClassFixture<FundingSqliteApp>;

public sealed class FundingTablesOnPostgresTests(FundingPostgresApp app) : FundingTablesTests(app), IClassFixture<FundingPostgresApp>;

/// <summary>The funding tables' pages over the demo county (read only): every seeded rate, band and funding row renders.</summary>
public sealed class FundingTablesOnTheDemoCountyTests(SqliteApp app)
{
    [Fact]
    public async Task TheDemoCountysTables_AreShown_ToAFinanceOfficer()
    {
        string placement;
        int rates, bands, fundingRows;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
            var year = FinancialYear.For(app.Services.GetRequiredService<IClock>().TodayInLondon());
            rates = await finance.PlaceRates.CountAsync();
            bands = await finance.TopUpBands.CountAsync(b => b.FinancialYear == year);
            var funded = await finance.PlacementFunding.AsNoTracking().OrderBy(f => f.Id).FirstAsync();
            placement = funded.PlacementReference;
            fundingRows = await finance.PlacementFunding.CountAsync(f => f.PlacementReference == placement);
        }
        var client = await app.SignedInAsync("finance.officer");

        var ratesPage = await client.GetStringAsync("/Funding/Rates");
        var bandsPage = await client.GetStringAsync("/Funding/Bands");
        var fundingPage = await client.GetStringAsync($"/Placements/{placement}/Funding");

        Assert.True(rates > 0 && bands > 0, "the demo county seeds rates and bands");
        Assert.Equal(rates, CountOf(ratesPage, "<tr class=\"govuk-table__row\" data-from="));
        Assert.Equal(bands, CountOf(bandsPage, "<tr class=\"govuk-table__row\" data-band="));
        Assert.Equal(fundingRows, CountOf(fundingPage, "<tr class=\"govuk-table__row\" data-from="));
    }

    private static int CountOf(string html, string text) => (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
