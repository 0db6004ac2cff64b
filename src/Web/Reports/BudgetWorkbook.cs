using MiniExcelLibs;
using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Placements.Web.Reports;

/// <summary>
/// The monthly High Needs report as an Excel workbook, so finance can trace any total to the placements behind it: for
/// each placement line (1.2.1–1.2.3) the <c>Summary</c> sheet's actual, commitment and pipeline are the sums of the
/// <c>Placements</c> sheet's rows on that line. Amounts are numbers in pounds (two decimal places) so Excel can sum them,
/// shown as 1,234.56; dates are dates (<see cref="WorkbookLayout"/>). Children appear by reference and initials only.
/// </summary>
public static class BudgetWorkbook
{
    public const string Summary = "Summary";
    public const string ProvisionTypes = "ProvisionTypes";
    public const string Placements = "Placements";
    public const string Trend = "Trend";
    public const string Movement = "Movement";
    public const string Monthly = "Monthly";
    public const string Dsg = "DSG";
    public const string Notes = "Notes";
    public const string Contributions = "Contributions";
    public const string ContributionTotals = "ContributionTotals";

    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static byte[] Render(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>
        {
            [Summary] = SummaryRows(report.Forecast),
            [ProvisionTypes] = ProvisionTypeRows(report.Forecast),
            [Placements] = PlacementRows(report.Forecast),
            [Trend] = TrendRows(report.Forecast),
            [Movement] = MovementRows(report.Movement),
            [Monthly] = MonthlyRows(report.Forecast),
            [Dsg] = DsgRows(report.Dsg),
            [Notes] = NoteRows(report.Notes),
            [Contributions] = ContributionRows(report.Contributions),
            [ContributionTotals] = ContributionTotalRows(report.Forecast, report.Contributions),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX, configuration: WorkbookLayout.For(sheets));
        return stream.ToArray();
    }

    /// <summary><c>high-needs-monitoring-2026-12.xlsx</c>, by the forecast date's month.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string FileName(BudgetReport report) => BudgetReportText.FileName(report, "xlsx");

    /// <summary>Pounds with two decimal places (exact: pence × 0.01 keeps the scale), a number Excel can sum.</summary>
    public static decimal Pounds(Money money) => money.Pence * 0.01m;

    private static decimal? Pounds(Money? money) => money is { } m ? Pounds(m) : null;

    private static DateTime? Day(LocalDate? date) => date?.ToDateTimeUnspecified();

    private static List<Dictionary<string, object?>> SummaryRows(HighNeedsForecastResult forecast)
    {
        var rows = forecast.Lines.Select(l => Row(
            ("S251 line", l.Line.Code), ("Name", l.Line.Name), ("Basis", BudgetReportText.Basis(l.Basis)), ("Budget", Pounds(l.Budget)),
            ("Actual", Pounds(l.Figures.Actual)), ("Commitment", Pounds(l.Figures.Commitment)), ("Pipeline", Pounds(l.Figures.Pipeline)),
            ("Trend", Pounds(l.Figures.Trend)), ("Trend included", l.Figures.TrendIncluded ? "Yes" : "No"), ("Uplift", Pounds(l.Figures.Uplift)),
            ("Forecast", Pounds(l.Forecast)), ("Variance", Pounds(l.Variance)), ("RAG", BudgetReportText.Rag(l.Rag)))).ToList();
        var t = forecast.Totals;
        rows.Add(Row(
            ("S251 line", "Total"), ("Name", "High Needs Block"), ("Basis", ""), ("Budget", Pounds(forecast.Budget)),
            ("Actual", Pounds(t.Actual)), ("Commitment", Pounds(t.Commitment)), ("Pipeline", Pounds(t.Pipeline)),
            ("Trend", Pounds(t.Trend)), ("Trend included", t.TrendIncluded ? "Yes" : "No"), ("Uplift", Pounds(t.Uplift)),
            ("Forecast", Pounds(forecast.Forecast)), ("Variance", Pounds(forecast.Variance)), ("RAG", "")));
        return rows;
    }

    private static List<Dictionary<string, object?>> ProvisionTypeRows(HighNeedsForecastResult forecast) =>
        Or(forecast.ProvisionTypes.Select(t => Row(
            ("Provision type", t.ProvisionType.Describe()), ("Placements", t.Placements), ("Actual", Pounds(t.Figures.Actual)),
            ("Commitment", Pounds(t.Figures.Commitment)), ("Pipeline", Pounds(t.Figures.Pipeline)), ("Trend", Pounds(t.Figures.Trend)),
            ("Uplift", Pounds(t.Figures.Uplift)), ("Forecast", Pounds(t.Figures.Forecast)))),
            ("Provision type", "No placements or trend in the year"));

    private static List<Dictionary<string, object?>> PlacementRows(HighNeedsForecastResult forecast) =>
        Or(forecast.Placements
            .OrderBy(p => BudgetMonitoringQueries.S251Order(p.Placement.S251Line)).ThenBy(p => p.Placement.Reference, StringComparer.Ordinal)
            .Select(p => Row(
                ("Placement", p.Placement.Reference), ("Provider", p.Placement.ProviderReference), ("Child reference", p.Placement.ChildReference),
                ("Child initials", p.Placement.ChildInitials), ("Provision type", p.Placement.ProvisionType.Describe()), ("S251 line", p.Placement.S251Line),
                ("Stage", BudgetReportText.Stage(p.Placement.Stage)), ("Start", Day(p.Placement.Start)), ("End", Day(p.Placement.End)),
                ("Projected end", Day(p.ProjectedEnd)), ("Annual rate", Pounds(p.AnnualRate)), ("Full year", Pounds(p.FullYear)),
                ("Actual", Pounds(p.Actual)), ("Commitment", Pounds(p.Commitment)), ("Pipeline", Pounds(p.Pipeline)), ("Total", Pounds(p.Total)),
                ("Problem", p.Problem))),
            ("Placement", "No placements in the year"));

