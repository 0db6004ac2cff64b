using System.Globalization;
using System.Text;
using NodaTime;

namespace Placements.Web.Reports;

/// <summary>
/// The invoice reports' CSV downloads (aged invoices, payment performance): RFC 4180, amounts as plain pounds (1234.50),
/// dates ISO. Beside <see cref="PlanningExport"/>'s MiniExcel CSV, which writes planning's dictionaries as they are.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            Finance.Money m => m.ToPlainString(),
            LocalDate d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal d => d.ToString("0.0", CultureInfo.InvariantCulture),
            bool b => b ? "yes" : "no",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
