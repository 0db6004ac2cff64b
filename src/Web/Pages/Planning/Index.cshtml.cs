using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Planning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Reports;
using Placements.Web.Security;

namespace Placements.Web.Pages.Planning;

/// <summary>
/// The commissioner's planning dashboard: the sufficiency table for an academic year on a date, and the
/// demand projection 3–5 years ahead with its rates and assumptions on show, exportable to Excel and CSV.
/// </summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class IndexModel(CommissioningDb commissioning, IClock clock, CouncilSettings council) : PageModel
{
    // Bound as "ay", not "Year": a query key "Year" would also fill On.Year (model binding falls back to no prefix).
    [BindProperty(SupportsGet = true, Name = "ay")] public string? Year { get; set; }
    /// <summary>The date the sufficiency table counts on (query string <c>On.Day</c>, <c>On.Month</c>, <c>On.Year</c>).</summary>
    [BindProperty(SupportsGet = true)] public DateInput On { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int YearsAhead { get; set; } = 3;
    [BindProperty(SupportsGet = true)] public int HistoryYears { get; set; } = 3;

    public List<(string Field, string Message)> Errors { get; } = [];
    public SufficiencyTable Table { get; private set; } = null!;
    public DemandProjection Projection { get; private set; } = null!;
    public AcademicYear AcademicYear { get; private set; }
    public LocalDate ChosenDate { get; private set; }
    public IReadOnlyList<AcademicYear> YearChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await BuildAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        if (!await BuildAsync(cancellationToken)) return Page();
        return File(PlanningExport.Workbook(Table, Projection),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"place-planning-{FileYear}.xlsx");
    }

    public async Task<IActionResult> OnGetCsvAsync(string table, CancellationToken cancellationToken)
    {
        if (!await BuildAsync(cancellationToken)) return Page();
        var rows = table == PlanningExport.Projection ? PlanningExport.ProjectionRows(Projection) : PlanningExport.SufficiencyRows(Table);
        var name = table == PlanningExport.Projection ? PlanningExport.Projection : PlanningExport.Sufficiency;
        return File(PlanningExport.Csv(rows), "text/csv", $"{name}-{FileYear}.csv");
    }

    private string FileYear => AcademicYear.ToString().Replace('/', '-');

    /// <summary>Reads the choices (re-displaying errors against defaults) and computes both tables.</summary>
    private async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        var current = AcademicYear.For(today);
        YearChoices = Enumerable.Range(-3, 5).Select(k => new AcademicYear(current.StartYear + k)).ToList();
        AcademicYear = current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (AcademicYear.TryParse(Year, out var chosen)) AcademicYear = chosen;
            else Errors.Add(("ay", $"Enter the academic year like {current}"));
        }
        var date = AcademicYear == current ? today : CensusDate.For(AcademicYear);
        if (!On.IsEmpty)
        {
            if (On.Parse("date", out var error) is not { } parsed) Errors.Add(("On", error!));
            else if (!AcademicYear.Contains(parsed)) Errors.Add(("On", $"The date must be inside the academic year {AcademicYear} ({AcademicYear.Start:d MMMM yyyy} to {AcademicYear.End:d MMMM yyyy})"));
            else date = parsed;
        }
        if (YearsAhead is < 1 or > DemandProjection.MaxYearsAhead) { Errors.Add(("YearsAhead", "Project between 1 and 5 years ahead")); YearsAhead = 3; }
        if (HistoryYears is < 1 or > 5) { Errors.Add(("HistoryYears", "Measure rates from between 1 and 5 years of history")); HistoryYears = 3; }
        ChosenDate = date;

        var data = await new PlanningDataQuery(commissioning).LoadAsync(council.LaCode, cancellationToken);
        Table = SufficiencyTable.For(data, AcademicYear, date);
        Projection = DemandProjection.Project(data, AcademicYear, YearsAhead, HistoryYears);
        return Errors.Count == 0;
    }

    /// <summary>The link to this view's figures in another form (a CSV table or the workbook).</summary>
    public string Download(string handler, string? table = null) =>
        $"?handler={handler}{(table is null ? "" : $"&table={table}")}&ay={AcademicYear}&On.Day={ChosenDate.Day}&On.Month={ChosenDate.Month}&On.Year={ChosenDate.Year}&YearsAhead={YearsAhead}&HistoryYears={HistoryYears}";

    public static string NeedName(Need? need) => need?.ToString() ?? "Any need";
    public static string Figure(double value) => value.ToString("N1");
    public static string Signed(double value) => value > 0.05 ? $"+{value:N1}" : value.ToString("N1");

    /// <summary>The chart's data: per need, the years' specialist demand and places (rounded for display).</summary>
    public object ChartData() => new
    {
        years = Projection.Years.Select(y => y.Year.ToString()),
        needs = Projection.SeriesByNeed.Select(s => new
        {
            need = s.Need.ToString(),
            demand = s.SpecialistDemand.Select(d => Math.Round(d, 1)),
            places = s.Places,
        }),
    };
}
