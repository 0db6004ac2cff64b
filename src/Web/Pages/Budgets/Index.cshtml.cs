using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets.Forecasting;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Reports;
using Placements.Web.Reports.Pdf;
using Placements.Web.Security;

namespace Placements.Web.Pages.Budgets;

/// <summary>
/// High Needs budget monitoring (domain.md §7): the forecast outturn of a financial year on a date by s251 line and by
/// provision type, the monthly profile, the movement since last month's snapshot with its causes, the commentary and
/// the alerts; the same <see cref="BudgetReport"/> the monthly PDF and the Excel workbook are made from.
/// </summary>
[Authorize(Policy = Policies.Budgets)]
public sealed class IndexModel(BudgetReportLoader loader, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public DateInput AsAt { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool ExcludeTrend { get; set; }

    public List<ErrorLink> Errors { get; } = [];
    public BudgetReport Report { get; private set; } = null!;
    public FinancialYear FinancialYear { get; private set; }
    public LocalDate Date { get; private set; }
    public IReadOnlyList<FinancialYear> YearChoices { get; private set; } = [];

    public HighNeedsForecastResult Forecast => Report.Forecast;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The monthly report, <c>high-needs-monitoring-2026-12.pdf</c>.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        return File(BudgetReportPdf.Render(Report), "application/pdf", FileName("pdf"));
    }

    /// <summary>Every figure behind the page, <c>high-needs-monitoring-2026-12.xlsx</c>.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        return File(BudgetWorkbook.Render(Report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    private string FileName(string extension) => $"high-needs-monitoring-{Date:yyyy-MM}.{extension}";

    /// <summary>The link to this view's figures as a download.</summary>
    public string Download(string handler) =>
        $"/Budgets?handler={handler}&fy={Uri.EscapeDataString(FinancialYear.ToString())}&AsAt.Day={Date.Day}&AsAt.Month={Date.Month}&AsAt.Year={Date.Year}" +
        (ExcludeTrend ? "&ExcludeTrend=true" : "");

    /// <summary>The lines whose status is worse than in the snapshot before this date (red lines, with no snapshot to compare).</summary>
    public IEnumerable<(LineForecast Line, RagStatus? Was)> Alerts()
    {
        var previous = Report.Previous?.Lines.ToDictionary(l => l.S251Line, l => l.Rag);
        foreach (var line in Forecast.Lines)
        {
            RagStatus? was = previous is not null && previous.TryGetValue(line.Line.Code, out var rag) ? rag : null;
            if (was is { } before ? line.Rag > before : line.Rag == RagStatus.Red) yield return (line, was);
        }
    }

    /// <summary>The chart's series in pounds: cumulative budget, actual (to the forecast date) and forecast, month by month.</summary>
    public object ChartData() => new
    {
        months = Forecast.Profile.Select(m => m.Month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))),
        budget = Forecast.Profile.Select(m => BudgetDisplay.Pounds(m.CumulativeBudget)),
        actual = Forecast.Profile.Select(m => m.CumulativeActual is { } a ? BudgetDisplay.Pounds(a) : (decimal?)null),
        forecast = Forecast.Profile.Select(m => BudgetDisplay.Pounds(m.CumulativeForecast)),
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        var current = FinancialYear.For(today);
        YearChoices = [current.Previous(), current, current.Next()];
        FinancialYear = current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (FinancialYear.TryParse(Year.Trim(), out var chosen)) FinancialYear = chosen;
            else Errors.Add(new("#fy", $"Enter the financial year like {current}"));
        }
        Date = FinancialYear.Contains(today) ? today : FinancialYear < current ? FinancialYear.End : FinancialYear.Start;
        if (!AsAt.IsEmpty)
        {
            if (AsAt.Parse("'as at' date", out var error) is not { } parsed) Errors.Add(new("#AsAt-day", error!));
            else if (!FinancialYear.Contains(parsed))
                Errors.Add(new("#AsAt-day", $"The 'as at' date must be inside the financial year {FinancialYear} ({Display.Date(FinancialYear.Start)} to {Display.Date(FinancialYear.End)})"));
            else Date = parsed;
        }
        Report = await loader.LoadAsync(FinancialYear, Date, new ForecastOptions(IncludeTrend: !ExcludeTrend), cancellationToken);
        return Errors.Count == 0;
    }
}
