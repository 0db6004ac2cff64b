namespace Placements.Web.Reports;

/// <summary>Placeholder until the reports branch lands the monthly PDF report (replaced by it).</summary>
public static class BudgetReportPdf
{
    public static byte[] Render(BudgetReport report) => Array.Empty<byte>();
}