    private static List<Dictionary<string, object?>> TrendRows(HighNeedsForecastResult forecast) =>
        Or(forecast.Trend.Select(t => Row(
            ("S251 line", t.S251Line), ("Provision type", t.ProvisionType.Describe()), ("Starts in the last 12 months", t.Starts),
            ("Annual cost of the starts", Pounds(t.AnnualCostOfStarts)), ("Months of new starts", t.MonthsOfStarts), ("Trend", Pounds(t.Amount)),
            ("Included", forecast.Options.IncludeTrend ? "Yes" : "No"))),
            ("S251 line", "No placements started in the 12 months to the forecast date"));

    private static List<Dictionary<string, object?>> MovementRows(ForecastMovementResult? movement) =>
        movement is null
            ? [Row(("Cause", "No snapshot of an earlier month of this year: no movement yet"))]
            : Or(movement.Causes.SelectMany(c => c.Items).Select(i => Row(
                ("Cause", BudgetReportText.Cause(i.Cause)), ("S251 line", i.S251Line), ("Placement", i.PlacementReference), ("Provider", i.ProviderReference),
                ("Child initials", i.ChildInitials), ("Amount", Pounds(i.Amount)), ("Description", i.Description))),
                ("Cause", $"No movement since {BudgetReportText.Date(movement.From)}"));

    private static List<Dictionary<string, object?>> MonthlyRows(HighNeedsForecastResult forecast) =>
        Or(forecast.Profile.Select(m => Row(
            ("Month", Day(m.Month.OnDayOfMonth(1))), ("Cumulative budget", Pounds(m.CumulativeBudget)),
            ("Cumulative actual", Pounds(m.CumulativeActual)), ("Cumulative forecast", Pounds(m.CumulativeForecast)))),
            ("Month", "No months"));

    private static List<Dictionary<string, object?>> DsgRows(IReadOnlyList<DsgPositionYear> years) =>
        Or(years.Select(d => Row(
            ("Financial year", d.Year.ToString()), ("High Needs allocation", Pounds(d.Allocation)), ("Outturn", Pounds(d.Outturn)),
            ("Outturn is the forecast", d.IsForecast ? "Yes" : "No"), ("In-year variance", Pounds(d.InYearVariance)),
            ("Deficit brought forward", Pounds(d.DeficitBroughtForward)), ("Deficit carried forward", Pounds(d.DeficitCarriedForward)),
            ("% of allocation", d.PercentOfAllocation), ("EHC plans", d.EhcPlans), ("Per EHC plan", Pounds(d.PerEhcPlan)),
            ("Population aged 2–18", d.Population2To18), ("Per head aged 2–18", Pounds(d.PerHeadAged2To18)))),
            ("Financial year", "No DSG years recorded"));

    private static List<Dictionary<string, object?>> NoteRows(IReadOnlyList<Finance.Budgets.Snapshots.BudgetSnapshotNote> notes) =>
        Or(notes.Select(n => Row(
            ("S251 line", n.S251Line), ("Note", n.Text), ("Written by", n.WrittenBy),
            ("Written on", Day(n.WrittenAt.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date)))),
            ("S251 line", "No commentary this month"));

    /// <summary>Each jointly funded placement's forecast cost for the year and the partners' expected shares of it.</summary>
    private static List<Dictionary<string, object?>> ContributionRows(ContributionsForecast? contributions) =>
        Or((contributions?.Placements ?? []).Select(c => Row(
            ("Placement", c.Forecast.Placement.Reference), ("Child initials", c.Forecast.Placement.ChildInitials), ("S251 line", c.Forecast.Placement.S251Line),
            ("Split", c.Split), ("Forecast cost", Pounds(c.Forecast.Total)), ("Education", Pounds(c.Education)), ("Health (ICB)", Pounds(c.Health)),
            ("Social care", Pounds(c.SocialCare)))),
            ("Placement", "No jointly funded placements in the year"));

    /// <summary>
    /// Each partner's expected contribution (the sum of its column on the Contributions sheet), recharged so far and still
    /// to recharge, then the forecast outturn net of the contributions: the page's contributions table.
    /// </summary>
    private static List<Dictionary<string, object?>> ContributionTotalRows(HighNeedsForecastResult forecast, ContributionsForecast? contributions)
    {
        if (contributions is not { Placements.Count: > 0 }) return [Row(("Partner", "No jointly funded placements in the year"))];
        var rows = contributions.Partners.Select(p => Row(
            ("Partner", Finance.PooledFunding.CostSplit.PartnerName(p.Partner)), ("Expected this year", Pounds(p.Expected)),
            ("Recharged so far", Pounds(p.Recharged)), ("Still to recharge", Pounds(p.StillToRecharge)))).ToList();
        rows.Add(Row(("Partner", "Total"), ("Expected this year", Pounds(contributions.Expected)), ("Recharged so far", Pounds(contributions.Recharged)),
            ("Still to recharge", Pounds(contributions.StillToRecharge))));
        rows.Add(Row(("Partner", "Forecast outturn net of partner contributions"), ("Expected this year", Pounds(contributions.NetOf(forecast))),
            ("Recharged so far", null), ("Still to recharge", null)));
        return rows;
    }

    /// <summary>The rows, or one row saying why there are none (an empty sheet would look like a fault).</summary>
    private static List<Dictionary<string, object?>> Or(IEnumerable<Dictionary<string, object?>> rows, (string Column, object? Value) none)
    {
        var list = rows.ToList();
        return list.Count > 0 ? list : [Row(none)];
    }

    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value);
}
