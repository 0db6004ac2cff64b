using System.Globalization;
using NodaTime;
using Placements.Finance.Budgets.Forecasting;

namespace Placements.Web.Reports;

/// <summary>
/// How the monthly High Needs report names things, so the PDF and the workbook say the same: causes, stages, bases, RAG,
/// dates, and the report's file name.
/// </summary>
public static class BudgetReportText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary><c>high-needs-monitoring-2026-12.pdf</c>: the forecast date's month, so one report a month sorts in order.</summary>
    public static string FileName(BudgetReport report, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        var month = report.Forecast.AsAt.ToYearMonth();
        return string.Create(CultureInfo.InvariantCulture, $"high-needs-monitoring-{month.Year:D4}-{month.Month:D2}.{extension}");
    }

    public static string Date(LocalDate date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(Instant instant) => Date(instant.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date);

    public static string Month(YearMonth month) => month.ToString("MMM yyyy", EnGb);

    public static string Rag(RagStatus rag) => rag switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        _ => "Green",
    };

    public static string Basis(LineBasis basis) => basis switch
    {
        LineBasis.Placements => "Placements",
        LineBasis.PlaceFunding => "Place funding",
        _ => "Held at budget",
    };

    public static string Stage(PlacementStage stage) => stage switch
    {
        PlacementStage.Active => "Active",
        PlacementStage.Ended => "Ended",
        PlacementStage.NotStarted => "Agreed, not started",
        _ => "Proposed",
    };

    public static string Cause(MovementCause cause) => cause switch
    {
        MovementCause.NewPlacements => "New placements",
        MovementCause.EndedPlacements => "Ended placements",
        MovementCause.RateChanges => "Rate changes",
        MovementCause.InvoicesAboveExpected => "Invoices above expected",
        MovementCause.NewPlacementTrend => "Trend of new placements",
        MovementCause.PlaceFundingAndOtherLines => "Place funding and other lines",
        _ => "Other",
    };

    /// <summary>"+£1,575.00" or "-£3,937.50": a movement reads with its sign.</summary>
    public static string Signed(Finance.Money amount) => amount.IsNegative || amount.IsZero ? amount.ToString() : "+" + amount;

    /// <summary>Forecast as a percentage of budget to one place ("100.9%"), or "–" with no budget.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
}
