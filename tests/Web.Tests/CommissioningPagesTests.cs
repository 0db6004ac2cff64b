using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Hosting;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// The commissioner's pages through the real app: each named rule through its form, an audit row for each change,
/// the register's filters, and who may see the pages. Every test adds its own providers and children.
/// </summary>
public abstract partial class CommissioningPagesTests(CommissioningApp app)
{
    private static readonly AcademicYear Year2026 = new(2026);
    private static readonly LocalDate September2026 = new(2026, 9, 3);

    // ---- Propose: warnings, never blocking -----------------------------------------------------------------

    [Fact]
    public async Task Propose_OutsideTheProvidersAgeRange_SavesTheProposal_AndShowsTheWarning()
    {
        var provider = await AddProviderAsync("Little Oaks Primary", ageFrom: 4, ageTo: 11, designated: [Need.ASD]);
        var child = await AddChildAsync(new LocalDate(2012, 3, 1), Need.ASD); // 14 on 31 August 2026
        var client = await app.SignedInAsync("commissioner");

        var (response, _) = await PostFormAsync(client, $"/Children/{child}/Propose", ProposalForm(provider, September2026));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Children/{child}", response.Headers.Location!.OriginalString);
        var page = Decode(await client.GetStringAsync($"/Children/{child}"));
        Assert.Contains($"Placement {child}-1 proposed", page);
        Assert.Contains("Little Oaks Primary takes ages 4 to 11; the child is 14", page);
        var saved = await FindPlacementAsync($"{child}-1");
        Assert.Equal(PlacementStatus.Proposed, saved!.Status);
        Assert.Equal(September2026, saved.Start);
        var audit = Assert.Single(await AuditAsync(nameof(Placement), $"{child}-1"));
        Assert.Equal(("Created", "commissioner"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task Propose_TakesTheChildsNextReference()
    {
        var provider = await AddProviderAsync("Next Ref School");
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.SLCN);
        await AddPlacementAsync(child, provider, new LocalDate(2021, 9, 1), new LocalDate(2026, 7, 22));
        var client = await app.SignedInAsync("commissioner");

        await PostFormAsync(client, $"/Children/{child}/Propose", ProposalForm(provider, September2026));

        Assert.NotNull(await FindPlacementAsync($"{child}-2"));
    }

    [Fact]
    public async Task Propose_EndingBeforeItStarts_ShowsTheRule_AndSavesNothing()
    {
        var provider = await AddProviderAsync("Backwards School");
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.SLCN);
        var client = await app.SignedInAsync("commissioner");
        var form = ProposalForm(provider, September2026);
        (form["End.Day"], form["End.Month"], form["End.Year"]) = ("31", "8", "2026");

        var (response, html) = await PostFormAsync(client, $"/Children/{child}/Propose", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("The end date 2026-08-31 is before the start date 2026-09-03.", Decode(html));
        Assert.Null(await FindPlacementAsync($"{child}-1"));
        Assert.Empty(await AuditAsync(nameof(Placement), $"{child}-1"));
    }

    [Fact]
    public async Task Propose_WithoutAProviderOrStart_ShowsBothErrors_LinkedToTheirFields()
    {
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.SLCN);
        var client = await app.SignedInAsync("commissioner");

        var (_, html) = await PostFormAsync(client, $"/Children/{child}/Propose", new() { ["Provider"] = "", ["ResponsibleLa"] = "990", ["Attendance"] = "Day", ["Start.Day"] = "31", ["Start.Month"] = "2", ["Start.Year"] = "2027" });

        Assert.Contains("<a href=\"#Provider\">Choose the provider</a>", html);
        Assert.Contains("<a href=\"#Start-day\">The start date must be a real date</a>", html);
        Assert.Null(await FindPlacementAsync($"{child}-1"));
    }

    // ---- Agree: PlacementsMustNotOverlap ----------------------------------------------------------------------

    [Fact]
    public async Task Agree_OverlappingAnotherPlacement_ShowsTheRulesMessage_AndSavesNothing()
    {
        var provider = await AddProviderAsync("Overlap School", places: 20);
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD);
        await AddPlacementAsync(child, provider, new LocalDate(2025, 9, 2));                       // -1, agreed and open
        await AddPlacementAsync(child, provider, new LocalDate(2027, 1, 4), agreed: false);        // -2, proposed
        var client = await app.SignedInAsync("commissioner");
        var auditBefore = await AuditAsync(nameof(Placement), $"{child}-2");

        var (response, html) = await PostFormAsync(client, $"/Placements/{child}-2/Agree", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains($"Placement {child}-2 overlaps placement {child}-1 (2025-09-02 to open) for the same child", Decode(html));
        Assert.Equal(PlacementStatus.Proposed, (await FindPlacementAsync($"{child}-2"))!.Status);
        Assert.Equal(auditBefore.Count, (await AuditAsync(nameof(Placement), $"{child}-2")).Count);
    }

    [Fact]
    public async Task Agree_ADualRegistrationOverlappingAnotherPlacement_IsAgreed()
    {
        var provider = await AddProviderAsync("Dual School", places: 20);
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD);
        await AddPlacementAsync(child, provider, new LocalDate(2025, 9, 2));
        var client = await app.SignedInAsync("commissioner");
        var form = ProposalForm(provider, September2026);
        form["DualRegistration"] = "true";
        await PostFormAsync(client, $"/Children/{child}/Propose", form);

        var (response, _) = await PostFormAsync(client, $"/Placements/{child}-2/Agree", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var agreed = await FindPlacementAsync($"{child}-2");
        Assert.Equal(PlacementStatus.Agreed, agreed!.Status);
        Assert.True(agreed.DualRegistration);
    }

    // ---- Agree: FullProviderNeedsOverrideReason ---------------------------------------------------------------

    [Fact]
    public async Task Agree_AtAFullProvider_AsksForAReason_ThenRecordsIt_WithAnAuditRow()
    {
        var provider = await AddProviderAsync("Full School", places: 1);
        var already = await AddChildAsync(new LocalDate(2016, 1, 1), Need.ASD);
        await AddPlacementAsync(already, provider, new LocalDate(2025, 9, 2));  // fills the one place on the start date
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD);
        await AddPlacementAsync(child, provider, September2026, agreed: false);
        var client = await app.SignedInAsync("commissioner");

        var form = Decode(await client.GetStringAsync($"/Placements/{child}-1/Agree"));
        Assert.Contains("1 of 1 places filled", form);
        Assert.Contains("Why agree the placement although the provider is full?", form);

        var (refused, refusedHtml) = await PostFormAsync(client, $"/Placements/{child}-1/Agree", new() { ["OverrideReason"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<a href=\"#OverrideReason\">The provider has no vacancy for this need on the start date.", refusedHtml);
        Assert.Equal(PlacementStatus.Proposed, (await FindPlacementAsync($"{child}-1"))!.Status);

        var (agreed, _) = await PostFormAsync(client, $"/Placements/{child}-1/Agree", new() { ["OverrideReason"] = "Named by the SEND tribunal" });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var saved = await FindPlacementAsync($"{child}-1");
        Assert.Equal(PlacementStatus.Agreed, saved!.Status);
        Assert.Equal("Named by the SEND tribunal", saved.CapacityOverrideReason);
        var change = (await AuditAsync(nameof(Placement), $"{child}-1")).Single(a => a.Action == "Changed");
        Assert.Equal("commissioner", change.Actor);
        Assert.Contains("\"CapacityOverrideReason\":\"Named by the SEND tribunal\"", change.After);
        Assert.Contains("\"Status\":\"Agreed\"", change.After);
        Assert.Contains("Named by the SEND tribunal", Decode(await client.GetStringAsync($"/Children/{child}")));
    }

    [Fact]
    public async Task Agree_WithAVacancy_AsksNoReason_AndAgrees()
    {
        var provider = await AddProviderAsync("Roomy School", places: 5);
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD);
        await AddPlacementAsync(child, provider, September2026, agreed: false);
        var client = await app.SignedInAsync("commissioner");

        var form = Decode(await client.GetStringAsync($"/Placements/{child}-1/Agree"));
        Assert.Contains("0 of 5 places filled", form);
        Assert.DoesNotContain("OverrideReason", form);

        var (response, _) = await PostFormAsync(client, $"/Placements/{child}-1/Agree", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await FindPlacementAsync($"{child}-1");
        Assert.Equal(PlacementStatus.Agreed, saved!.Status);
        Assert.Null(saved.CapacityOverrideReason);
    }

    [Fact]
    public async Task Agree_Twice_IsRefused()
    {
        var provider = await AddProviderAsync("Twice School");
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD);
        await AddPlacementAsync(child, provider, September2026);
        var client = await app.SignedInAsync("commissioner");

        var (response, html) = await PostFormAsync(client, $"/Placements/{child}-1/Agree", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Placement {child}-1 is already agreed.", html);
    }

    // ---- End --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task End_RecordsTheLastDayAndTheCeaseReason_WithAnAuditRow()
    {
        var provider = await AddProviderAsync("Leaving School");
        var child = await AddChildAsync(new LocalDate(2010, 5, 1), Need.SEMH);
        await AddPlacementAsync(child, provider, new LocalDate(2024, 9, 3));
        var client = await app.SignedInAsync("commissioner");

        var form = Decode(await client.GetStringAsync($"/Placements/{child}-1/End"));
        Assert.Contains("Moved to another local authority", form);
        Assert.DoesNotContain("Not recorded", form);

        var (response, _) = await PostFormAsync(client, $"/Placements/{child}-1/End",
            new() { ["LastDay.Day"] = "22", ["LastDay.Month"] = "7", ["LastDay.Year"] = "2026", ["Reason"] = nameof(CeaseReason.MovedToAnotherLa) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await FindPlacementAsync($"{child}-1");
        Assert.Equal((PlacementStatus.Ended, new LocalDate(2026, 7, 22), CeaseReason.MovedToAnotherLa), (saved!.Status, saved.End!.Value, saved.EndReason!.Value));
        var change = (await AuditAsync(nameof(Placement), $"{child}-1")).Single(a => a.Action == "Changed");
        Assert.Contains("\"EndReason\":\"MovedToAnotherLa\"", change.After);
        // The trail writes dates through the invariant culture: today its long form, ISO if that is ever changed.
        Assert.Contains("\"End\":\"2026-07-22\"", change.After);
        var page = Decode(await client.GetStringAsync($"/Children/{child}"));
        Assert.Contains("Moved to another local authority", page);
        Assert.Contains("3 September 2024 to 22 July 2026", page);
    }

    [Fact]
    public async Task End_BeforeTheStart_ShowsTheRule_AndSavesNothing()
    {
        var provider = await AddProviderAsync("Early End School");
        var child = await AddChildAsync(new LocalDate(2010, 5, 1), Need.SEMH);
        await AddPlacementAsync(child, provider, September2026);
        var client = await app.SignedInAsync("commissioner");

        var (response, html) = await PostFormAsync(client, $"/Placements/{child}-1/End",
            new() { ["LastDay.Day"] = "1", ["LastDay.Month"] = "9", ["LastDay.Year"] = "2026", ["Reason"] = nameof(CeaseReason.Other) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#LastDay-day\">The end date 2026-09-01 is before the start date 2026-09-03.</a>", html);
        var saved = await FindPlacementAsync($"{child}-1");
        Assert.Equal((PlacementStatus.Agreed, (LocalDate?)null), (saved!.Status, saved.End));
        Assert.DoesNotContain(await AuditAsync(nameof(Placement), $"{child}-1"), a => a.Action == "Changed");
    }

    [Fact]
    public async Task End_WithoutAReason_AsksForOne()
    {
        var provider = await AddProviderAsync("No Reason School");
        var child = await AddChildAsync(new LocalDate(2010, 5, 1), Need.SEMH);
        await AddPlacementAsync(child, provider, September2026);
        var client = await app.SignedInAsync("commissioner");

        var (_, html) = await PostFormAsync(client, $"/Placements/{child}-1/End",
            new() { ["LastDay.Day"] = "1", ["LastDay.Month"] = "12", ["LastDay.Year"] = "2026", ["Reason"] = nameof(CeaseReason.NotRecorded) });

        Assert.Contains("<a href=\"#Reason\">Choose why the placement ended</a>", html);
        Assert.Equal(PlacementStatus.Agreed, (await FindPlacementAsync($"{child}-1"))!.Status);
    }

    // ---- Commissioned places ----------------------------------------------------------------------------------

    [Fact]
    public async Task SetPlaces_CreatesThenChangesTheRow_WithAnAuditRowEachTime()
    {
        var provider = await AddProviderAsync("Places School", designated: [Need.ASD]);
        var client = await app.SignedInAsync("commissioner");

        var (created, _) = await PostFormAsync(client, $"/Providers/{provider}?handler=Places", new() { ["SetYear"] = "2027", ["SetNeed"] = "ASD", ["SetPlaces"] = "24" }, getFrom: $"/Providers/{provider}");
        var (changed, _) = await PostFormAsync(client, $"/Providers/{provider}?handler=Places", new() { ["SetYear"] = "2027", ["SetNeed"] = "ASD", ["SetPlaces"] = "30" }, getFrom: $"/Providers/{provider}");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (created.StatusCode, changed.StatusCode));
        var rows = await PlacesAsync(provider);
        var row = Assert.Single(rows);
        Assert.Equal((new AcademicYear(2027), (Need?)Need.ASD, 30), (row.AcademicYear, row.Need, row.Places));
        var audit = await AuditAsync(nameof(CommissionedPlaces), row.AuditKey);
        Assert.Equal(["Created", "Changed"], audit.Select(a => a.Action));
        Assert.Contains("\"Places\":\"24\"", audit[1].Before);
        Assert.Contains("\"Places\":\"30\"", audit[1].After);
        var page = Decode(await client.GetStringAsync($"/Providers/{provider}"));
        Assert.Contains("30 places set for 2027/28, ASD.", page);
        Assert.Matches(@"data-year=""2027/28"" data-need=""ASD"">\s*<td[^>]*>2027/28</td>\s*<td[^>]*>ASD \(Autistic spectrum disorder\)</td>\s*<td[^>]*>30</td>", page);
    }

    [Fact]
    public async Task SetPlaces_Negative_ShowsTheErrorSummary_AndSavesNothing()
    {
        var provider = await AddProviderAsync("Negative School");
        var client = await app.SignedInAsync("commissioner");

        var (response, html) = await PostFormAsync(client, $"/Providers/{provider}?handler=Places", new() { ["SetYear"] = "2026", ["SetNeed"] = "any", ["SetPlaces"] = "-3" }, getFrom: $"/Providers/{provider}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#SetPlaces\">The number of places cannot be negative.</a>", html);
        Assert.Empty(await PlacesAsync(provider));
    }

    // ---- Provider pages -----------------------------------------------------------------------------------------

    [Fact]
    public async Task ProviderDetail_ShowsPlacesFilledAndVacantByNeed_OnTheChosenDate()
    {
        var provider = await AddProviderAsync("Two Needs Base", designated: [Need.ASD, Need.SLCN]);
        await SetPlacesAsync(provider, Year2026, Need.ASD, 2);
        await SetPlacesAsync(provider, Year2026, Need.SLCN, 3);
        foreach (var need in new[] { Need.ASD, Need.ASD, Need.ASD, Need.SLCN })
            await AddPlacementAsync(await AddChildAsync(new LocalDate(2016, 5, 1), need), provider, September2026, new LocalDate(2026, 12, 18));
        var client = await app.SignedInAsync("commissioner");

        var during = Decode(await client.GetStringAsync($"/Providers/{provider}?On.Day=1&On.Month=10&On.Year=2026"));
        var after = Decode(await client.GetStringAsync($"/Providers/{provider}?On.Day=19&On.Month=12&On.Year=2026"));

        Assert.Contains("Places, occupancy and vacancies on 1 October 2026", during);
        Assert.Matches(@"data-need=""ASD"">\s*<th[^>]*>ASD[^<]*</th>\s*<td[^>]*>2</td>\s*<td[^>]*>3</td>\s*<td[^>]*>0</td>", during);
        Assert.Contains("3 of 2 places filled: 1 over", during);
        Assert.Matches(@"data-need=""SLCN"">\s*<th[^>]*>SLCN[^<]*</th>\s*<td[^>]*>3</td>\s*<td[^>]*>1</td>\s*<td[^>]*>2</td>", during);
        Assert.Contains("4 children", during);
        Assert.Contains("0 of 2 places filled", after);
        Assert.Contains("0 children", after);
    }

    [Fact]
    public async Task ProvidersList_FiltersByNameAndArea_AndShowsTheOccupancyBar()
    {
        var name = "Zebra " + Unique();
        var here = await AddProviderAsync(name + " Local", places: 2);
        var away = await AddProviderAsync(name + " Away", la: "991");
        await AddPlacementAsync(await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD), here, Today.PlusDays(-30));
        var client = await app.SignedInAsync("commissioner");

        var all = Decode(await client.GetStringAsync($"/Providers?Name={Uri.EscapeDataString(name.ToLowerInvariant())}"));
        var local = Decode(await client.GetStringAsync($"/Providers?Name={Uri.EscapeDataString(name)}&Area=in"));
        var elsewhere = Decode(await client.GetStringAsync($"/Providers?Name={Uri.EscapeDataString(name)}&Area=out"));

        Assert.Equal(new[] { away, here }.Order(), ProviderRows(all).Order());
        Assert.Equal([here], ProviderRows(local));
        Assert.Equal([away], ProviderRows(elsewhere));
        Assert.Contains("1 of 2 places filled", local);
        Assert.Contains("LA 991", elsewhere);
        Assert.Contains("aria-current=\"page\"", all);
    }

    [Fact]
    public async Task ProvidersList_FiltersByDesignatedNeedAndType()
    {
        var name = "Yak " + Unique();
        var asd = await AddProviderAsync(name + " ASD", designated: [Need.ASD, Need.SLCN]);
        var hi = await AddProviderAsync(name + " HI", designated: [Need.HI], type: ProvisionType.ResourcedProvision);
        var client = await app.SignedInAsync("commissioner");

        Assert.Equal([asd], ProviderRows(await client.GetStringAsync($"/Providers?Name={Uri.EscapeDataString(name)}&Need=SLCN")));
        Assert.Equal([hi], ProviderRows(await client.GetStringAsync($"/Providers?Name={Uri.EscapeDataString(name)}&Type=ResourcedProvision")));
    }

    // ---- The register's filters ---------------------------------------------------------------------------------

    [Fact]
    public async Task Register_FiltersByProviderNeedPhaseStatusAndOutOfArea()
    {
        var provider = await AddProviderAsync("Register School", places: 50);
        var year = AcademicYear.For(Today);
        var primaryAsd = await AddChildAsync(year.Start.PlusYears(-8), Need.ASD);      // NCY 3 this year
        var secondarySemh = await AddChildAsync(year.Start.PlusYears(-14), Need.SEMH); // NCY 9
        var secondaryAsd = await AddChildAsync(year.Start.PlusYears(-13), Need.ASD);   // NCY 8
        var outOfArea = await AddChildAsync(year.Start.PlusYears(-15), Need.ASD);      // NCY 10
        var a = await AddPlacementAsync(primaryAsd, provider, Today.PlusDays(-100));
        var b = await AddPlacementAsync(secondarySemh, provider, Today.PlusDays(-800), Today.PlusDays(-400), endReason: CeaseReason.MovedToAnotherSetting);
        var c = await AddPlacementAsync(secondaryAsd, provider, Today.PlusDays(20), agreed: false);
        var d = await AddPlacementAsync(outOfArea, provider, Today.PlusDays(-10), outOfArea: OutOfAreaReason.NoLocalCapacity);
        var client = await app.SignedInAsync("commissioner");
        async Task<IReadOnlyList<string>> Rows(string query) => PlacementRows(await client.GetStringAsync($"/Placements?Provider={provider}&{query}"));

        Assert.Equal(new[] { a, b, c, d }.Order(), (await Rows("")).Order());
        Assert.Equal(new[] { a, c, d }.Order(), (await Rows("Need=ASD")).Order());
        Assert.Equal(new[] { a, d }.Order(), (await Rows("Status=active")).Order());
        Assert.Equal([b], await Rows("Status=Ended"));
        Assert.Equal([c], await Rows("Status=Proposed"));
        Assert.Equal([a], await Rows("Phase=Primary"));
        Assert.Equal(new[] { c, d }.Order(), (await Rows("Phase=Secondary&Need=ASD")).Order());
        Assert.Equal([d], await Rows("OutOfArea=any"));
        Assert.Equal([d], await Rows("OutOfArea=NoLocalCapacity"));
        Assert.Empty(await Rows("OutOfArea=ParentalPreference"));
        var html = Decode(await client.GetStringAsync($"/Placements?Provider={provider}&Need=ASD"));
        Assert.Contains("data-total=\"3\"", html);
        Assert.Contains($"href=\"/Children/{primaryAsd}\"", html);
        Assert.Contains($"href=\"/Providers/{provider}\"", html);
    }

    [Fact]
    public async Task Register_PagesFiftyAtATime_WithTheTotal()
    {
        var provider = await AddProviderAsync("Busy School");
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.MLD);
        // 55 one-day placements on consecutive days; newest first, so page 2 holds the five earliest.
        for (var i = 0; i < 55; i++)
            await AddPlacementAsync(child, provider, new LocalDate(2026, 1, 1).PlusDays(i), new LocalDate(2026, 1, 1).PlusDays(i));
        var client = await app.SignedInAsync("commissioner");

        var first = await client.GetStringAsync($"/Placements?Provider={provider}");
        var second = await client.GetStringAsync($"/Placements?Provider={provider}&p=2");

        Assert.Equal(50, PlacementRows(first).Count);
        Assert.Equal([$"{child}-5", $"{child}-4", $"{child}-3", $"{child}-2", $"{child}-1"], PlacementRows(second));
        Assert.Contains("data-total=\"55\"", first);
        Assert.Contains("showing 51 to 55", second);
        Assert.Contains($"href=\"/Placements?Provider={provider}&amp;p=2\"", first);
    }

    // ---- Child page ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ChildPage_ShowsNcyPhaseAndAnOverdueReview_AndTheHistoryNewestFirst()
    {
        var provider = await AddProviderAsync("History School");
        var year = AcademicYear.For(Today);
        var child = await AddChildAsync(year.Start.PlusYears(-12), Need.PD, lastReview: Today.PlusMonths(-13)); // 11 on the cut-off: Year 7
        await AddPlacementAsync(child, provider, new LocalDate(2020, 9, 1), new LocalDate(2022, 7, 20), endReason: CeaseReason.MovedToAnotherSetting);
        await AddPlacementAsync(child, provider, new LocalDate(2022, 9, 1), outOfArea: OutOfAreaReason.SpecialistNeed);
        var client = await app.SignedInAsync("commissioner");

        var html = Decode(await client.GetStringAsync($"/Children/{child}"));

        Assert.Contains("Year 7 (NCY 7), secondary", html);
        Assert.Contains("Overdue", html);
        Assert.True(html.IndexOf($"{child}-2:", StringComparison.Ordinal) < html.IndexOf($"{child}-1:", StringComparison.Ordinal), "newest placement first");
        Assert.Contains("Specialist need not met locally", html);
        Assert.Contains("Moved to another setting", html);
        Assert.Contains($"href=\"/Placements/{child}-2/End\"", html);
        Assert.DoesNotContain($"href=\"/Placements/{child}-1/End\"", html);
    }

    [Fact]
    public async Task UnknownChildProviderOrPlacement_IsNotFound()
    {
        var client = await app.SignedInAsync("commissioner");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Children/NO-SUCH-CHILD")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Providers/NO-SUCH-PROVIDER")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Placements/NO-SUCH-1/Agree")).StatusCode);
    }

    // ---- Who may see the pages ----------------------------------------------------------------------------------

    [Fact]
    public async Task AFinanceOfficer_IsTurnedAwayFromEveryCommissioningPage_AndCannotPost()
    {
        var provider = await AddProviderAsync("Private School");
        var child = await AddChildAsync(new LocalDate(2016, 5, 1), Need.ASD);
        var placement = await AddPlacementAsync(child, provider, September2026, agreed: false);
        var client = await app.SignedInAsync("finance.officer");

        foreach (var url in new[] { "/Providers", $"/Providers/{provider}", "/Placements", $"/Children/{child}", $"/Children/{child}/Propose", $"/Placements/{placement}/Agree", $"/Placements/{placement}/End" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} gave {(int)response.StatusCode}");
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var token = PlacementsApp.AntiforgeryToken(await client.GetStringAsync("/"));
        var post = await client.PostAsync($"/Placements/{placement}/Agree", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["OverrideReason"] = "x" }));
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(PlacementStatus.Proposed, (await FindPlacementAsync(placement))!.Status);
    }

    [Fact]
    public async Task Navigation_ShowsEachRoleItsOwnLinks_AndMarksTheCurrentPage()
    {
        var commissioner = await (await app.SignedInAsync("commissioner")).GetStringAsync("/Placements");
        var finance = await (await app.SignedInAsync("finance.officer")).GetStringAsync("/");
        var admin = await (await app.SignedInAsync("admin")).GetStringAsync("/Providers");

        Assert.Equal(["/", "/Providers", "/Placements", "/Planning"], MenuLinks(commissioner));
        Assert.Matches(@"href=""/Placements"" aria-current=""page""", commissioner);
        Assert.Equal(["/", "/Funding/PlaceFunding", "/Payments", "/Invoices", "/Panel/Recharges"], MenuLinks(finance));
        Assert.Matches(@"href=""/"" aria-current=""page""", finance);
        Assert.Equal(["/", "/Providers", "/Placements", "/Planning", "/Funding/PlaceFunding", "/Payments", "/Invoices", "/Budgets", "/Panel", "/Admin/Import", "/Admin/Users"], MenuLinks(admin));
        Assert.Matches(@"href=""/Providers"" aria-current=""page""", admin);
        Assert.Contains("action=\"/Account/SignOut\"", admin);
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private LocalDate Today => app.Services.GetRequiredService<IClock>().TodayInLondon();

    private static string Unique() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static Dictionary<string, string> ProposalForm(string provider, LocalDate start) => new()
    {
        ["Provider"] = provider,
        ["Start.Day"] = start.Day.ToString(), ["Start.Month"] = start.Month.ToString(), ["Start.Year"] = start.Year.ToString(),
        ["End.Day"] = "", ["End.Month"] = "", ["End.Year"] = "",
        ["Attendance"] = "Day", ["ResponsibleLa"] = "990", ["OutOfAreaReason"] = "",
    };

    /// <summary>Posts a form as the browser would: with the anti-forgery token from the page it is on.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? getFrom = null)
    {
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(await client.GetStringAsync(getFrom ?? url));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static List<string> PlacementRows(string html) => PlacementRowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
    private static List<string> ProviderRows(string html) => ProviderRowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
    private static List<string> MenuLinks(string html) => MenuLinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-placement=\"([^\"]+)\"")]
    private static partial Regex PlacementRowPattern();
    [GeneratedRegex("<tr class=\"govuk-table__row\" data-provider=\"([^\"]+)\"")]
    private static partial Regex ProviderRowPattern();
    [GeneratedRegex("class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"")]
    private static partial Regex MenuLinkPattern();

    private async Task<string> AddProviderAsync(string name, int? places = null, Need[]? designated = null, int ageFrom = 4, int ageTo = 19, string la = "990", ProvisionType type = ProvisionType.MaintainedSpecial)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var provider = new Provider("T" + Unique(), name, type, la, Phase.AllThrough) { AgeFrom = ageFrom, AgeTo = ageTo, DesignatedNeeds = [.. designated ?? []], District = la == "990" ? "Testdale" : null };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        if (places is { } p)
            foreach (var year in new[] { Year2026.Previous(), Year2026, Year2026.Next(), AcademicYear.For(Today) }.Distinct())
                db.CommissionedPlaces.Add(new CommissionedPlaces(provider.Id, year, null, p));
        await db.SaveChangesAsync();
        return provider.Reference;
    }

    private async Task SetPlacesAsync(string provider, AcademicYear year, Need? need, int places)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var id = await db.Providers.Where(p => p.Reference == provider).Select(p => p.Id).SingleAsync();
        db.CommissionedPlaces.Add(new CommissionedPlaces(id, year, need, places));
        await db.SaveChangesAsync();
    }

    private async Task<string> AddChildAsync(LocalDate born, Need need, LocalDate? lastReview = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var child = new Child("K" + Unique(), "Test", "Child", born, need, "990") { EhcPlanIssued = born.PlusYears(4), LastAnnualReview = lastReview ?? Today.PlusMonths(-2) };
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child.Reference;
    }

    private async Task<string> AddPlacementAsync(string child, string provider, LocalDate start, LocalDate? end = null, bool agreed = true,
        CeaseReason? endReason = null, OutOfAreaReason? outOfArea = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var childId = await db.Children.Where(c => c.Reference == child).Select(c => c.Id).SingleAsync();
        var providerId = await db.Providers.Where(p => p.Reference == provider).Select(p => p.Id).SingleAsync();
        var reference = PlacementLifecycle.NextReference(child, await db.Placements.Where(p => p.ChildId == childId).Select(p => p.Reference).ToListAsync());
        var placement = new Placement(reference, childId, providerId, start, endReason is null ? end : null, "990") { OutOfAreaReason = outOfArea };
        if (agreed) placement.Agree(providerHasVacancy: true, overrideReason: null);
        if (endReason is { } reason) placement.EndOn(end!.Value, reason);
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return reference;
    }

    private async Task<Placement?> FindPlacementAsync(string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommissioningDb>().Placements.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference);
    }

    private async Task<List<CommissionedPlaces>> PlacesAsync(string provider)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var id = await db.Providers.Where(p => p.Reference == provider).Select(p => p.Id).SingleAsync();
        return await db.CommissionedPlaces.AsNoTracking().Where(c => c.ProviderId == id).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(string entityType, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommissioningDb>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
    }
}

public sealed class CommissioningPagesOnSqliteTests(CommissioningSqliteApp app) : CommissioningPagesTests(app), IClassFixture<CommissioningSqliteApp>;

public sealed class CommissioningPagesOnPostgresTests(CommissioningPostgresApp app) : CommissioningPagesTests(app), IClassFixture<CommissioningPostgresApp>;
