using System.Globalization;
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
}
