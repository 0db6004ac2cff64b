using Placements.Finance.PooledFunding;
using Placements.Web.Database;

namespace Placements.Web.Hosting;

/// <summary>Composition of the Joint Resources Panel and pooled funding (domain.md §8): the recharge schedule and one scoped service per use case.</summary>
public static class PanelServices
{
    /// <exception cref="StartupProblem">A recharge frequency setting is not Monthly or Quarterly: the app does not start.</exception>
    public static IServiceCollection AddPanel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ScheduleFrom(configuration));
        services.AddScoped<MakeReferral>();
        services.AddScoped<SubmitReferral>();
        services.AddScoped<PlanPanelMeeting>();
        services.AddScoped<DecideCase>();
        services.AddScoped<PrepareRechargeStatements>();
        services.AddScoped<RecordRechargeReceipt>();
        services.AddScoped<CheckPanelReviews>();
        services.AddScoped<PanelQueries>();
        return services;
    }

    /// <summary><c>Panel:RechargeFrequency:Health</c> and <c>Panel:RechargeFrequency:SocialCare</c>: <c>Monthly</c> (the default) or <c>Quarterly</c>.</summary>
    /// <exception cref="StartupProblem">A frequency is neither.</exception>
    public static RechargeSchedule ScheduleFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new RechargeSchedule(Frequency(configuration, "Panel:RechargeFrequency:Health"), Frequency(configuration, "Panel:RechargeFrequency:SocialCare"));
    }

    private static RechargeFrequency Frequency(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => RechargeFrequency.Monthly,
        // By name only: Enum.TryParse would also take "1" as Quarterly.
        var text => Enum.GetValues<RechargeFrequency>().Where(f => string.Equals(f.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Cast<RechargeFrequency?>().FirstOrDefault()
            ?? throw new StartupProblem($"{key} '{text}' is neither Monthly nor Quarterly."),
    };
}
