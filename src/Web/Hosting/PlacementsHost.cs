using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;
using Placements.Web.Api;
using Placements.Web.Database;
using Placements.Web.Jobs;
using Placements.Web.Security;

namespace Placements.Web.Hosting;

/// <summary>Composition of the host: the modules, the database, security and the pages.</summary>
public static class PlacementsHost
{
    public static void AddPlacements(this WebApplicationBuilder builder)
    {
        // Read from the built configuration (not the builder's) so every source, including test hosts, is seen;
        // a bad setting surfaces as a StartupProblem the first time the database is needed: at start-up.
        builder.Services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>(), builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton(sp => CouncilSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddDbContext<CommissioningDb>((sp, o) =>
        {
            sp.GetRequiredService<DatabaseSettings>().Configure(o, CommissioningDb.MigrationsHistoryTable);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        builder.Services.AddDbContext<FinanceDb>((sp, o) =>
        {
            sp.GetRequiredService<DatabaseSettings>().Configure(o, FinanceDb.MigrationsHistoryTable);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        builder.Services.AddDbContext<AccountsDb>((sp, o) => sp.GetRequiredService<DatabaseSettings>().Configure(o, AccountsDb.MigrationsHistoryTable));

        builder.Services.AddSingleton<Payments.PaymentRunProgress>();
        builder.Services.AddScoped<Payments.PaymentOperations>();
        builder.Services.AddSingleton<Finance.Payments.IPaymentLineWriter, Payments.BulkPaymentLineWriter>();
        builder.Services.AddSingleton<Finance.Budgets.Snapshots.ISnapshotPlacementWriter, Database.BulkSnapshotPlacementWriter>();
        builder.Services.AddScoped<Finance.Payments.PreparePaymentRun>();
        builder.Services.AddScoped<Finance.Payments.ApprovePaymentRun>();
        builder.Services.AddScoped<Finance.Payments.HoldPayments>();
        builder.Services.AddScoped<Finance.Payments.ExportPaymentRun>();
        builder.Services.AddScoped<Finance.Payments.PaymentRunExport>();
        builder.Services.AddInvoices();
        builder.Services.AddBudgets();
        builder.Services.AddPanel(builder.Configuration);
        builder.AddPlacementsJobs();

        builder.AddPlacementsSecurity();
        builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/", Policies.AnyStaff));
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
    }

    public static void UsePlacements(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapPaymentRunsApi();
        app.MapInvoicesApi();
    }
}

/// <summary>The council running the product: <c>Council:Name</c> and <c>Council:LaCode</c> (the demo county supplies defaults).</summary>
public sealed record CouncilSettings(string Name, string LaCode)
{
    public static CouncilSettings From(IConfiguration configuration) =>
        new(configuration["Council:Name"] is { Length: > 0 } name ? name : Demo.DemoCounty.CouncilName,
            configuration["Council:LaCode"] is { Length: > 0 } code ? code : Demo.DemoCounty.LaCode);
}
