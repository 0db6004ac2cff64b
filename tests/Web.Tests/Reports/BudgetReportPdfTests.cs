using Placements.Finance;
using Placements.Finance.Budgets.Forecasting;
using Placements.Web.Reports;
using Placements.Web.Reports.Pdf;
using UglyToad.PdfPig;

namespace Placements.Web.Tests.Reports;

/// <summary>
/// The monthly High Needs monitoring report read back with PdfPig, on the hand-worked <see cref="BudgetReportSample"/>:
/// the figures by line and in total, the movement by cause, the commentary, the DSG position and the unpriced placements,
/// children by initials only, and pages numbered. Set <c>BUDGET_SAMPLE_PDF</c> to a path to keep the sample.
/// </summary>
public sealed class BudgetReportPdfTests
{
    private static string AllText(PdfDocument pdf) => string.Join("\n", pdf.GetPages().Select(p => p.Text));

    private static byte[] Render(BudgetReport report, string suffix = "")
    {
        var bytes = BudgetReportPdf.Render(report);
        if (Environment.GetEnvironmentVariable("BUDGET_SAMPLE_PDF") is { Length: > 0 } path)
            File.WriteAllBytes(Path.ChangeExtension(path, null) + suffix + ".pdf", bytes);
        return bytes;
    }

