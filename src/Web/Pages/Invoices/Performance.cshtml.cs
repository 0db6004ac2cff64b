using Placements.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Invoices.Calculation;
using Placements.Finance.Invoices.Queries;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Invoices;

/// <summary>
/// Payment performance for a financial year, as the council must publish it: reg 113 (Public Contracts Regulations 2015:
/// invoices paid, % within 30 days, interest paid and liable), the two Procurement Act 2023 s69 six-monthly payment
/// compliance periods of the year (ending 30 September and 31 March), and the quarter's payments over £30,000 (s70).
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class PerformanceModel(InvoiceQueries queries, IClock clock) : PageModel
{
    /// <summary>The financial year, like 2026/27; this one when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    /// <summary>The quarter of the financial year for payments over £30,000 (1: April–June … 4: January–March).</summary>
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }

    public FinancialYear FinancialYear { get; private set; }
    public int QuarterNumber { get; private set; }
    public string? YearError { get; private set; }
    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];
    public Reg113Report Reg113 { get; private set; } = null!;
    public IReadOnlyList<PaymentComplianceReport> Compliance { get; private set; } = [];
    public IReadOnlyList<LargePayment> LargePayments { get; private set; } = [];
    public IReadOnlyList<string> Notes { get; private set; } = [];

    public LocalDate QuarterStart => FinancialYear.Start.PlusMonths(3 * (QuarterNumber - 1));
    public LocalDate QuarterEnd => QuarterStart.PlusMonths(3).PlusDays(-1);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>One table as CSV: <c>table=reg113</c>, <c>compliance</c> or <c>over30000</c>.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var year = FinancialYear.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return table switch
        {
            "reg113" => File(ReportCsv.Write(
                ["financial_year", "invoices_paid", "paid_within_30_days", "percent_within_30_days", "interest_paid", "interest_liable"],
                [[Reg113.Year.ToString(), Reg113.InvoicesPaid, Reg113.PaidWithin30Days, Reg113.PercentWithin30Days, Reg113.InterestPaid, Reg113.InterestLiable]]),
                "text/csv", $"reg113-{year}.csv"),
            "compliance" => File(ReportCsv.Write(
                ["period_start", "period_end", "invoices_paid", "average_days_to_pay", "percent_within_30_days", "percent_31_to_60_days",
                 "percent_over_60_days", "percent_late_because_disputed", "interest_paid"],
                Compliance.Select(c => new object?[] { c.PeriodStart, c.PeriodEnd, c.InvoicesPaid, c.AverageDaysToPay, c.PercentWithin30Days,
                    c.PercentIn31To60Days, c.PercentOver60Days, c.PercentNotPaidIn30DaysDisputed, c.InterestPaid })),
                "text/csv", $"payment-compliance-{year}.csv"),
            "over30000" => File(ReportCsv.Write(
                ["paid_on", "provider_ref", "provider_name", "invoice_number", "amount"],
                LargePayments.Select(p => new object?[] { p.PaidOn, p.ProviderReference, p.ProviderName, p.InvoiceNumber, p.Amount })),
                "text/csv", $"payments-over-30000-{year}-q{QuarterNumber}.csv"),
            _ => NotFound(),
        };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        FinancialYear = FinancialYear.For(today);
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (FinancialYear.TryParse(Year.Trim(), out var chosen)) FinancialYear = chosen;
            else YearError = $"'{Year}' is not a financial year: choose one like {FinancialYear}";
        }
        QuarterNumber = Quarter is >= 1 and <= 4 ? Quarter.Value : (Period.Between(FinancialYear.Start, today < FinancialYear.Start ? FinancialYear.Start : today > FinancialYear.End ? FinancialYear.End : today, PeriodUnits.Months).Months / 3) + 1;
        Years = Enumerable.Range(-4, 6).Select(k => new FinancialYear(FinancialYear.For(today).StartYear + k)).ToList();
        if (!Years.Contains(FinancialYear)) Years = [.. Years, FinancialYear];

        var reporting = await queries.ReportingAsync(cancellationToken);
        Notes = reporting.Notes;
        Reg113 = PaymentPerformance.Reg113(FinancialYear, reporting.Invoices);
        Compliance =
        [
            PaymentPerformance.Compliance(new LocalDate(FinancialYear.StartYear, 9, 30), reporting.Invoices),
            PaymentPerformance.Compliance(FinancialYear.End, reporting.Invoices),
        ];
        LargePayments = PaymentPerformance.Over30000(QuarterStart, reporting.Invoices);
    }
}
