using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Placements.Finance;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;

namespace Placements.Web.Reports.Pdf;

/// <summary>
/// The monthly High Needs monitoring report for the Schools Forum and the DSG management plan (domain.md §7), as an A4
/// landscape PDF: the forecast outturn by s251 line against budget with RAG, a chart of cumulative budget, actuals and
/// forecast, the movement since last month by cause with its largest items, the budget holders' commentary, the DSG
/// position and the placements that could not be priced. Children appear by reference and initials only. Tables run over
/// as many pages as they need, repeating their header; every page is numbered "Page n of m".
/// </summary>
public static class BudgetReportPdf
{
    /// <summary>How many items of each movement cause, and how many unpriced placements, the report lists (the workbook has them all).</summary>
    public const int TopItems = 5;
    public const int ProblemsListed = 10;

    /// <summary>Draws <paramref name="report"/> as a PDF with its fonts embedded.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static byte[] Render(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        EmbeddedFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"{Title} – {OneLine(report.CouncilName)} – {report.Forecast.Year} as at {BudgetReportText.Date(report.Forecast.AsAt)}";
        document.Info.Author = report.CouncilName;
        document.Info.Subject = "High Needs Block forecast outturn by s251 line";
        document.Info.Creator = "Placements";
        document.Options.CompressContentStreams = true;
        new Layout(document, report, new Styles()).Draw();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary><c>high-needs-monitoring-2026-12.pdf</c>, by the forecast date's month.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string FileName(BudgetReport report) => BudgetReportText.FileName(report, "pdf");

    private const string Title = "High Needs monitoring report";

    private static string OneLine(string? text) => PdfText.OneLine(text);

    private sealed class Styles
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public XFont Title { get; } = Font(17, XFontStyleEx.Bold);
        public XFont Section { get; } = Font(11.5, XFontStyleEx.Bold);
        public XFont Body { get; } = Font(8.5, XFontStyleEx.Regular);
        public XFont BodyBold { get; } = Font(8.5, XFontStyleEx.Bold);
        public XFont Header { get; } = Font(7.5, XFontStyleEx.Bold);
        public XFont Cell { get; } = Font(7.5, XFontStyleEx.Regular);
        public XFont CellBold { get; } = Font(7.5, XFontStyleEx.Bold);
        public XFont Note { get; } = Font(7.5, XFontStyleEx.Italic);
        public XFont Small { get; } = Font(7, XFontStyleEx.Regular);
        public XFont Fact { get; } = Font(13, XFontStyleEx.Bold);

