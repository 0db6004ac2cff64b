using Placements.Web.Reports;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Finance.Invoices.Queries;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Invoices;

/// <summary>
/// Unpaid invoices by provider, aged from receipt (0–10, 11–20, 21–30, over 30 days): valid invoices must be paid
/// within 30 days of receipt (reg 113), so the last two columns are the council's exposure to late-payment interest.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class AgedModel(InvoiceQueries queries, IClock clock) : PageModel
{
    public LocalDate Today { get; private set; }
    public IReadOnlyList<AgedInvoicesRow> Rows { get; private set; } = [];
    public AgedInvoicesRow Totals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary><c>aged-invoices-2026-11-25.csv</c>: the table as shown, one row per provider and a total row.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var csv = ReportCsv.Write(
            ["provider_ref", "provider_name", "invoices", "days_0_10", "days_11_20", "days_21_30", "over_30_days", "total"],
            Rows.Append(Totals).Select(r => new object?[] { r.ProviderReference, r.ProviderName, r.Count, r.Days0To10, r.Days11To20, r.Days21To30, r.Over30Days, r.Total }));
        return File(csv, "text/csv", $"aged-invoices-{Today:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Rows = await queries.AgedAsync(Today, cancellationToken);
        Totals = new AgedInvoicesRow("", "Total", Finance.Money.Sum(Rows.Select(r => r.Days0To10)), Finance.Money.Sum(Rows.Select(r => r.Days11To20)),
            Finance.Money.Sum(Rows.Select(r => r.Days21To30)), Finance.Money.Sum(Rows.Select(r => r.Over30Days)), Finance.Money.Sum(Rows.Select(r => r.Total)),
            Rows.Sum(r => r.Count));
    }
}
