using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Finance.Interchange;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>The app on an empty database (no demo county), with an Administrator and a Commissioner.</summary>
public sealed class EmptyCountyApp(DatabaseProvider provider = DatabaseProvider.Sqlite) : PlacementsApp(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];

    public async Task AddStaffAsync()
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.AddAsync("admin", Roles.Administrator, DemoPassword);
        await accounts.AddAsync("commissioner", Roles.Commissioner, DemoPassword);
    }
}

/// <summary>The example county folder and scratch copies of it to spoil.</summary>
public static class ExampleCounty
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "examples", "county");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Placements.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Placements.sln above {AppContext.BaseDirectory}.");
    }

    public static string Copy()
    {
        var copy = Directory.CreateTempSubdirectory("county-").FullName;
        foreach (var file in Directory.GetFiles(Folder, "*.csv")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    /// <summary>Sets one value of a copied file: <paramref name="line"/> is the physical line (header = 1).</summary>
    public static void SetValue(string folder, string file, int line, string column, string value)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path);
        var at = Array.IndexOf(lines[0].Split(','), column);
        var cells = lines[line - 1].Split(',');
        cells[at] = value;
        lines[line - 1] = string.Join(',', cells);
        File.WriteAllLines(path, lines);
    }

    public static void AppendLine(string folder, string file, string line) => File.AppendAllLines(Path.Combine(folder, file), [line]);

    public static void ReplaceHeader(string folder, string file, string header)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path);
        lines[0] = header;
        File.WriteAllLines(path, lines);
    }
}

