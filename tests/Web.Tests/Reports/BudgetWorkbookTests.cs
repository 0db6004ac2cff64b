using System.Globalization;
using MiniExcelLibs;
using Placements.Finance;
using Placements.Finance.Budgets.Forecasting;
using Placements.Web.Reports;
using static Placements.Web.Tests.Infrastructure.Workbook;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Placements.Web.Tests.Reports;

/// <summary>
/// The monthly High Needs workbook read back with MiniExcel, on the hand-worked <see cref="BudgetReportSample"/>: the
/// summary agrees with the forecast, and every placement line's actual, commitment and pipeline trace to the penny to the
/// rows of the Placements sheet. Set <c>BUDGET_SAMPLE_XLSX</c> to a path to keep the sample.
/// </summary>
public sealed class BudgetWorkbookTests
{
    [Fact]
    public void Render_HasTheSheetsFinanceExpects()
    {
        var bytes = BudgetWorkbook.Render(BudgetReportSample.Build());
        if (Environment.GetEnvironmentVariable("BUDGET_SAMPLE_XLSX") is { Length: > 0 } path) File.WriteAllBytes(path, bytes);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Summary", "ProvisionTypes", "Placements", "Trend", "Movement", "Monthly", "DSG", "Notes", "Contributions", "ContributionTotals"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public void Amounts_ShowAsPoundsAndPence_DatesAsDates_InColumnsWideEnoughToRead()
    {
        var bytes = BudgetWorkbook.Render(BudgetReportSample.Build());
        // £1,412,000.00 is 12 characters: a narrower column would show ####.
        var budget = Look(bytes, "Summary", "Budget");
        Assert.Equal(WorkbookLayout.PoundsFormat, budget.Format);
        Assert.True(budget.Width >= "1,412,000.00".Length, $"Budget column {budget.Width} wide");
        Assert.Equal(WorkbookLayout.PoundsFormat, Look(bytes, "Placements", "Actual").Format);
        Assert.Equal(WorkbookLayout.DateFormat, Look(bytes, "Placements", "Start").Format);
        Assert.Null(Look(bytes, "Summary", "Name").Format);
        // Still numbers Excel can sum: read back as numbers, not text.
        Assert.IsType<double>(Sheet(bytes, "Summary")[0]["Budget"]);
    }

    [Fact]
    public void Summary_TotalRowEqualsTheForecast_1387500AgainstBudget1412000()
    {
        var report = BudgetReportSample.Build();
        var rows = Sheet(BudgetWorkbook.Render(report), "Summary");
        Assert.Equal(14, rows.Count); // 13 lines and the total
        var total = rows.Single(r => (string?)r["S251 line"] == "Total");
        var t = report.Forecast.Totals;
        Assert.Equal(1_387_500.00m, Pounds(total["Forecast"]));
        Assert.Equal(1_412_000.00m, Pounds(total["Budget"]));
        Assert.Equal(-24_500.00m, Pounds(total["Variance"]));
        Assert.Equal((Pounds(t.Actual), Pounds(t.Commitment), Pounds(t.Pipeline), Pounds(t.Trend)),
            (Pounds(total["Actual"]), Pounds(total["Commitment"]), Pounds(total["Pipeline"]), Pounds(total["Trend"])));
        // The lines add up to the total row, column by column, as Excel's SUM would.
        foreach (var column in new[] { "Budget", "Actual", "Commitment", "Pipeline", "Trend", "Uplift", "Forecast", "Variance" })
            Assert.Equal(Pounds(total[column]), rows.Where(r => (string?)r["S251 line"] != "Total").Sum(r => Pounds(r[column])));
    }

    [Fact]
    public void Summary_EachLineShowsItsBasisFiguresAndRag()
    {
        var rows = Sheet(BudgetWorkbook.Render(BudgetReportSample.Build()), "Summary").ToDictionary(r => (string)r["S251 line"]!);
        var topUps = rows["1.2.1"];
        Assert.Equal(("Placements", 16_000m, 11_000m, 5_250m, 0m, 750m, "Yes", 17_000m, 1_000m, "Red"),
            ((string?)topUps["Basis"], Pounds(topUps["Budget"]), Pounds(topUps["Actual"]), Pounds(topUps["Commitment"]), Pounds(topUps["Pipeline"]),
             Pounds(topUps["Trend"]), (string?)topUps["Trend included"], Pounds(topUps["Forecast"]), Pounds(topUps["Variance"]), (string?)topUps["RAG"]));
        Assert.Equal(("Place funding", 1_180_000m, "Amber"), ((string?)rows["1.0.2"]["Basis"], Pounds(rows["1.0.2"]["Forecast"]), (string?)rows["1.0.2"]["RAG"]));
        Assert.Equal(("Held at budget", 150_000m), ((string?)rows["1.2.5"]["Basis"], Pounds(rows["1.2.5"]["Forecast"])));
    }

    [Fact]
    public void Placements_SumPerLine_EqualsTheSummarysActualCommitmentAndPipeline_ToThePenny()
    {
        var extra = Enumerable.Range(100, 3).Select(BudgetReportSample.Unpriced).ToList();
        var workbook = BudgetWorkbook.Render(BudgetReportSample.Build(extra: extra));
        var summary = Sheet(workbook, "Summary").ToDictionary(r => (string)r["S251 line"]!);
        var placements = Sheet(workbook, "Placements");
        Assert.Equal(7, placements.Count);

        foreach (var line in HighNeedsForecast.PlacementLines)
        {
            var rows = placements.Where(p => (string?)p["S251 line"] == line).ToList();
            foreach (var column in new[] { "Actual", "Commitment", "Pipeline" })
                Assert.Equal(Pounds(summary[line][column]), rows.Sum(r => Pounds(r[column])));
            Assert.All(rows, r => Assert.Equal(Pounds(r["Total"]), Pounds(r["Actual"]) + Pounds(r["Commitment"]) + Pounds(r["Pipeline"])));
        }
        // 1.2.1: 10,500 + 500 + 3 × 100 paid; 1.2.2: the new placement's 4,500 in the pipeline.
        Assert.Equal(11_300m, Pounds(summary["1.2.1"]["Actual"]));
        Assert.Equal(4_500m, Pounds(summary["1.2.2"]["Pipeline"]));
    }

    [Fact]
    public void Placements_EachRowNamesTheChildByReferenceAndInitials_WithDatesAndTheProblem()
    {
        var rows = Sheet(BudgetWorkbook.Render(BudgetReportSample.Build()), "Placements").ToDictionary(r => (string)r["Placement"]!);
        var first = rows["PL-0001"];
        Assert.Equal(("P0012", "C-10001", "JS", "Maintained special school", "Active"),
            ((string?)first["Provider"], (string?)first["Child reference"], (string?)first["Child initials"], (string?)first["Provision type"], (string?)first["Stage"]));
        Assert.Equal(new DateTime(2024, 9, 1), first["Start"]);
        Assert.Null(first["End"]);
        Assert.Equal(new DateTime(2033, 8, 31), first["Projected end"]); // NCY 8 in 2026/27 reaches the last NCY, 14, in 2032/33
        Assert.Equal((15_750m, 15_750m, 10_500m, 5_250m), (Pounds(first["Annual rate"]), Pounds(first["Full year"]), Pounds(first["Actual"]), Pounds(first["Commitment"])));
        Assert.Contains("band E9 has no amount for 2026/27", (string?)rows["PL-0004"]["Problem"], StringComparison.Ordinal);
        Assert.Equal("Agreed, not started", rows["PL-0003"]["Stage"]);
        var everything = string.Join("|", rows.Values.SelectMany(r => r.Values).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        foreach (var name in BudgetReportSample.ChildNames.Values) Assert.DoesNotContain(name.Split(' ')[1], everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Movement_RowsAddUpToTheMovement_3916_67()
    {
        var report = BudgetReportSample.Build();
        var rows = Sheet(BudgetWorkbook.Render(report), "Movement");
        Assert.Equal(3_916.67m, rows.Sum(r => Pounds(r["Amount"])));
        var added = Assert.Single(rows, r => (string?)r["Cause"] == "New placements");
        Assert.Equal(("1.2.2", "PL-0003", "AK", 4_500m), ((string?)added["S251 line"], (string?)added["Placement"], (string?)added["Child initials"], Pounds(added["Amount"])));
        Assert.Equal(-583.33m, Pounds(Assert.Single(rows, r => (string?)r["Cause"] == "Trend of new placements")["Amount"]));
    }

    [Fact]
    public void Monthly_TrendDsgAndNotes_CarryTheProfileTheStartsTheDsgYearsAndTheCommentary()
    {
        var report = BudgetReportSample.Build();
        var workbook = BudgetWorkbook.Render(report);

        var monthly = Sheet(workbook, "Monthly");
        Assert.Equal(12, monthly.Count);
        Assert.Equal(new DateTime(2026, 4, 1), monthly[0]["Month"]);
        // April: the top-up's £1,312.50 and the summer term's invoice, £12,000, approved that month: £13,312.50.
        Assert.Equal(13_312.50m, Pounds(monthly[0]["Cumulative actual"]));
        Assert.Null(monthly[11]["Cumulative actual"]);
        Assert.Equal((62_000m, 57_500m), (Pounds(monthly[11]["Cumulative budget"]), Pounds(monthly[11]["Cumulative forecast"])));

        var trend = Assert.Single(Sheet(workbook, "Trend"));
        Assert.Equal(("1.2.1", 2.0, 24_000m, 750m), ((string?)trend["S251 line"], Convert.ToDouble(trend["Starts in the last 12 months"], CultureInfo.InvariantCulture),
            Pounds(trend["Annual cost of the starts"]), Pounds(trend["Trend"])));

        var dsg = Sheet(workbook, "DSG");
        Assert.Equal(["2025/26", "2026/27"], dsg.Select(d => (string?)d["Financial year"]));
        Assert.Equal((1_387_500m, "Yes", 407_500m), (Pounds(dsg[1]["Outturn"]), (string?)dsg[1]["Outturn is the forecast"], Pounds(dsg[1]["Deficit carried forward"])));

        var note = Assert.Single(Sheet(workbook, "Notes"));
        Assert.Equal(("1.2.1", BudgetReportSample.NoteText, "Sam Okafor"), ((string?)note["S251 line"], (string?)note["Note"], (string?)note["Written by"]));
    }

    [Fact]
    public void Render_WithoutAPreviousSnapshot_SaysThereIsNoMovementYet()
    {
        var report = BudgetReportSample.Build() with { Previous = null, Movement = null, Notes = [] };
        var workbook = BudgetWorkbook.Render(report);
        Assert.StartsWith("No snapshot", (string?)Assert.Single(Sheet(workbook, "Movement"))["Cause"], StringComparison.Ordinal);
        Assert.Equal("No commentary this month", Assert.Single(Sheet(workbook, "Notes"))["S251 line"]);
    }

    [Fact]
    public void Render_AYearWithNothingRecorded_HasEverySheet_EachSayingWhyItIsEmpty()
    {
        var workbook = BudgetWorkbook.Render(BudgetReportSample.Empty());
        var total = Sheet(workbook, "Summary").Single(r => (string?)r["S251 line"] == "Total");
        Assert.Equal((0m, 0m), (Pounds(total["Forecast"]), Pounds(total["Budget"])));
        Assert.Equal("No placements in the year", Assert.Single(Sheet(workbook, "Placements"))["Placement"]);
        Assert.Equal("No DSG years recorded", Assert.Single(Sheet(workbook, "DSG"))["Financial year"]);
        Assert.Equal(12, Sheet(workbook, "Monthly").Count);
    }

    [Fact]
    public void FileName_IsTheForecastMonth()
    {
        Assert.Equal("high-needs-monitoring-2026-12.xlsx", BudgetWorkbook.FileName(BudgetReportSample.Build()));
    }
}
