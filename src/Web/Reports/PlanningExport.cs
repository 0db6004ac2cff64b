using MiniExcel = MiniExcelLibs.MiniExcel;
using MiniExcelLibs;
using Placements.Commissioning.Children;
using Placements.Commissioning.Planning;

namespace Placements.Web.Reports;

/// <summary>
/// The planning tables as rows of named columns, written by MiniExcel as one workbook (a sheet per table)
/// or as a CSV file per table — the same rows for both, so the spreadsheet and the CSV never disagree.
/// </summary>
public static class PlanningExport
{
    public const string Sufficiency = "sufficiency";
    public const string Projection = "projection";

    public static IEnumerable<IDictionary<string, object?>> SufficiencyRows(SufficiencyTable table) =>
        table.Rows.Select(r => Row(
            ("academic_year", table.Year.ToString()), ("date", table.Date.ToString("yyyy-MM-dd", null)),
            ("need", NeedName(r.Need)), ("phase", r.Phase.ToString()), ("district", r.District),
            ("places", r.Places), ("filled", r.Filled), ("vacant", r.Vacant), ("over_places", r.OverPlaces),
            ("placed_outside", r.PlacedOutside), ("outside_for_no_local_capacity", r.OutsideForNoLocalCapacity)));

    public static IEnumerable<IDictionary<string, object?>> ProjectionRows(DemandProjection projection) =>
        projection.Years.SelectMany(y => y.Rows.Select(r => Row(
            ("academic_year", y.Year.ToString()), ("projected", y.Projected ? "true" : "false"),
            ("need", NeedName(r.Need)), ("phase", r.Phase.ToString()),
            ("specialist_demand", Math.Round(r.SpecialistDemand, 1)), ("all_settings_demand", Math.Round(r.AllSettingsDemand, 1)),
            ("places", r.Places), ("gap", Math.Round(r.Gap, 1)),
            ("places_recorded_for", y.PlacesRecordedFor?.ToString()))));

    public static byte[] Workbook(SufficiencyTable table, DemandProjection projection)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Sufficiency"] = SufficiencyRows(table).ToList(),
            ["Projection"] = ProjectionRows(projection).ToList(),
            ["Method and assumptions"] = table.Method.Concat(projection.Assumptions).Select(text => Row(("text", text))).ToList(),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList(), excelType: ExcelType.CSV);
        return stream.ToArray();
    }

    private static string NeedName(Need? need) => need?.ToString() ?? "Any";

    private static IDictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value);
}
