using System.Globalization;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Invoices;
using Placements.Finance.Invoices.Calculation;
using Placements.Finance.Invoices.Queries;
using Placements.Web.Database;

namespace Placements.Web.Hosting;

/// <summary>Composition of agreements and invoices (domain.md §5–§6): the settings and one scoped service per use case.</summary>
public static class InvoiceServices
{
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        services.AddSingleton(sp => SettingsFrom(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<RecordInvoice>();
        services.AddScoped<ImportProviderInvoices>();
        services.AddScoped<MatchInvoiceLines>();
        services.AddScoped<ApproveInvoice>();
        services.AddScoped<QueryInvoiceLine>();
        services.AddScoped<RecordLatePaymentInterest>();
        services.AddScoped<CheckInvoiceDeadlines>();
        services.AddScoped<SavePlacementAgreement>();
        services.AddScoped<InvoiceQueries>();
        return services;
    }

    /// <summary>
    /// <c>Invoices:Tolerance:Amount</c> (pounds, default 5.00), <c>Invoices:Tolerance:Percent</c> (default 0.5) and
    /// <c>Invoices:DueSoonDays</c> (default 7). A bad value stops start-up with a message rather than matching wrongly.
    /// </summary>
    /// <exception cref="StartupProblem">A setting is not a number in range.</exception>
    public static InvoiceSettings SettingsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = InvoiceSettings.Default;
        var amount = configuration["Invoices:Tolerance:Amount"] is { Length: > 0 } text
            ? Money.TryParse(text, out var parsed, out var error) && !parsed.IsNegative
                ? parsed
                : throw new StartupProblem($"Invoices:Tolerance:Amount '{text}' is not an amount of pounds of £0.00 or more (e.g. 5.00). {error}".TrimEnd())
            : defaults.Tolerance.Absolute;
        var percent = Number(configuration, "Invoices:Tolerance:Percent", defaults.Tolerance.Percent, 0m, 100m);
        var dueSoon = Number(configuration, "Invoices:DueSoonDays", defaults.DueSoonDays, 0m, 30m);
        if (dueSoon != decimal.Truncate(dueSoon))
            throw new StartupProblem($"Invoices:DueSoonDays '{dueSoon}' must be a whole number of days.");
        return new InvoiceSettings(new InvoiceTolerance(amount, percent), (int)dueSoon);
    }

    /// <summary>A numeric setting in range, or <paramref name="fallback"/> when not set.</summary>
    /// <exception cref="StartupProblem">The setting is not a number from <paramref name="min"/> to <paramref name="max"/>.</exception>
    internal static decimal Number(IConfiguration configuration, string key, decimal fallback, decimal min, decimal max)
    {
        if (configuration[key] is not { Length: > 0 } text) return fallback;
        return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new StartupProblem($"{key} '{text}' is not a number from {min} to {max}.");
    }
}
