using Placements.Finance.PooledFunding;

namespace Placements.Web.Hosting;

/// <summary>Composition of the Joint Resources Panel and pooled funding (domain.md §8): one scoped service per use case.</summary>
public static class PanelServices
{
    public static IServiceCollection AddPanel(this IServiceCollection services)
    {
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
}
