namespace Placements.Web.Reports;

/// <summary>Placeholder until the reports branch lands the Excel workbook (replaced by it).</summary>
public static class BudgetWorkbook
{
    public static byte[] Render(BudgetReport report) => Array.Empty<byte>();
}