/// <summary>The county import through the real app, on each database (the import's one transaction spans both modules).</summary>
public abstract class ImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EmptyCountyApp _app = new(provider);

    public async ValueTask InitializeAsync() => await _app.AddStaffAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<CountyImportResult> ImportAsync(string folder)
    {
        using var scope = _app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AuditActor>().ActingAs("test:import");
        return await new CountyImport(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>())
            .RunAsync(new FolderImportSource(folder), sp.GetRequiredService<IClock>().TodayInLondon(), sp.GetRequiredService<CouncilSettings>().LaCode);
    }

    private sealed record Counts(int Providers, int Places, int Children, int Placements, int Terms, int Closures, int Bands, int Funding, int Rates, int Budgets, int FundingTerms, int Audit);

    private async Task<Counts> CountAsync()
    {
        using var scope = _app.Services.CreateScope();
        var c = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var f = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        return new Counts(await c.Providers.CountAsync(), await c.CommissionedPlaces.CountAsync(), await c.Children.CountAsync(), await c.Placements.CountAsync(),
            await c.Terms.CountAsync(), await c.SchoolClosures.CountAsync(), await f.TopUpBands.CountAsync(), await f.PlacementFunding.CountAsync(),
            await f.PlaceRates.CountAsync(), await f.BudgetLines.CountAsync(), await f.ProviderFundingTerms.CountAsync(), await c.AuditEntries.CountAsync());
    }

    private static int DataRows(string file) => File.ReadAllLines(Path.Combine(ExampleCounty.Folder, file)).Length - 1;

    [Fact]
    public async Task TheExampleCounty_ImportsIntoAnEmptyDatabase_AndASecondImportChangesNothing()
    {
        var first = await ImportAsync(ExampleCounty.Folder);

        Assert.Empty(first.Errors);
        var counts = await CountAsync();
        Assert.Equal(DataRows("providers.csv"), counts.Providers);
        Assert.Equal(DataRows("providers.csv"), counts.FundingTerms);
        Assert.Equal(DataRows("places.csv"), counts.Places);
        Assert.Equal(DataRows("children.csv"), counts.Children);
        Assert.Equal(DataRows("placements.csv"), counts.Placements);
        Assert.Equal(DataRows("term_dates.csv"), counts.Terms);
        Assert.Equal(DataRows("school_closures.csv"), counts.Closures);
        Assert.Equal(DataRows("topup_bands.csv"), counts.Bands);
        Assert.Equal(DataRows("placement_funding.csv"), counts.Funding);
        Assert.Equal(DataRows("place_rates.csv"), counts.Rates);
        Assert.Equal(DataRows("budgets.csv"), counts.Budgets);
        Assert.Equal(10, first.Files.Count);
        Assert.All(first.Files, f => Assert.Equal((DataRows(f.File), 0, 0), (f.Created, f.Updated, f.Unchanged)));
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
            var today = scope.ServiceProvider.GetRequiredService<IClock>().TodayInLondon();
            // Imported placements are existing ones: agreed, or ended when their end date has passed (blank reason → NotRecorded).
            Assert.DoesNotContain(await db.Placements.ToListAsync(), p => p.Status == PlacementStatus.Proposed);
            Assert.All(await db.Placements.Where(p => p.End != null && p.End < today).ToListAsync(), p => Assert.Equal(PlacementStatus.Ended, p.Status));
            Assert.Contains(await db.Placements.ToListAsync(), p => p.DualRegistration);
            Assert.Contains(await db.Placements.ToListAsync(), p => p.ResponsibleLa == "990");
        }

        var second = await ImportAsync(ExampleCounty.Folder);

        Assert.Empty(second.Errors);
        Assert.Equal((0, 0), (second.Created, second.Updated));
        Assert.Equal(counts, await CountAsync());
    }

    [Fact]
    public async Task PlacementsOutsideTheirProvidersDesignation_AreImported_WithAWarningLineEach()
    {
        var first = await ImportAsync(ExampleCounty.Folder);

        Assert.True(first.Success);
        Assert.Contains("placements.csv:6: warning: PL0005: Eastbridge High ASD Unit is designated for ASD, not the child's primary need HI.", first.Warnings);
        Assert.All(first.Warnings, w => Assert.Matches(@"^placements\.csv:\d+: warning: PL\d{4}: ", w));
        var second = await ImportAsync(ExampleCounty.Folder);
        Assert.Empty(second.Warnings); // nothing changed, nothing new to check
    }

    [Fact]
    public async Task ACorrectedFile_UpdatesOnlyTheChangedRow_AndAuditsThatChange()
    {
        await ImportAsync(ExampleCounty.Folder);
        var before = await CountAsync();
        var folder = ExampleCounty.Copy();
        ExampleCounty.SetValue(folder, "placements.csv", 3, "end_date", "2027-07-21");
        ExampleCounty.SetValue(folder, "budgets.csv", 4, "amount", "3500000");

        var result = await ImportAsync(folder);

        Assert.Empty(result.Errors);
        Assert.Equal((0, 2), (result.Created, result.Updated));
        Assert.Equal((0, 1), (result.Files.Single(f => f.File == "placements.csv").Created, result.Files.Single(f => f.File == "placements.csv").Updated));
        Assert.Equal(before with { Audit = before.Audit + 2 }, await CountAsync());
        using var scope = _app.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<CommissioningDb>().AuditEntries
            .Where(a => a.Action == "Changed").ToListAsync();
        var placement = Assert.Single(audit, a => a.EntityType == "Placement");
        Assert.Equal(("PL0002", "test:import"), (placement.EntityKey, placement.Actor));
        Assert.Equal("{\"End\":null}", placement.Before);
        // Only the end date changed, written as ISO 8601.
        var after = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(placement.After!)!;
        Assert.Equal(["End"], after.Keys);
        Assert.Equal("2027-07-21", after["End"]);
        Assert.Single(audit, a => a.EntityType == "BudgetLine");
    }

    /// <summary>Every error of the "all at once" folder, sorted by file and line.</summary>
    public static readonly string[] AllAtOnce = [
            "children.csv:1: nickname: unknown column; children.csv has the columns child_ref, given_name, family_name, date_of_birth, primary_need, resident_la, ehc_plan_issued?, last_annual_review?, district?",
            "placements.csv:3: start_date: '2025-13-01' is not a date (YYYY-MM-DD)",
            "placements.csv:5: provider_ref: 'PRV999' is not in providers.csv or the database",
            "placements.csv:77: start_date: Placement PL9001 overlaps placement PL0001 (2026-09-05 to open) for the same child; mark one as dual registration if both are intended. (PlacementsMustNotOverlap)",
            "providers.csv:15: provider_ref: provider_ref 'PRV001' appears again (first on line 2); each key may appear once per file",
        ];

    public static TheoryData<string, string[]> SpoiledFolders() => new()
    {
        { "malformed date", ["placements.csv:3: start_date: '2025-13-01' is not a date (YYYY-MM-DD)"] },
        { "unknown provider", ["placements.csv:5: provider_ref: 'PRV999' is not in providers.csv or the database"] },
        { "overlap", ["placements.csv:77: start_date: Placement PL9001 overlaps placement PL0001 (2026-09-05 to open) for the same child; mark one as dual registration if both are intended. (PlacementsMustNotOverlap)"] },
        { "unknown column", ["children.csv:1: nickname: unknown column; children.csv has the columns child_ref, given_name, family_name, date_of_birth, primary_need, resident_la, ehc_plan_issued?, last_annual_review?, district?"] },
        { "duplicate key", ["providers.csv:15: provider_ref: provider_ref 'PRV001' appears again (first on line 2); each key may appear once per file"] },
        { "all at once", AllAtOnce },
    };

    /// <summary>Spoils a copy of the example county as the case says.</summary>
    public static string Spoil(string @case)
    {
        var folder = ExampleCounty.Copy();
        var all = @case == "all at once";
        if (all || @case == "malformed date") ExampleCounty.SetValue(folder, "placements.csv", 3, "start_date", "2025-13-01");
        if (all || @case == "unknown provider") ExampleCounty.SetValue(folder, "placements.csv", 5, "provider_ref", "PRV999");
        if (all || @case == "overlap") ExampleCounty.AppendLine(folder, "placements.csv", "PL9001,C0001,PRV012,2026-10-01,,Day,,,,");
        if (all || @case == "unknown column")
            ExampleCounty.ReplaceHeader(folder, "children.csv", "child_ref,given_name,family_name,date_of_birth,primary_need,resident_la,ehc_plan_issued,last_annual_review,district,nickname");
        if (all || @case == "duplicate key") ExampleCounty.AppendLine(folder, "providers.csv", "PRV001,Brookfield School,MaintainedSpecial,118530,,990,Northmoor,AllThrough,SLD,Monthly,4,18");
        return folder;
    }

    [Theory]
    [MemberData(nameof(SpoiledFolders))]
    public async Task ASpoiledFolder_ListsEveryErrorLine_AndWritesNothing(string @case, string[] expected)
    {
        var result = await ImportAsync(Spoil(@case));

        Assert.Equal(expected, result.Errors.Select(e => e.ToString()));
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task ASpoiledFolderOverAnImportedCounty_ChangesNoRow()
    {
        await ImportAsync(ExampleCounty.Folder);
        var before = await CountAsync();
        var folder = Spoil("overlap");
        ExampleCounty.SetValue(folder, "budgets.csv", 4, "amount", "3500000");

        var result = await ImportAsync(folder);

        Assert.Single(result.Errors);
        Assert.Equal(before, await CountAsync());
        using var scope = _app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CommissioningDb>().AuditEntries.Where(a => a.Action == "Changed").ToListAsync());
    }

    private static MultipartFormDataContent Upload(string token, string folder, params string[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var file in files)
        {
            var content = new ByteArrayContent(File.ReadAllBytes(Path.Combine(folder, file)));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "Files", file);
        }
        return form;
    }

    [Fact]
    public async Task AnAdministrator_UploadsTheFiles_AndSeesWhatEachCreated()
    {
        var client = await _app.SignedInAsync("admin");
        var token = PlacementsApp.AntiforgeryToken(await client.GetStringAsync("/Admin/Import"));
        var files = Directory.GetFiles(ExampleCounty.Folder, "*.csv").Select(Path.GetFileName).OfType<string>().ToArray();

        var response = await client.PostAsync("/Admin/Import", Upload(token, ExampleCounty.Folder, files));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Import complete", html);
        Assert.Contains($"<tr class=\"govuk-table__row\" data-file=\"placements.csv\">", html);
        Assert.Contains($"data-count=\"created\">{DataRows("placements.csv")}<", html);
        Assert.Equal(DataRows("placements.csv"), (await CountAsync()).Placements);
        using var scope = _app.Services.CreateScope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<CommissioningDb>().AuditEntries.ToListAsync(), a => Assert.Equal("admin", a.Actor));
    }

    [Fact]
    public async Task ABadUpload_ShowsTheErrorSummaryWithEveryLine_AndWritesNothing()
    {
        var client = await _app.SignedInAsync("admin");
        var token = PlacementsApp.AntiforgeryToken(await client.GetStringAsync("/Admin/Import"));
        var folder = Spoil("all at once");

        var response = await client.PostAsync("/Admin/Import", Upload(token, folder, "providers.csv", "children.csv", "placements.csv"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("nothing was imported", html);
        foreach (var line in AllAtOnce)
            Assert.Contains($"<a href=\"#Files\">{line}</a>", html);
        Assert.DoesNotContain("Amelia", html);
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task AnUploadWithoutAnAntiforgeryToken_IsRefused()
    {
        var client = await _app.SignedInAsync("admin");

        var response = await client.PostAsync("/Admin/Import", Upload("", ExampleCounty.Folder, "providers.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await CountAsync()).Providers);
    }

    [Fact]
    public async Task ThePlacementsTopUpSchedulePage_ShowsTheSameFiguresAsTheCli_AndIsForFinanceOnly()
    {
        await ImportAsync(ExampleCounty.Folder);
        var admin = await _app.SignedInAsync("admin");

        var html = await admin.GetStringAsync("/Placements/PL0001/Schedule?Year=2026/27");

        Assert.Contains("<tr class=\"govuk-table__row\" data-month=\"2026-09\">", html);
        Assert.Contains("data-amount>&#xA3;848.93<", html);
        Assert.Contains("data-total>&#xA3;6,726.11<", html);
        var commissioner = await _app.SignedInAsync("commissioner");
        var denied = await commissioner.GetAsync("/Placements/PL0001/Schedule");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ACommissioner_IsDeniedTheImportPage()
    {
        var client = await _app.SignedInAsync("commissioner");

        var response = await client.GetAsync("/Admin/Import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}

public sealed class ImportOnSqliteTests() : ImportTests(DatabaseProvider.Sqlite);

public sealed class ImportOnPostgresTests() : ImportTests(DatabaseProvider.Postgres);

/// <summary>The <c>import</c> verb, run as an operator would: the built app as a process on its own SQLite file.</summary>
[Collection(nameof(StartupAndCommandLineTests))]
public sealed class ImportCommandLineTests
{
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string database, params string[] args) =>
        AppProcess.RunAsync(database, args);

    private static string NewDatabase() => AppProcess.NewDatabase("import-cli-");

    [Fact]
    public async Task Import_OfTheExampleCounty_PrintsTheReport_AndExitsZero()
    {
        var database = NewDatabase();

        var (exit, output, error) = await RunAsync(database, "import", ExampleCounty.Folder);
        var (again, secondOutput, _) = await RunAsync(database, "import", ExampleCounty.Folder);

        Assert.True(exit == 0, error);
        Assert.Contains("  placements.csv: 75 created, 0 updated, 0 unchanged", output.ReplaceLineEndings("\n"));
        Assert.Equal(0, again);
        Assert.Contains("  placements.csv: 0 created, 0 updated, 75 unchanged", secondOutput);
        Assert.Contains("  Total: 0 created, 0 updated, ", secondOutput);
    }

    [Fact]
    public async Task FundingSchedule_OfAnImportedPlacement_PrintsTheMonthsToThePenny()
    {
        var database = NewDatabase();
        await RunAsync(database, "import", ExampleCounty.Folder);

        var (exit, output, error) = await RunAsync(database, "funding", "schedule", "--placement", "PL0001", "--year", "2026/27");

        // PL0001 starts on 5 September 2026 at band 1, £11,754.36 a year, Monthly: £979.53 a whole month;
        // September is 26 of 30 days = £848.926 → £848.93; the exact year is £6,726.106 → £6,726.11.
        Assert.True(exit == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains(lines, l => l.StartsWith("  September 2026") && l.Contains("£848.93"));
        Assert.Contains(lines, l => l.StartsWith("  October 2026") && l.Contains("£979.53") && l.Contains("£1,828.46"));
        Assert.Contains(lines, l => l.StartsWith("  Total") && l.EndsWith("£6,726.11"));
        Assert.DoesNotContain(lines, l => l.StartsWith("  August 2026") && !l.Contains("£0.00"));
    }

    [Fact]
    public async Task FundingSchedule_WithABadYear_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync(NewDatabase(), "funding", "schedule", "--placement", "PL0001", "--year", "2026");

        Assert.Equal(2, exit);
        Assert.Contains("'2026' is not a financial year (like 2025/26).", error);
    }

    [Fact]
    public async Task Import_OfASpoiledFolder_PrintsEveryErrorToStandardError_AndExitsOne()
    {
        var (exit, output, error) = await RunAsync(NewDatabase(), "import", ImportTests.Spoil("all at once"));

        Assert.Equal(1, exit);
        var lines = error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([.. ImportTests.AllAtOnce, "Nothing was imported: 5 error(s)."], lines);
        Assert.DoesNotContain("created", output);
    }

    [Fact]
    public async Task Import_OfAFolderThatDoesNotExist_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync(NewDatabase(), "import", "/no/such/folder");

        Assert.Equal(2, exit);
        Assert.StartsWith("The folder '/no/such/folder' does not exist.", error);
    }
}
