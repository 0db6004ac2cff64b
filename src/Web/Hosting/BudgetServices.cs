using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Database;

namespace Placements.Web.Hosting;

/// <summary>Composition of budget monitoring (domain.md §7): the settings and one scoped service per use case.</summary>
public static class BudgetServices
{
    public static IServiceCollection AddBudgets(this IServiceCollection services)
    {
        services.AddSingleton(sp => SettingsFrom(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<CouncilSettings>()));
        services.AddScoped<LoadForecastInputs>();
        services.AddScoped<ForecastOutturn>();
        services.AddScoped<ForecastPartnerContributions>();
        services.AddScoped<TakeBudgetSnapshot>();
        services.AddScoped<AnnotateBudgetSnapshot>();
        services.AddScoped<ReviseBudget>();
        services.AddScoped<SetDsgYear>();
        services.AddScoped<DsgPosition>();
        services.AddScoped<BudgetMonitoringQueries>();
        services.AddScoped<Reports.BudgetReportLoader>();
        return services;
    }

    /// <summary>
    /// <c>Budgets:AmberAbovePercent</c> (default 98) and <c>Budgets:RedAbovePercent</c> (default 100) of budget;
    /// <c>Budgets:LastNcy</c> (default 14) and <c>Budgets:Post16LastNcy</c> (default 20); <c>Payments:FirstMonth</c>.
    /// </summary>
    /// <exception cref="StartupProblem">A setting is not a number in range, or amber is above red.</exception>
    public static BudgetSettings SettingsFrom(IConfiguration configuration, CouncilSettings council)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(council);
        var amber = Number(configuration, "Budgets:AmberAbovePercent", 98m, 0m, 1000m);
        var red = Number(configuration, "Budgets:RedAbovePercent", 100m, 0m, 1000m);
        if (amber > red) throw new StartupProblem($"Budgets:AmberAbovePercent ({amber}) must not be above Budgets:RedAbovePercent ({red}).");
        var lastNcy = (int)Number(configuration, "Budgets:LastNcy", 14m, 0m, 20m);
        var post16 = (int)Number(configuration, "Budgets:Post16LastNcy", 20m, 0m, 20m);
        return new BudgetSettings(council.LaCode, Reports.TopUpScheduleText.GoLiveMonth(configuration), new RagThresholds(amber, red), lastNcy, post16);
    }

    private static decimal Number(IConfiguration configuration, string key, decimal fallback, decimal min, decimal max) =>
        InvoiceServices.Number(configuration, key, fallback, min, max);
}
