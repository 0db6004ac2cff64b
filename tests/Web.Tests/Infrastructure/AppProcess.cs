using System.Diagnostics;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>The built app run as an operator runs a verb: a separate process on its own SQLite file, no demo seed.</summary>
public static class AppProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string database, params string[] args) =>
        RunWithAsync(database, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync"/>, with settings of its own in the environment (e.g. <c>Panel__RechargeFrequency__Health</c>).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithAsync(string database, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Placements.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory().FullName,
        };
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Placements"] = $"Data Source={database}";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A path for a new SQLite file in a folder of its own.</summary>
    public static string NewDatabase(string prefix) => Path.Combine(Directory.CreateTempSubdirectory(prefix).FullName, "placements.db");
}
