using Placements.Web.Cli;
using Placements.Web.Database;
using Placements.Web.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPlacements();
    var app = builder.Build();
    app.UsePlacements();

    // `dotnet run --project src/Web -- <verb> …` runs an operation against the configured database and exits.
    if (CommandLine.HasVerb(args)) return await CommandLine.RunAsync(app.Services, args);

    await DatabaseStartup.MigrateAsync(app.Services);
    await Placements.Web.Demo.DemoStartup.SeedIfEmptyAsync(app.Services, Console.Out);
    await app.RunAsync();
    return 0;
}
catch (StartupProblem problem)
{
    Console.Error.WriteLine($"Placements could not start: {problem.Message}");
    return 1;
}

/// <summary>The entry point, visible to the web tests' WebApplicationFactory.</summary>
public partial class Program;
