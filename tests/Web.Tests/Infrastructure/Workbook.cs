using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MiniExcelLibs;
using Placements.Finance;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>Reading a downloaded workbook back as finance would: a sheet's rows by header, and cells as pounds to the penny.</summary>
public static class Workbook
{
    public static List<IDictionary<string, object?>> Sheet(byte[] workbook, string name)
    {
        using var stream = new MemoryStream(workbook);
        return MiniExcel.Query(stream, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>A cell as pounds to the penny (MiniExcel reads numbers back as double).</summary>
    public static decimal Pounds(object? cell) => cell switch
    {
        null => 0m,
        double d => decimal.Round((decimal)d, 2),
        decimal m => m,
        var other => decimal.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    public static decimal Pounds(Money money) => money.Pence / 100m;

    /// <summary>
    /// How Excel shows the first value under <paramref name="header"/> on <paramref name="sheet"/>: its cell's number format
    /// (null for General) and its column's width, read from the workbook's XML as Excel reads it.
    /// </summary>
    public static (string? Format, double Width) Look(byte[] workbook, string sheet, string header)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        XDocument Part(string path) { using var stream = zip.GetEntry(path)!.Open(); return XDocument.Load(stream); }
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var id = Part("xl/workbook.xml").Descendants(main + "sheet").Single(s => (string?)s.Attribute("name") == sheet).Attribute(relationships + "id")!.Value;
        var target = Part("xl/_rels/workbook.xml.rels").Root!.Elements().Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!.Value;
        var worksheet = Part("xl/" + target.TrimStart('/').Replace("xl/", "", StringComparison.Ordinal));
        var cells = worksheet.Descendants(main + "c").ToList();
        var column = Regex.Match(cells.Single(c => Regex.IsMatch((string)c.Attribute("r")!, "^[A-Z]+1$") && c.Value == header).Attribute("r")!.Value, "^[A-Z]+").Value;
        var cell = cells.First(c => (string)c.Attribute("r")! == column + "2");
        var styles = Part("xl/styles.xml");
        var style = styles.Descendants(main + "cellXfs").Single().Elements(main + "xf").ElementAt((int?)cell.Attribute("s") ?? 0);
        var formatId = (int)style.Attribute("numFmtId")!;
        var format = formatId == 0 ? null : styles.Descendants(main + "numFmt").Single(f => (int)f.Attribute("numFmtId")! == formatId).Attribute("formatCode")!.Value;
        var index = column.Aggregate(0, (n, letter) => n * 26 + letter - 'A' + 1);
        var width = worksheet.Descendants(main + "col").Where(c => (int)c.Attribute("min")! <= index && index <= (int)c.Attribute("max")!).Select(c => (double?)c.Attribute("width")).FirstOrDefault();
        return (format, width ?? 9.14);
    }
}
