using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Placements.Accounts;
using Placements.Web.Cli;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

[CollectionDefinition(nameof(StartupAndCommandLineTests), DisableParallelization = true)]
public sealed class CommandLineCollection;

// Verbs migrate and write to the shared SQLite app's database; they run alone, as an operator's would.
[Collection(nameof(StartupAndCommandLineTests))]
public sealed class StartupAndCommandLineTests(SqliteApp app)
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void WithNeitherSettingSet_TheDatabaseIsAnEmbeddedSqliteFileInTheDataFolder()
    {
        var root = Directory.CreateTempSubdirectory().FullName;

        var settings = DatabaseSettings.From(Settings(), root);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.Combine(root, "data", "placements.db")}", settings.ConnectionString);
        Assert.True(Directory.Exists(Path.Combine(root, "data")));
    }

    [Fact]
    public void AnUnknownProvider_StopsStartUpWithAMessageNamingTheSetting()
    {
        var problem = Assert.Throws<StartupProblem>(() => DatabaseSettings.From(Settings(("Database:Provider", "Oracle")), "."));

        Assert.Equal("Database:Provider is 'Oracle', which is not a database this product supports. Use one of: Sqlite, Postgres, SqlServer.", problem.Message);
    }

    [Fact]
    public void AServerProviderWithoutAConnectionString_NamesTheMissingSetting()
    {
        var problem = Assert.Throws<StartupProblem>(() => DatabaseSettings.From(Settings(("Database:Provider", "postgres")), "."));

        Assert.Equal("ConnectionStrings:Placements must be set when Database:Provider is Postgres.", problem.Message);
    }

    [Fact]
    public async Task AnUnreachablePostgres_StopsStartUpWithOneClearMessage_NotAStackTrace()
    {
        var (exitCode, output, error) = await RunAppAsync(
            ("Database__Provider", "Postgres"),
            ("ConnectionStrings__Placements", "Host=127.0.0.1;Port=1;Database=placements;Username=u;Password=secret;Timeout=3"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Placements could not start: Cannot open PostgreSQL database 'placements' on 127.0.0.1:1 (set by Database:Provider and ConnectionStrings:Placements)", line);
        Assert.DoesNotContain("secret", error + output);
        Assert.DoesNotContain("   at ", error + output);
    }

    [Fact]
    public async Task AnUnknownProviderInTheEnvironment_StopsTheProcessWithExitCodeOne()
    {
        var (exitCode, _, error) = await RunAppAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        Assert.Equal("Placements could not start: Database:Provider is 'Oracle', which is not a database this product supports. Use one of: Sqlite, Postgres, SqlServer.", error.Trim());
    }

    [Fact]
    public async Task UsersAdd_CreatesAnAccountThatCanSignIn()
    {
        var exit = await CommandLine.RunAsync(app.Services, ["users", "add", "sam.finance", "--role", "financeofficer", "--password", "Correct-Horse-42!"]);

        Assert.Equal(0, exit);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var sam = await users.FindByNameAsync("sam.finance");
        Assert.NotNull(sam);
        Assert.Equal([Roles.FinanceOfficer], await users.GetRolesAsync(sam));
        var client = await app.SignedInAsync("sam.finance", "Correct-Horse-42!");
        Assert.Contains("Signed in as sam.finance", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("users", "add", "pat", "--role", "Wizard", "--password", "Correct-Horse-42!")]
    [InlineData("users", "add", "pat", "--role", "Commissioner", "--password", "short")]
    [InlineData("users", "add", "admin", "--role", "Commissioner", "--password", "Correct-Horse-42!")]
    public async Task UsersAdd_WithABadRolePasswordOrExistingName_FailsWithoutCreatingAnything(params string[] args)
    {
        var exit = await CommandLine.RunAsync(app.Services, args);

        Assert.Equal(1, exit);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("pat"));
    }

    [Fact]
    public async Task AnUnknownVerb_ExitsWithUsage()
    {
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["launch-rockets"]));
    }

    [Fact]
    public async Task Migrate_OnAnUpToDateDatabase_Succeeds()
    {
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["migrate"]));
    }

    /// <summary>Runs the built web app as a separate process, as `dotnet run` would, with the given environment.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Placements.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory().FullName,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