    [Fact]
    public void Render_ShowsTheCouncilYearAsAtDate_AndTheForecastTotal1387500AgainstBudget1412000()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        var first = pdf.GetPage(1).Text;
        foreach (var expected in new[]
        {
            "High Needs monitoring report", "Northshire County Council", "Financial year 2026/27", "as at 15 December 2026",
            "£1,412,000.00", "£1,387,500.00", "-£24,500.00", "98.3%",
        })
        {
            Assert.Contains(expected, first, StringComparison.Ordinal);
        }
        Assert.Equal("Northshire County Council", pdf.Information.Author);
    }

    [Fact]
    public void Render_SummaryRowOfEachLine_ReadsCodeBudgetActualsCommitmentsExpectedForecastVarianceAndRag()
    {
        var report = BudgetReportSample.Build();
        using var pdf = PdfDocument.Open(Render(report));
        var text = AllText(pdf);

        // Hand-worked rows (see BudgetReportSample), in the table's column order.
        string[][] rows =
        [
            ["1.2.1", "£16,000.00", "£11,000.00", "£5,250.00", "£750.00", "£17,000.00", "+£1,000.00", "106.3%", "Red"],
            ["1.2.2", "£6,000.00", "£0.00", "£0.00", "£4,500.00", "£4,500.00", "-£1,500.00", "75.0%", "Green"],
            ["1.2.3", "£40,000.00", "£24,000.00", "£12,000.00", "£0.00", "£36,000.00", "-£4,000.00", "90.0%", "Green"],
            ["1.0.2", "£1,200,000.00", "£0.00", "£1,180,000.00", "£0.00", "£1,180,000.00", "-£20,000.00", "98.3%", "Amber"],
            ["1.2.5", "£150,000.00", "£0.00", "£150,000.00", "£0.00", "£150,000.00", "£0.00", "100.0%", "Green"], // held at budget: not measured against the thresholds
        ];
        foreach (var row in rows)
        {
            // The name may wrap in its cell; the figures follow it in column order, the code just before it.
            var figures = string.Concat(row[1..]);
            var at = text.IndexOf(figures, StringComparison.Ordinal);
            Assert.True(at > 0, $"{row[0]}: {figures} not found");
            Assert.Contains(row[0], text[Math.Max(0, at - 120)..at], StringComparison.Ordinal);
        }
        // Total: actual 35,000 (11,000 + 24,000); commitment 1,347,250; expected 5,250 (750 + 4,500).
        Assert.Contains("Total High Needs Block£1,412,000.00£35,000.00£1,347,250.00£5,250.00£1,387,500.00-£24,500.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MovementSinceLastMonth_ShowsEachCauseAndItsItems_NewPlacement4500AndTrendMinus583_33()
    {
        var report = BudgetReportSample.Build();
        using var pdf = PdfDocument.Open(Render(report));
        var text = AllText(pdf);

        Assert.Equal(Money.FromPounds(3_916.67m), report.Movement!.Total);
        // November: 1.2.1 £17,583.33 (9,687.50 + 6,562.50 + trend 1,333.33) + 1.2.3 £36,000 + 1.0.2 £1,180,000 + 1.2.5 £150,000.
        Assert.Contains("From 15 November 2026 (£1,383,583.33) to 15 December 2026 (£1,387,500.00): +£3,916.67", text, StringComparison.Ordinal);
        Assert.Contains("New placements1 item+£4,500.00", text, StringComparison.Ordinal);
        Assert.Contains("PL-00031.2.2P0012AKagreed since, not yet started+£4,500.00", text, StringComparison.Ordinal);
        Assert.Contains("Trend of new placements", text, StringComparison.Ordinal);
        Assert.Contains("-£583.33", text, StringComparison.Ordinal);
        Assert.Contains("Total movement+£3,916.67", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Commentary_ShowsTheNoteWithItsLineAuthorAndDate()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        var text = AllText(pdf);
        Assert.Contains(BudgetReportSample.NoteText, text, StringComparison.Ordinal);
        Assert.Contains("1.2.1 Top-up funding – maintained schools – Sam Okafor, 17 December 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DsgPosition_ShowsEachYear_TheOpenYearsOutturnBeingTheForecast()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        var text = AllText(pdf);
        // 2025/26: £1,420,000 − £1,300,000 = +£120,000; carried forward £370,000. 2026/27: £1,387,500 − £1,350,000 = +£37,500;
        // carried forward £407,500; 102.8% of the allocation; £1,387,500 / 184 plans = £7,540.76.
        Assert.Contains("2025/26£1,300,000.00£1,420,000.00+£120,000.00£250,000.00£370,000.00109.2%180", text, StringComparison.Ordinal);
        Assert.Contains("2026/27 (forecast)£1,350,000.00£1,387,500.00+£37,500.00£370,000.00£407,500.00102.8%184£7,540.76", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PlacementsThatCouldNotBePriced_AreCountedAndListedByReferenceAndInitials()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        var text = AllText(pdf);
        Assert.Contains("1 placement could not be priced", text, StringComparison.Ordinal);
        Assert.Contains("PL-0004P0012RB1.2.1£500.00", text, StringComparison.Ordinal);
        Assert.Contains("band E9 has no amount for 2026/27", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyUnpricedPlacements_ListsTheFirstTen_AndCountsThemAll()
    {
        var extra = Enumerable.Range(100, 25).Select(BudgetReportSample.Unpriced).ToList();
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build(extra: extra)));
        var text = AllText(pdf);
        Assert.Contains("26 placements could not be priced", text, StringComparison.Ordinal);
        Assert.Contains("The first 10 are listed", text, StringComparison.Ordinal);
        var listed = pdf.GetPages().SelectMany(p => p.GetWords()).Count(w => w.Text.StartsWith("PL-01", StringComparison.Ordinal) || w.Text == "PL-0004");
        Assert.Equal(10, listed);
    }

    [Fact]
    public void Render_ChildrenAppearByInitialsOnly_NeverByName()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var text = AllText(pdf);
        Assert.Contains(words, w => w.Contains("AK", StringComparison.Ordinal)); // the new placement's item
        Assert.Contains(words, w => w.Contains("RB", StringComparison.Ordinal)); // the unpriced placement
        foreach (var name in BudgetReportSample.ChildNames.Values)
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            foreach (var part in name.Split(' ')) Assert.DoesNotContain(part, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Render_DrawsTheChartWithMonthLabelsAndALegend()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        var text = AllText(pdf);
        foreach (var expected in new[] { "Apr 2026", "Dec 2026", "Mar 2027", "Budget (cumulative)", "Actuals (cumulative)", "Forecast (cumulative)", "£0" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        // The placement lines' 31 March figures: budget £62,000 (16,000 + 6,000 + 40,000), forecast £57,500 (17,000 + 4,500 + 36,000).
        Assert.Contains("31 March: budget £62,000.00, forecast £57,500.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsLandscapeA4_NumberedPageNOfM_OnEveryPage()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Build()));
        Assert.InRange(pdf.NumberOfPages, 2, 4);
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal((842, 595), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_LongCommentary_RunsOverMorePages_EachSayingWhatItContinues()
    {
        var report = BudgetReportSample.Build(notes: 40);
        using var pdf = PdfDocument.Open(Render(report, "-long"));
        using var shortOne = PdfDocument.Open(Render(BudgetReportSample.Build()));
        Assert.True(pdf.NumberOfPages >= shortOne.NumberOfPages + 2, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages().Skip(1))
        {
            Assert.Contains("High Needs monitoring report – Northshire County Council – 2026/27 as at 15 December 2026", page.Text, StringComparison.Ordinal);
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
        }
        var text = AllText(pdf);
        for (var i = 1; i <= 40; i++) Assert.Contains($"Note {i}: the line is on track", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AYearWithNothingRecorded_StillDrawsEverySection_AtZero()
    {
        using var pdf = PdfDocument.Open(Render(BudgetReportSample.Empty(), "-empty"));
        var text = AllText(pdf);
        foreach (var expected in new[]
        {
            "Forecast outturn by s251 line", "Total High Needs Block£0.00£0.00£0.00£0.00£0.00£0.00", "cumulative budget, actuals and forecast",
            "no movement can be shown yet", "No budget holder has commented", "No DSG years are recorded.", "Every placement could be priced.",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Scenario_AddsTheFeeRiseColumn_AndSaysWhatTheScenarioAssumes()
    {
        // The trend grows 5%: £750 → £787.50, so 1.2.1 is £17,037.50 before the fee rise; fees and top-ups up 10%:
        // 1.2.1 + £1,703.75 = £18,741.25; 1.2.3 £36,000 + £3,600 = £39,600.
        var report = BudgetReportSample.Build(options: new ForecastOptions(GrowthPercent: 5m, FeeRisePercent: 10m));
        using var pdf = PdfDocument.Open(Render(report, "-scenario"));
        var text = AllText(pdf);
        Assert.Contains("Fee rise", text, StringComparison.Ordinal);
        Assert.Contains("£787.50£1,703.75£18,741.25", text, StringComparison.Ordinal);
        Assert.Contains("£3,600.00£39,600.00", text, StringComparison.Ordinal);
        Assert.Contains("Scenario: new placements growing 5%, fees and top-ups rising 10% from 1 April.", text, StringComparison.Ordinal);
        using var baseReport = PdfDocument.Open(Render(BudgetReportSample.Build()));
        Assert.DoesNotContain("Fee rise", AllText(baseReport), StringComparison.Ordinal);
    }

    [Fact]
    public void FileName_IsTheForecastMonth()
    {
        Assert.Equal("high-needs-monitoring-2026-12.pdf", BudgetReportPdf.FileName(BudgetReportSample.Build()));
    }

    [Fact]
    public void Render_WithoutLastMonthsSnapshotOrNotes_SaysSo()
    {
        var report = BudgetReportSample.Build() with { Previous = null, Movement = null, Notes = [], Dsg = [] };
        using var pdf = PdfDocument.Open(Render(report));
        var text = AllText(pdf);
        Assert.Contains("no movement can be shown yet", text, StringComparison.Ordinal);
        Assert.Contains("No budget holder has commented this month.", text, StringComparison.Ordinal);
        Assert.Contains("No DSG years are recorded.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Total movement", text, StringComparison.Ordinal);
    }
}