        public XColor InkColour { get; } = XColor.FromArgb(11, 12, 12);
        public XBrush Ink { get; } = new XSolidBrush(XColor.FromArgb(11, 12, 12));
        public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(80, 90, 95));
        public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(232, 236, 239));
        public XBrush TotalFill { get; } = new XSolidBrush(XColor.FromArgb(243, 245, 246));
        public XPen Rule { get; } = new(XColor.FromArgb(11, 12, 12), 0.8);
        public XPen RowRule { get; } = new(XColor.FromArgb(200, 205, 208), 0.4);
        public XPen Grid { get; } = new(XColor.FromArgb(222, 226, 229), 0.4);

        // Budget grey and dashed, actuals dark blue and solid, forecast orange and dashed: distinct in grey print too.
        public XPen BudgetLine { get; } = new(XColor.FromArgb(110, 118, 122), 1.6) { DashStyle = XDashStyle.Dash };
        public XPen ActualLine { get; } = new(XColor.FromArgb(29, 112, 184), 2.2);
        public XPen ForecastLine { get; } = new(XColor.FromArgb(212, 53, 28), 1.8) { DashStyle = XDashStyle.Dot };

        public XBrush Fill(RagStatus rag) => new XSolidBrush(rag switch
        {
            RagStatus.Red => XColor.FromArgb(246, 215, 210),
            RagStatus.Amber => XColor.FromArgb(255, 236, 199),
            _ => XColor.FromArgb(215, 238, 220),
        });

        private static XFont Font(double size, XFontStyleEx style) => new(EmbeddedFonts.FamilyName, size, style, Unicode);
    }

    private sealed record Column(string Header, double Width, bool AlignRight = false);

    private enum RowKind { Normal, Total, Group }

    /// <summary>A table row: its cells, how it is set, an optional fill for one cell (RAG) and a note under it.</summary>
    private sealed record Row(string[] Cells, RowKind Kind = RowKind.Normal, (int Cell, XBrush Fill)? Highlight = null, string? Note = null);

    private sealed class Layout(PdfDocument document, BudgetReport report, Styles s)
    {
        private const double Margin = 36;
        private const double FooterSpace = 26;
        private const double Pad = 3;
        private const double SectionGap = 16;

        private readonly HighNeedsForecastResult forecast = report.Forecast;
        private XGraphics gfx = null!;
        private double pageWidth;
        private double pageHeight;
        private double y;
        private string? section; // the section being drawn, named at the top of a page it continues on

        private double Left => Margin;
        private double Right => pageWidth - Margin;
        private double ContentWidth => Right - Left;
        private double Bottom => pageHeight - Margin - FooterSpace;

        private string AsAtLabel => $"{forecast.Year} as at {BudgetReportText.Date(forecast.AsAt)}";

        public void Draw()
        {
            try
            {
                NewPage();
                DrawHeading();
                DrawSummary();
                DrawChart();
                DrawMovement();
                DrawCommentary();
                DrawDsg();
                DrawProblems();
            }
            finally
            {
                gfx?.Dispose();
            }
            DrawFooters();
        }

        private void NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            pageWidth = page.Width.Point;
            pageHeight = page.Height.Point;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private void ContinueOnNewPage()
        {
            NewPage();
            var heading = $"{Title} – {OneLine(report.CouncilName)} – {AsAtLabel}" + (section is null ? "" : $" – {section} (continued)");
            Text(Fit(heading, s.BodyBold, ContentWidth), s.BodyBold, s.Ink, Left, y, ContentWidth);
            y += s.BodyBold.GetHeight() + 8;
        }

        /// <summary>Starts a section, on a new page when fewer than <paramref name="keepWithNext"/> points are left for its start.</summary>
        private void Section(string title, double keepWithNext = 80)
        {
            y += SectionGap;
            section = null;
            if (y + s.Section.GetHeight() + keepWithNext > Bottom) ContinueOnNewPage();
            section = title;
            Text(title, s.Section, s.Ink, Left, y, ContentWidth);
            y += s.Section.GetHeight() + 1;
            gfx.DrawLine(s.Rule, Left, y, Right, y);
            y += 5;
        }

        private void Paragraph(string text, XFont? font = null, XBrush? brush = null, int maxLines = 8)
        {
            font ??= s.Body;
            var lines = Wrap(text, font, ContentWidth, maxLines);
            var height = lines.Count * font.GetHeight();
            if (y + height > Bottom) ContinueOnNewPage();
            Lines(lines, font, brush ?? s.Ink, Left, y, ContentWidth, false);
            y += height + 3;
        }

        private void DrawHeading()
        {
            Text(Title, s.Title, s.Ink, Left, y, ContentWidth);
            y += s.Title.GetHeight() + 1;
            Text(Fit($"{OneLine(report.CouncilName)} · High Needs Block of the Dedicated Schools Grant", s.BodyBold, ContentWidth), s.BodyBold, s.Ink, Left, y, ContentWidth);
            y += s.BodyBold.GetHeight() + 1;
            Text($"Financial year {forecast.Year} · as at {BudgetReportText.Date(forecast.AsAt)}", s.Body, s.Ink, Left, y, ContentWidth);
            y += s.Body.GetHeight() + 2;
            gfx.DrawLine(s.Rule, Left, y, Right, y);
            y += 8;

            var facts = new (string Label, string Value)[]
            {
                ("Budget", forecast.Budget.ToString()),
                ("Forecast outturn", forecast.Forecast.ToString()),
                ("Variance", BudgetReportText.Signed(forecast.Variance)),
                ("Forecast / budget", BudgetReportText.Percent(forecast.Budget.Pence == 0 ? null
                    : decimal.Round(forecast.Forecast.Pence * 100m / forecast.Budget.Pence, 1, MidpointRounding.AwayFromZero))),
                ("Movement since last month", report.Movement is { } m ? BudgetReportText.Signed(m.Total) : "–"),
            };
            var width = ContentWidth / facts.Length;
            for (var i = 0; i < facts.Length; i++)
            {
                Text(facts[i].Label, s.Small, s.Muted, Left + i * width, y, width - 6);
                Text(facts[i].Value, s.Fact, s.Ink, Left + i * width, y + s.Small.GetHeight() + 1, width - 6);
            }
            y += s.Small.GetHeight() + s.Fact.GetHeight() + 6;

            var options = forecast.Options;
            var basis = "Forecast = actuals (approved payments and invoices) + commitments (active placements to 31 March at today's rates and end dates) + expected demand " +
                        "(agreed and proposed placements" + (options.IncludeTrend ? ", and the trend of new placements" : "; the trend of new placements is shown but not counted") + ").";
            if (options.IsScenario)
                basis += string.Create(CultureInfo.InvariantCulture,
                    $" Scenario: new placements growing {options.GrowthPercent:0.##}%, fees and top-ups rising {options.FeeRisePercent:0.##}% from 1 April.");
            if (report.Contributions is { Placements.Count: > 0 } partners)
                basis += $" The forecast is what the council pays: health and social care are expected to contribute {partners.Expected} this year to " +
                         $"{partners.Placements.Count} jointly funded placements ({partners.Recharged} recharged so far), so net of their contributions it is {partners.NetOf(forecast)}.";
            Paragraph(basis, s.Note, s.Muted, 3);
        }

        private void DrawSummary()
        {
            Section("Forecast outturn by s251 line", 120);
            var uplift = forecast.Options.FeeRisePercent != 0m;
            var columns = new List<Column>
            {
                new("Line", 34), new("Name", 0), new("Budget", 66, true), new("Actuals", 62, true), new("Commitments", 62, true),
                new("Expected demand", 62, true),
            };
            if (uplift) columns.Add(new("Fee rise", 54, true));
            columns.AddRange([new("Forecast", 66, true), new("Variance", 62, true), new("% of budget", 44, true), new("RAG", 40)]);
            columns = Fill(columns, 1);

            var rows = new List<Row>();
            foreach (var line in forecast.Lines)
            {
                var f = line.Figures;
                var cells = new List<string> { line.Line.Code, line.Line.Name + (line.Basis == LineBasis.Placements ? "" : $" ({BudgetReportText.Basis(line.Basis).ToLowerInvariant()})"),
                    line.Budget.ToString(), f.Actual.ToString(), f.Commitment.ToString(), f.ExpectedDemand.ToString() };
                if (uplift) cells.Add(f.Uplift.ToString());
                cells.AddRange([line.Forecast.ToString(), BudgetReportText.Signed(line.Variance), BudgetReportText.Percent(line.PercentOfBudget), BudgetReportText.Rag(line.Rag)]);
                rows.Add(new Row([.. cells], Highlight: (cells.Count - 1, s.Fill(line.Rag))));
            }
            var t = forecast.Totals;
            var total = new List<string> { "", "Total High Needs Block", forecast.Budget.ToString(), t.Actual.ToString(), t.Commitment.ToString(), t.ExpectedDemand.ToString() };
            if (uplift) total.Add(t.Uplift.ToString());
            total.AddRange([forecast.Forecast.ToString(), BudgetReportText.Signed(forecast.Variance),
                BudgetReportText.Percent(forecast.Budget.Pence == 0 ? null : decimal.Round(forecast.Forecast.Pence * 100m / forecast.Budget.Pence, 1, MidpointRounding.AwayFromZero)), ""]);
            rows.Add(new Row([.. total], RowKind.Total));
            DrawTable(columns, rows);

            var trend = Money.Sum(forecast.Trend.Select(l => l.Amount));
            if (!trend.IsZero || forecast.Trend.Count > 0)
            {
                y += 3;
                Paragraph($"Expected demand includes the pipeline of agreed and proposed placements{(forecast.Options.IncludeTrend ? $" and {trend} for the trend of new placements" : $"; the trend of new placements ({trend}) is not counted")}. " +
                          "RAG: red above 100% of budget, amber above 98%.", s.Note, s.Muted, 2);
            }
        }

        private void DrawChart()
        {
            const double height = 215;
            Section("Placement lines (1.2.1–1.2.3): cumulative budget, actuals and forecast by month", height + 10);
            var months = forecast.Profile;
            if (months.Count == 0) { Paragraph("No months to show."); return; }

            var values = months.SelectMany(m => new[] { m.CumulativeBudget.Pence, m.CumulativeForecast.Pence, m.CumulativeActual?.Pence ?? 0 }).ToList();
            var (min, max) = (Math.Min(0, values.Min()), Math.Max(1_000_00, values.Max())); // at least £1,000 tall, so an empty year still has an axis
            var step = NiceStep((max - min) / 5.0);
            var top = Math.Ceiling(max / step) * step;
            var bottom = Math.Floor(min / step) * step;

            var legendHeight = 14;
            var axisLabelWidth = 58;
            var plotLeft = Left + axisLabelWidth;
            var plotRight = Right - 10;
            var plotTop = y + 4;
            var plotBottom = y + height - legendHeight - 16;
            double X(int i) => plotLeft + (plotRight - plotLeft) * (i + 0.5) / months.Count;
            double Y(long pence) => plotBottom - (plotBottom - plotTop) * (pence - bottom) / (top - bottom);

            for (var v = bottom; v <= top + step / 2; v += step)
            {
                var gy = Y((long)v);
                gfx.DrawLine(s.Grid, plotLeft, gy, plotRight, gy);
                Text(Axis(v), s.Small, s.Muted, Left, gy - s.Small.GetHeight() / 2, axisLabelWidth - 6, alignRight: true);
            }
            gfx.DrawLine(s.Rule, plotLeft, plotBottom, plotRight, plotBottom);
            gfx.DrawLine(s.Rule, plotLeft, plotTop, plotLeft, plotBottom);
            for (var i = 0; i < months.Count; i++)
                Text(BudgetReportText.Month(months[i].Month), s.Small, s.Muted, X(i) - 30, plotBottom + 3, 60, centre: true);

            void Series(XPen pen, IEnumerable<(int I, long Pence)> points)
            {
                var list = points.Select(p => new XPoint(X(p.I), Y(p.Pence))).ToArray();
                if (list.Length > 1) gfx.DrawLines(pen, list);
                else if (list.Length == 1) gfx.DrawEllipse(pen, list[0].X - 1.5, list[0].Y - 1.5, 3, 3);
            }
            Series(s.BudgetLine, months.Select((m, i) => (i, m.CumulativeBudget.Pence)));
            Series(s.ForecastLine, months.Select((m, i) => (i, m.CumulativeForecast.Pence)));
            Series(s.ActualLine, months.Select((m, i) => (i, m.CumulativeActual)).Where(p => p.CumulativeActual is not null).Select(p => (p.i, p.CumulativeActual!.Value.Pence)));

            var legendY = plotBottom + 16;
            var x = plotLeft;
            foreach (var (label, pen) in new[] { ("Budget (cumulative)", s.BudgetLine), ("Actuals (cumulative)", s.ActualLine), ("Forecast (cumulative)", s.ForecastLine) })
            {
                gfx.DrawLine(pen, x, legendY + 4, x + 22, legendY + 4);
                Text(label, s.Small, s.Ink, x + 26, legendY, 120);
                x += 26 + gfx.MeasureString(label, s.Small).Width + 24;
            }
            var last = months[^1];
            Text($"31 March: budget {last.CumulativeBudget}, forecast {last.CumulativeForecast}", s.Small, s.Muted, x, legendY, Right - x, alignRight: true);
            y += height;
        }

        /// <summary>1, 2, 2.5 or 5 × a power of ten pence, so the axis reads in round pounds.</summary>
        private static double NiceStep(double rough)
        {
            var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(rough, 1))));
            foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
                if (m * power >= rough) return m * power;
            return 10 * power;
        }

        /// <summary>"£250k", "£1.5m", "£0".</summary>
        private static string Axis(double pence)
        {
            var pounds = pence / 100;
            var sign = pounds < 0 ? "-" : "";
            pounds = Math.Abs(pounds);
            return sign + (pounds >= 1_000_000 ? $"£{(pounds / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture)}m"
                : pounds >= 1_000 ? $"£{(pounds / 1_000).ToString("0.#", CultureInfo.InvariantCulture)}k"
                : $"£{pounds.ToString("0", CultureInfo.InvariantCulture)}");
        }

        private void DrawMovement()
        {
            Section("Movement since last month", 90);
            if (report.Movement is not { } movement)
            {
                Paragraph("There is no snapshot for an earlier month of this year, so no movement can be shown yet. Take this month's snapshot to compare next month.");
                return;
            }
            Paragraph($"From {BudgetReportText.Date(movement.From)} ({movement.Previous}) to {BudgetReportText.Date(movement.To)} ({movement.Current}): " +
                      $"{BudgetReportText.Signed(movement.Total)}. The causes add up to the movement; the {TopItems} largest items of each are listed.");
            var columns = Fill([new("Cause / placement", 120), new("Line", 34), new("Provider", 60), new("Child", 36), new("Description", 0), new("Amount", 72, true)], 4);
            var rows = new List<Row>();
            foreach (var cause in movement.Causes)
            {
                rows.Add(new Row([BudgetReportText.Cause(cause.Cause), "", "", "", Count(cause.Items.Count, "item"), BudgetReportText.Signed(cause.Amount)], RowKind.Group));
                foreach (var item in cause.Items.Take(TopItems))
                    rows.Add(new Row([item.PlacementReference ?? "", item.S251Line, item.ProviderReference ?? "", item.ChildInitials ?? "", item.Description,
                        BudgetReportText.Signed(item.Amount)]));
                if (cause.Items.Count > TopItems)
                {
                    var rest = cause.Items.Skip(TopItems).ToList();
                    rows.Add(new Row(["", "", "", "", $"and {Count(rest.Count, "more item")}", BudgetReportText.Signed(Money.Sum(rest.Select(i => i.Amount)))]));
                }
            }
            rows.Add(new Row(["Total movement", "", "", "", "", BudgetReportText.Signed(movement.Total)], RowKind.Total));
            DrawTable(columns, rows);
        }

        private void DrawCommentary()
        {
            Section("Commentary", 40);
            if (report.Notes.Count == 0)
            {
                Paragraph("No budget holder has commented this month.");
                return;
            }
            var names = S251Line.HighNeeds.ToDictionary(l => l.Code, l => l.Name);
            foreach (var note in report.Notes)
            {
                var head = $"{note.S251Line} {names.GetValueOrDefault(note.S251Line, "")} – {OneLine(note.WrittenBy)}, {BudgetReportText.Date(note.WrittenAt)}";
                if (y + s.BodyBold.GetHeight() + 2 * s.Body.GetHeight() > Bottom) ContinueOnNewPage();
                Text(Fit(head, s.BodyBold, ContentWidth), s.BodyBold, s.Ink, Left, y, ContentWidth);
                y += s.BodyBold.GetHeight() + 1;
                foreach (var paragraph in note.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    Paragraph(paragraph, maxLines: 30);
                y += 4;
            }
        }

        private void DrawDsg()
        {
            Section("Dedicated Schools Grant position", 70);
            if (report.Dsg.Count == 0)
            {
                Paragraph("No DSG years are recorded.");
                return;
            }
            var columns = Fill(
            [
                new("Financial year", 0), new("High Needs allocation", 80, true), new("Outturn", 80, true), new("In-year variance", 76, true),
                new("Deficit brought forward", 80, true), new("Deficit carried forward", 80, true), new("% of allocation", 50, true),
                new("EHC plans", 44, true), new("Per EHC plan", 66, true), new("Per head aged 2–18", 60, true),
            ], 0);
            var rows = report.Dsg.Select(d => new Row(
            [
                d.Year + (d.IsForecast ? " (forecast)" : ""), d.Allocation.ToString(), d.Outturn?.ToString() ?? "–", d.InYearVariance is { } v ? BudgetReportText.Signed(v) : "–",
                d.DeficitBroughtForward.ToString(), d.DeficitCarriedForward?.ToString() ?? "–", BudgetReportText.Percent(d.PercentOfAllocation),
                d.EhcPlans.ToString("N0", CultureInfo.InvariantCulture), d.PerEhcPlan?.ToString() ?? "–", d.PerHeadAged2To18?.ToString() ?? "–",
            ])).ToList();
            DrawTable(columns, rows);
            y += 3;
            Paragraph("A deficit is positive; a surplus negative. An open year's outturn is this forecast.", s.Note, s.Muted, 2);
        }

        private void DrawProblems()
        {
            var problems = forecast.Problems.ToList();
            Section("Placements that could not be priced", 50);
            if (problems.Count == 0)
            {
                Paragraph("Every placement could be priced.");
                return;
            }
            Paragraph($"{Count(problems.Count, "placement")} could not be priced and count only what has been paid for them " +
                      $"({Money.Sum(problems.Select(p => p.Actual))}). " + (problems.Count > ProblemsListed ? $"The first {ProblemsListed} are listed; the workbook has them all." : ""));
            var columns = Fill([new("Placement", 70), new("Provider", 60), new("Child", 36), new("Line", 34), new("Actuals", 66, true), new("Why", 0)], 5);
            var rows = problems.Take(ProblemsListed).Select(p => new Row(
                [p.Placement.Reference, p.Placement.ProviderReference, p.Placement.ChildInitials, p.Placement.S251Line, p.Actual.ToString(), p.Problem ?? ""])).ToList();
            DrawTable(columns, rows);
        }

        private static string Count(int n, string noun) =>
            string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

        /// <summary>Gives column <paramref name="flexible"/> the width the others leave.</summary>
        private List<Column> Fill(List<Column> columns, int flexible)
        {
            var used = columns.Where((_, i) => i != flexible).Sum(c => c.Width);
            columns[flexible] = columns[flexible] with { Width = ContentWidth - used };
            return columns;
        }

        private void DrawTable(IReadOnlyList<Column> columns, IReadOnlyList<Row> rows)
        {
            DrawTableHeader(columns);
            foreach (var row in rows)
            {
                var font = row.Kind == RowKind.Normal ? s.Cell : s.CellBold;
                var cells = columns.Select((c, i) => Wrap(row.Cells[i], font, c.Width - 2 * Pad, 3)).ToList();
                var note = row.Note is null ? null : Wrap(row.Note, s.Note, ContentWidth - 2 * Pad, 4);
                var height = Pad + cells.Max(c => c.Count) * font.GetHeight() + (note?.Count ?? 0) * s.Note.GetHeight() + Pad;
                if (y + height > Bottom)
                {
                    ContinueOnNewPage();
                    DrawTableHeader(columns);
                }
                if (row.Kind != RowKind.Normal) gfx.DrawRectangle(s.TotalFill, Left, y, ContentWidth, height);
                var x = Left;
                for (var i = 0; i < columns.Count; i++)
                {
                    if (row.Highlight is { } h && h.Cell == i) gfx.DrawRectangle(h.Fill, x + 1, y + 1, columns[i].Width - 2, height - 2);
                    Lines(cells[i], font, s.Ink, x + Pad, y + Pad, columns[i].Width - 2 * Pad, columns[i].AlignRight);
                    x += columns[i].Width;
                }
                if (note is not null) Lines(note, s.Note, s.Muted, Left + Pad, y + height - Pad - note.Count * s.Note.GetHeight(), ContentWidth - 2 * Pad, false);
                y += height;
                gfx.DrawLine(row.Kind == RowKind.Total ? s.Rule : s.RowRule, Left, y, Right, y);
            }
        }

        private void DrawTableHeader(IReadOnlyList<Column> columns)
        {
            var lineHeight = s.Header.GetHeight();
            var wrapped = columns.Select(c => Wrap(c.Header, s.Header, c.Width - 2 * Pad, 2)).ToList();
            var height = wrapped.Max(w => w.Count) * lineHeight + 2 * Pad;
            if (y + height + 3 * s.Cell.GetHeight() > Bottom) ContinueOnNewPage();
            gfx.DrawRectangle(s.HeaderFill, Left, y, ContentWidth, height);
            var x = Left;
            for (var i = 0; i < columns.Count; i++)
            {
                var top = y + height - Pad - wrapped[i].Count * lineHeight;
                Lines(wrapped[i], s.Header, s.Ink, x + Pad, top, columns[i].Width - 2 * Pad, columns[i].AlignRight);
                x += columns[i].Width;
            }
            y += height;
            gfx.DrawLine(s.Rule, Left, y, Right, y);
        }

        private void DrawFooters()
        {
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var ruleY = pageHeight - Margin - 10;
                g.DrawLine(s.RowRule, Left, ruleY, Right, ruleY);
                var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}");
                const double pageTextWidth = 70;
                var left = FitWith(g, $"{OneLine(report.CouncilName)} · {Title} · {AsAtLabel}", s.Small, ContentWidth - pageTextWidth - 10);
                g.DrawString(left, s.Small, s.Muted, new XRect(Left, ruleY + 4, ContentWidth - pageTextWidth, 10), XStringFormats.TopLeft);
                g.DrawString(pageText, s.Small, s.Muted, new XRect(Right - pageTextWidth, ruleY + 4, pageTextWidth, 10), XStringFormats.TopRight);
            }
        }

        private void Lines(IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double top, double width, bool alignRight)
        {
            var lineHeight = font.GetHeight();
            for (var i = 0; i < lines.Count; i++) Text(lines[i], font, brush, x, top + i * lineHeight, width, alignRight);
        }

        private void Text(string text, XFont font, XBrush brush, double x, double top, double width, bool alignRight = false, bool centre = false)
        {
            if (text.Length == 0) return;
            var format = centre ? XStringFormats.TopCenter : alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft;
            gfx.DrawString(text, font, brush, new XRect(x, top, width, font.GetHeight()), format);
        }

        private string Fit(string text, XFont font, double width) => FitWith(gfx, text, font, width);

        private static string FitWith(XGraphics g, string text, XFont font, double width) => PdfText.Fit(g, text, font, width);

        private List<string> Wrap(string text, XFont font, double width, int maxLines) => PdfText.Wrap(gfx, text, font, width, maxLines);
    }
}
