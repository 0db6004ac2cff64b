using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Placements.Finance.Payments;

namespace Placements.Web.Reports.Pdf;

/// <summary>
/// The remittance advice a provider receives for one payment run (domain.md §4), as an A4 PDF: who pays whom, the
/// run, a line per child and kind (initials and reference only, never a name) with adjustment reasons, and the totals.
/// The lines run over as many pages as they need, each page repeating the table's header and numbered "Page n of m".
/// </summary>
public static class RemittancePdf
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Draws <paramref name="advice"/> as a PDF with its fonts embedded.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="advice"/> is null.</exception>
    public static byte[] Render(RemittanceAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        EmbeddedFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = Title(advice);
        document.Info.Author = advice.CouncilName;
        document.Info.Subject = $"Payment run {RunLabel(advice)} for {advice.ProviderReference}";
        document.Info.Creator = "Placements";
        document.Options.CompressContentStreams = true;
        new Layout(document, advice, new Styles()).Draw();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>
    /// The file name for <paramref name="advice"/>'s PDF, unique per provider and run:
    /// <c>remittance-2026-05-P0012.pdf</c>, or <c>remittance-2026-05-P0012-run2.pdf</c> for a supplementary run.
    /// </summary>
    /// <remarks>
    /// The provider reference keeps only ASCII letters, digits, '-' and '_' (anything else becomes '-') so the name is
    /// safe on every file system and in a zip; a reference with none of those becomes <c>provider</c>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="advice"/> is null.</exception>
    public static string FileName(RemittanceAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var run = advice.RunSequence > 1 ? string.Create(CultureInfo.InvariantCulture, $"-run{advice.RunSequence}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"remittance-{advice.RunMonth.Year:D4}-{advice.RunMonth.Month:D2}-{SafeReference(advice.ProviderReference)}{run}.pdf");
    }

    /// <summary>"Remittance advice – provider – May 2026", with the supplementary run when there is one.</summary>
    internal static string Title(RemittanceAdvice advice) => $"Remittance advice – {OneLine(advice.ProviderName)} – {RunLabel(advice)}";

    /// <summary>"May 2026", or "May 2026, supplementary run 2".</summary>
    internal static string RunLabel(RemittanceAdvice advice) =>
        TopUpScheduleText.MonthName(advice.RunMonth) +
        (advice.RunSequence > 1 ? string.Create(CultureInfo.InvariantCulture, $", supplementary run {advice.RunSequence}") : "");

    private static string SafeReference(string reference)
    {
        var safe = new StringBuilder();
        foreach (var c in reference.Trim())
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
            if (keep) safe.Append(c);
            else if (safe.Length > 0 && safe[^1] != '-') safe.Append('-');
        }
        var text = safe.ToString().Trim('-');
        if (text.Length > 60) text = text[..60].TrimEnd('-');
        return text.Length == 0 ? "provider" : text;
    }

    private static string OneLine(string? text) => PdfText.OneLine(text);

    private sealed class Styles
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public XFont Title { get; } = Font(18, XFontStyleEx.Bold);
        public XFont Label { get; } = Font(7.5, XFontStyleEx.Bold);
        public XFont Party { get; } = Font(10.5, XFontStyleEx.Bold);
        public XFont Body { get; } = Font(9, XFontStyleEx.Regular);
        public XFont BodyBold { get; } = Font(9, XFontStyleEx.Bold);
        public XFont Header { get; } = Font(8, XFontStyleEx.Bold);
        public XFont Cell { get; } = Font(8.5, XFontStyleEx.Regular);
        public XFont Reason { get; } = Font(7.5, XFontStyleEx.Italic);
        public XFont Total { get; } = Font(10.5, XFontStyleEx.Bold);
        public XFont Small { get; } = Font(7.5, XFontStyleEx.Regular);

        public XBrush Ink { get; } = new XSolidBrush(XColor.FromArgb(11, 12, 12));
        public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(80, 90, 95));
        public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(232, 236, 239));
        public XPen Rule { get; } = new(XColor.FromArgb(11, 12, 12), 0.8);
        public XPen RowRule { get; } = new(XColor.FromArgb(200, 205, 208), 0.4);

        // Unicode encoding so any name a provider has (and "£", "–") survives both drawing and text extraction.
        private static XFont Font(double size, XFontStyleEx style) => new(EmbeddedFonts.FamilyName, size, style, Unicode);
    }

    private sealed record Column(string Header, double Width, bool AlignRight = false);

    private sealed class Layout(PdfDocument document, RemittanceAdvice advice, Styles s)
    {
        private const double Margin = 42;          // 15 mm: clear of any printer's unprintable edge
        private const double FooterSpace = 30;
        private const double Pad = 3.5;            // inside a table cell
        private const int CellMaxLines = 3;        // a reference longer than its column wraps, a runaway one is cut
        private const int ReasonMaxLines = 6;
        private const int PartyMaxLines = 3;

        private readonly List<Column> columns = BuildColumns();
        private XGraphics gfx = null!;
        private double pageWidth;
        private double pageHeight;
        private double y;

        private double Left => Margin;
        private double Right => pageWidth - Margin;
        private double ContentWidth => Right - Left;
        private double Bottom => pageHeight - Margin - FooterSpace;

        public void Draw()
        {
            try
            {
                NewPage();
                DrawHeading();
                DrawTableHeader();
                if (advice.Lines.Count == 0) DrawNoLines();
                foreach (var line in advice.Lines) DrawLine(line);
                DrawTotals();
            }
            finally
            {
                gfx?.Dispose();
            }
            DrawFooters();
        }

        private static List<Column> BuildColumns()
        {
            const double contentWidth = 595.28 - 2 * Margin; // A4 portrait, in points
            var fixedColumns = new List<Column>
            {
                new("Child", 34),
                new("Child reference", 70),
                new("Placement", 70),
                new("Financial year", 50),
                new("Kind", 56),
                new("Period", 0),
                new("Amount", 74, AlignRight: true),
            };
            var period = contentWidth - fixedColumns.Sum(c => c.Width);
            fixedColumns[5] = fixedColumns[5] with { Width = period };
            return fixedColumns;
        }

        private void NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            pageWidth = page.Width.Point;
            pageHeight = page.Height.Point;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private void ContinueOnNewPage(bool withTableHeader)
        {
            NewPage();
            var heading = Fit($"Remittance advice – {OneLine(advice.ProviderName)} ({advice.ProviderReference}) – {RunLabel(advice)} (continued)",
                s.BodyBold, ContentWidth);
            Text(heading, s.BodyBold, s.Ink, Left, y, ContentWidth);
            y += s.BodyBold.GetHeight() + 8;
            if (withTableHeader) DrawTableHeader();
        }

        private void DrawHeading()
        {
            Text("Remittance advice", s.Title, s.Ink, Left, y, ContentWidth);
            y += s.Title.GetHeight() + 2;
            gfx.DrawLine(s.Rule, Left, y, Right, y);
            y += 10;

            var gap = 24;
            var blockWidth = (ContentWidth - gap) / 2;
            var payerBottom = DrawParty("Paid by", advice.CouncilName, [$"LA code {advice.CouncilLaCode}"], Left, blockWidth);
            var payeeLines = new List<string> { $"Provider reference {advice.ProviderReference}" };
            if (!string.IsNullOrWhiteSpace(advice.ProviderUrn)) payeeLines.Add($"URN {advice.ProviderUrn}");
            var payeeBottom = DrawParty("Paid to", advice.ProviderName, payeeLines, Left + blockWidth + gap, blockWidth);
            y = Math.Max(payerBottom, payeeBottom) + 10;

            foreach (var (fact, font) in new[]
            {
                ($"Payment run: {RunLabel(advice)}", s.Body),
                ($"Date approved: {advice.ApprovedOn.ToString("d MMMM yyyy", EnGb)}", s.Body),
                ($"Total paid: {advice.Total}", s.BodyBold),
            })
            {
                y = Wrapped(fact, font, s.Ink, Left, y, ContentWidth, 2) + 1;
            }
            y += 12;
        }

        private double DrawParty(string label, string name, IEnumerable<string> details, double x, double width)
        {
            var top = y;
            Text(label.ToUpperInvariant(), s.Label, s.Muted, x, top, width);
            top += s.Label.GetHeight() + 2;
            top = Wrapped(name, s.Party, s.Ink, x, top, width, PartyMaxLines) + 1;
            foreach (var detail in details) top = Wrapped(detail, s.Body, s.Ink, x, top, width, 2);
            return top;
        }

        private void DrawTableHeader()
        {
            var lineHeight = s.Header.GetHeight();
            var wrapped = columns.Select(c => Wrap(c.Header, s.Header, c.Width - 2 * Pad, 2)).ToList();
            var height = wrapped.Max(w => w.Count) * lineHeight + 2 * Pad;
            gfx.DrawRectangle(s.HeaderFill, Left, y, ContentWidth, height);
            var x = Left;
            for (var i = 0; i < columns.Count; i++)
            {
                // Headers sit on the row's bottom edge, as in a spreadsheet, so one-line and two-line headers align.
                var top = y + height - Pad - wrapped[i].Count * lineHeight;
                Lines(wrapped[i], s.Header, s.Ink, x + Pad, top, columns[i].Width - 2 * Pad, columns[i].AlignRight);
                x += columns[i].Width;
            }
            y += height;
            gfx.DrawLine(s.Rule, Left, y, Right, y);
        }

        private void DrawLine(RemittanceLine line)
        {
            string[] values =
            [
                line.ChildInitials, line.ChildReference, line.PlacementReference, line.FinancialYear.ToString(),
                line.Kind.Label(), line.Period, line.Amount.ToString(),
            ];
            var cells = columns.Select((c, i) => Wrap(values[i], s.Cell, c.Width - 2 * Pad, CellMaxLines)).ToList();
            var cellHeight = cells.Max(c => c.Count) * s.Cell.GetHeight();

            // The reason runs under the descriptive columns, never under the amount, so the amounts stay a clean column.
            var reasonX = Left + columns[0].Width;
            var reasonWidth = columns.Take(columns.Count - 1).Skip(1).Sum(c => c.Width) - 2 * Pad;
            var reason = string.IsNullOrWhiteSpace(line.Reason) ? null : Wrap($"Reason: {OneLine(line.Reason)}", s.Reason, reasonWidth, ReasonMaxLines);
            var reasonHeight = reason is null ? 0 : reason.Count * s.Reason.GetHeight() + 1;

            var height = Pad + cellHeight + reasonHeight + Pad;
            if (y + height > Bottom) ContinueOnNewPage(withTableHeader: true);

            var x = Left;
            for (var i = 0; i < columns.Count; i++)
            {
                Lines(cells[i], s.Cell, s.Ink, x + Pad, y + Pad, columns[i].Width - 2 * Pad, columns[i].AlignRight);
                x += columns[i].Width;
            }
            if (reason is not null) Lines(reason, s.Reason, s.Muted, reasonX + Pad, y + Pad + cellHeight + 1, reasonWidth, false);
            y += height;
            gfx.DrawLine(s.RowRule, Left, y, Right, y);
        }

        private void DrawNoLines()
        {
            var height = s.Cell.GetHeight() + 2 * Pad;
            Text("There are no payments or recoveries for this provider in this run.", s.Cell, s.Muted, Left + Pad, y + Pad, ContentWidth - 2 * Pad);
            y += height;
            gfx.DrawLine(s.RowRule, Left, y, Right, y);
        }

        private void DrawTotals()
        {
            var rowHeight = s.Body.GetHeight() + 3;
            var needed = 10 + 2 * rowHeight + 6 + s.Total.GetHeight() + 2 + 40;
            if (y + needed > Bottom) ContinueOnNewPage(withTableHeader: false);
            y += 10;

            // Figures share the table's amount column so they line up under the amounts they total.
            var amountWidth = columns[^1].Width - 2 * Pad;
            var amountX = Right - Pad - amountWidth;
            var labelWidth = 120;
            var labelX = amountX - labelWidth - Pad;
            foreach (var (label, amount) in new[] { ("Payments", advice.Payments), ("Recoveries", advice.Recoveries) })
            {
                Text(label, s.Body, s.Ink, labelX, y, labelWidth);
                Text(amount.ToString(), s.Body, s.Ink, amountX, y, amountWidth, alignRight: true);
                y += rowHeight;
            }
            y += 2;
            gfx.DrawLine(s.Rule, labelX, y, Right, y);
            y += 4;
            Text("Total paid", s.Total, s.Ink, labelX, y, labelWidth);
            Text(advice.Total.ToString(), s.Total, s.Ink, amountX - 40, y, amountWidth + 40, alignRight: true);
            y += s.Total.GetHeight() + 1;
            gfx.DrawLine(s.Rule, labelX, y, Right, y);
            gfx.DrawLine(s.Rule, labelX, y + 1.6, Right, y + 1.6);
            y += 16;

            // "Total paid" below zero would puzzle a reader: say plainly which way the money goes.
            var owed = advice.Total.IsNegative ? $"This run recovers more than it pays: {advice.Total.Abs()} is owed to {OneLine(advice.CouncilName)}. " : "";
            var note = owed + "Negative amounts are recoveries, netted off this payment. " +
                       $"Please quote provider reference {advice.ProviderReference} and the child reference with any query.";
            Wrapped(note, s.Small, s.Muted, Left, y, ContentWidth, 3);
        }

        private void DrawFooters()
        {
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var ruleY = pageHeight - Margin - 12;
                g.DrawLine(s.RowRule, Left, ruleY, Right, ruleY);
                var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}");
                var pageTextWidth = 70;
                var left = FitWith(g, $"{OneLine(advice.CouncilName)} · Remittance advice for {advice.ProviderReference} · {RunLabel(advice)}",
                    s.Small, ContentWidth - pageTextWidth - 10);
                g.DrawString(left, s.Small, s.Muted, new XRect(Left, ruleY + 4, ContentWidth - pageTextWidth, 10), XStringFormats.TopLeft);
                g.DrawString(pageText, s.Small, s.Muted, new XRect(Right - pageTextWidth, ruleY + 4, pageTextWidth, 10), XStringFormats.TopRight);
            }
        }

        private double Wrapped(string text, XFont font, XBrush brush, double x, double top, double width, int maxLines)
        {
            var lines = Wrap(text, font, width, maxLines);
            Lines(lines, font, brush, x, top, width, false);
            return top + lines.Count * font.GetHeight();
        }

        private void Lines(IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double top, double width, bool alignRight)
        {
            var lineHeight = font.GetHeight();
            for (var i = 0; i < lines.Count; i++) Text(lines[i], font, brush, x, top + i * lineHeight, width, alignRight);
        }

        private void Text(string text, XFont font, XBrush brush, double x, double top, double width, bool alignRight = false)
        {
            if (text.Length == 0) return;
            gfx.DrawString(text, font, brush, new XRect(x, top, width, font.GetHeight()), alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
        }

        private string Fit(string text, XFont font, double width) => FitWith(gfx, text, font, width);

        private static string FitWith(XGraphics g, string text, XFont font, double width) => PdfText.Fit(g, text, font, width);

        private List<string> Wrap(string text, XFont font, double width, int maxLines) => PdfText.Wrap(gfx, text, font, width, maxLines);
    }
}
