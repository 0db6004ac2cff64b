using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Placements.Web.Reports;

/// <summary>
/// How a finance workbook's columns look when opened: amounts (the rows' <see cref="decimal"/> cells, pounds) as
/// 1,234,567.89 and still numbers Excel can sum, dates as 1 Apr 2026, and every column wide enough for what it holds
/// (Excel shows a formatted number too wide for its column as ####).
/// </summary>
public static class WorkbookLayout
{
    public const string PoundsFormat = "#,##0.00;-#,##0.00";
    public const string DateFormat = "d mmm yyyy";

    private const double MinimumWidth = 10, MaximumWidth = 60;

    /// <summary>
    /// The layout of <paramref name="sheets"/> (sheet name to rows of column to value). MiniExcel keys a column's layout
    /// by its header across the whole workbook, so a header means one kind of value in every sheet.
    /// </summary>
    public static OpenXmlConfiguration For(IReadOnlyDictionary<string, object> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var columns = new Dictionary<string, (string? Format, double Width)>(StringComparer.Ordinal);
        foreach (var rows in sheets.Values.OfType<IEnumerable<IDictionary<string, object?>>>())
            foreach (var row in rows)
                foreach (var (header, value) in row)
                {
                    var (format, text) = value switch
                    {
                        decimal pounds => (PoundsFormat, pounds.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)),
                        DateTime => (DateFormat, "30 Sep 2026"),
                        null => (null, ""),
                        _ => ((string?)null, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                    };
                    var known = columns.GetValueOrDefault(header, (null, header.Length));
                    columns[header] = (known.Format ?? format, Math.Max(known.Width, text.Length));
                }
        return new OpenXmlConfiguration
        {
            DynamicColumns = columns.Select(c => new DynamicExcelColumn(c.Key)
            {
                Format = c.Value.Format,
                // A character of Excel's default font is about one unit of width; two more for the filter button.
                Width = Math.Clamp(c.Value.Width + 2, MinimumWidth, MaximumWidth),
            }).ToArray(),
        };
    }
}
