using System.Globalization;
using NodaTime;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Placements.Finance;
using Placements.Finance.PooledFunding;

namespace Placements.Web.Reports.Pdf;

/// <summary>The panel's decision letter to the family and the provider: one decision on one referral, and the meeting that made it (null for a decision made outside a meeting, e.g. a superseding one).</summary>
public sealed record PanelLetter(string CouncilName, Referral Referral, PanelDecision Decision, PanelMeeting? Meeting);

/// <summary>The minutes of one panel meeting: its agenda, members present and decisions (<see cref="PanelQueries.MeetingAsync"/>).</summary>
public sealed record PanelMinutes(string CouncilName, Finance.PooledFunding.MeetingAgenda Agenda);

/// <summary>A recharge statement to health or social care (with its lines and receipts loaded: <see cref="PanelQueries.StatementAsync"/>).</summary>
public sealed record RechargeStatementDocument(string CouncilName, RechargeStatement Statement);

/// <summary>
/// The Joint Resources Panel's documents (domain.md §8) as A4 PDFs with their fonts embedded, each page numbered
/// "Page n of m": the decision letter, the meeting's minutes and a partner's recharge statement. Children appear by
/// initials and reference only, never by name (a referral holds no name).
/// </summary>
public static class PanelDocumentsPdf
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>The decision letter to the family and the provider.</summary>
    public static byte[] DecisionLetter(PanelLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var (referral, decision, meeting) = (letter.Referral, letter.Decision, letter.Meeting);
        return Render($"Joint Resources Panel decision – {referral.Reference}", letter.CouncilName,
            $"{letter.CouncilName} · Panel decision {referral.Reference} · child {referral.ChildInitials} ({referral.ChildReference})", w =>
        {
            w.Title("Joint Resources Panel decision");
            w.Strong(letter.CouncilName);
            w.Fact("Date", Date(decision.DecidedAt.InZone(London).Date));
            w.Fact("To", $"the family of child {referral.ChildInitials} (reference {referral.ChildReference}) and provider {referral.ProviderReference}");
            w.Fact("Referral", referral.Reference);
            w.Fact("Child", $"{referral.ChildInitials}, reference {referral.ChildReference}");
            w.Fact("Placement", $"{referral.PlacementReference} at provider {referral.ProviderReference}");
            w.Fact("Panel", meeting is null
                ? $"decision recorded on {Date(decision.DecidedAt.InZone(London).Date)}"
                : $"meeting of {Date(meeting.Date)}" + (meeting.Location is { } place ? $" at {place}" : ""));
            w.Gap();
            w.Heading("The panel's decision");
            w.Paragraph(OutcomeInWords(decision), bold: true);
            w.Fact("Reasons", decision.Reasons);
            if (decision.Conditions is { } conditions) w.Fact("Conditions", conditions);
            if (decision.Approves)
            {
                w.Fact(decision.SupersedesId is null ? "Start date" : "Takes effect from", Date(decision.EffectiveFrom));
                if (decision.ReviewDate is { } review) w.Fact("Review date", Date(review));
                w.Gap();
                SplitTable(w, decision);
            }
            else if (decision.Outcome == PanelOutcome.Decline && decision.SupersedesId is not null)
            {
                w.Fact("Takes effect from", Date(decision.EffectiveFrom));
            }
            w.Gap();
            w.Paragraph(decision.SupersedesId is null
                ? "A decision is never altered. If the panel later makes a new decision on this case, the new decision replaces this one from the date it takes effect; until then this decision stands."
                : $"This decision replaces the panel's earlier decision on this case from {Date(decision.EffectiveFrom)}. The earlier decision applies up to {Date(decision.EffectiveFrom.PlusDays(-1))}, and this one from {Date(decision.EffectiveFrom)}.",
                muted: true);
            w.Paragraph($"Please quote referral {referral.Reference} and child reference {referral.ChildReference} with any question about this decision.", muted: true);
        });
    }

    /// <summary>The minutes of a meeting: date and place, members present by partner, and each case with its decision.</summary>
    public static byte[] Minutes(PanelMinutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var (meeting, cases, decisions) = (minutes.Agenda.Meeting, minutes.Agenda.Cases, minutes.Agenda.Decisions);
        return Render($"Joint Resources Panel minutes – {Date(meeting.Date)}", minutes.CouncilName,
            $"{minutes.CouncilName} · Joint Resources Panel minutes · {Date(meeting.Date)}", w =>
        {
            w.Title("Joint Resources Panel minutes");
            w.Strong(minutes.CouncilName);
            w.Fact("Meeting", Date(meeting.Date));
            w.Fact("Place", meeting.Location ?? "not recorded");
            w.Gap();
            w.Heading("Members present");
            w.Table([new("Name", 0.4), new("Partner", 0.25), new("Role", 0.35)],
                meeting.Members.OrderBy(m => m.Partner).ThenBy(m => m.Name, StringComparer.Ordinal)
                    .Select(m => new[] { m.Name, Capitalised(CostSplit.DescribePartner(m.Partner)), m.Role ?? "" }).ToList());
            w.Gap();
            w.Heading($"Cases ({cases.Count})");
            if (cases.Count == 0) w.Paragraph("No cases were on the agenda.", muted: true);
            foreach (var referral in cases)
            {
                w.KeepTogether(120);
                w.SubHeading($"{referral.Reference}: child {referral.ChildInitials} ({referral.ChildReference})");
                w.Fact("Placement", $"{referral.PlacementReference} at provider {referral.ProviderReference}");
                w.Fact("Proposed cost", $"{referral.ProposedAnnualCost} a year: education {referral.EducationCost}, care {referral.CareCost}, health {referral.HealthCost}");
                w.Fact("Partners asked", string.Join(" and ", new[] { referral.AskHealth ? "health (ICB)" : null, referral.AskSocialCare ? "social care" : null }.OfType<string>()));
                w.Fact("Needs", referral.NeedsSummary);
                if (referral.DocumentNames.Any()) w.Fact("Documents", string.Join("; ", referral.DocumentNames));
                var made = decisions.Where(d => d.ReferralId == referral.Id).OrderBy(d => d.DecidedAt).ToList();
                if (made.Count == 0) w.Paragraph("Not decided at this meeting.", muted: true);
                foreach (var decision in made)
                {
                    w.Fact("Decision", OutcomeInWords(decision));
                    w.Fact("Reasons", decision.Reasons);
                    if (decision.Conditions is { } conditions) w.Fact("Conditions", conditions);
                    if (decision.Approves)
                    {
                        w.Fact("Dates", $"from {Date(decision.EffectiveFrom)}" + (decision.ReviewDate is { } r ? $", review by {Date(r)}" : ""));
                        SplitTable(w, decision);
                    }
                }
                w.Gap();
            }
        });
    }

    /// <summary>A partner's recharge statement: its share of what the council paid in the period, line by line, and what is outstanding.</summary>
    public static byte[] RechargeStatement(RechargeStatementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var s = document.Statement;
        return Render($"Recharge statement {s.Reference}", document.CouncilName,
            $"{document.CouncilName} · Recharge statement {s.Reference}", w =>
        {
            w.Title("Recharge statement");
            w.Strong(document.CouncilName);
            w.Fact("To", PartnerName(s.Partner));
            w.Fact("Reference", s.Reference);
            w.Fact("Period", $"{Date(s.PeriodStart)} to {Date(s.PeriodEnd)}");
            w.Fact("Prepared", Date(s.PreparedAt.InZone(London).Date));
            w.Fact("Due date", Date(s.DueDate));
            w.Gap();
            w.Paragraph($"Your share, under the pooled budget agreement, of what {document.CouncilName} paid providers for jointly funded placements in payment runs approved in the period. Negative amounts are credits (recoveries).", muted: true);
            w.Gap();
            w.Table([new("Placement", 0.13), new("Child", 0.06), new("Description", 0.25), new("Days", 0.16), new("Paid", 0.13, true), new("Split", 0.14), new("Share", 0.13, true)],
                s.Lines.Select(l => new[]
                {
                    l.PlacementReference, l.ChildInitials, l.Description, $"{Short(l.DaysFrom)} – {Short(l.DaysTo)}", l.Paid.ToString(), l.Split, l.Share.ToString(),
                }).ToList());
            if (s.Lines.Count == 0) w.Paragraph("Nothing was paid for jointly funded placements in this period.", muted: true);
            w.Gap();
            w.Total("Total", s.Total.ToString());
            w.Total("Received", s.Received.ToString());
            w.Total("Outstanding", s.Outstanding.ToString(), bold: true);
            if (s.Receipts.Count > 0)
            {
                w.Gap();
                w.Heading("Received");
                w.Table([new("Received on", 0.5), new("Amount", 0.5, true)],
                    s.Receipts.OrderBy(r => r.ReceivedOn).Select(r => new[] { Date(r.ReceivedOn), r.Amount.ToString() }).ToList());
            }
            w.Gap();
            w.Paragraph($"Please pay {s.Outstanding.Abs()} by {Date(s.DueDate)} quoting {s.Reference}.", muted: true);
        });
    }

    /// <summary>E.g. <c>panel-decision-JRP-2026-0001-2026-09-01.pdf</c>: the referral and the date the decision takes effect.</summary>
    public static string DecisionLetterFileName(PanelLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return $"panel-decision-{Safe(letter.Referral.Reference)}-{IsoDate(letter.Decision.EffectiveFrom)}.pdf";
    }

    /// <summary>E.g. <c>panel-minutes-2026-09-03.pdf</c>.</summary>
    public static string MinutesFileName(PanelMinutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return $"panel-minutes-{IsoDate(minutes.Agenda.Meeting.Date)}.pdf";
    }

    /// <summary>E.g. <c>recharge-RCH-HEALTH-2026-11.pdf</c>.</summary>
    public static string RechargeStatementFileName(RechargeStatementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"recharge-{Safe(document.Statement.Reference)}.pdf";
    }

    /// <summary>The outcome in plain words, e.g. "The panel approved the placement, with conditions."</summary>
    public static string OutcomeInWords(PanelDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var replacing = decision.SupersedesId is not null;
        return decision.Outcome switch
        {
            PanelOutcome.Approve => replacing ? "Approved: the panel changed the funding of the placement." : "Approved: the panel approved the placement.",
            PanelOutcome.ApproveWithConditions => replacing ? "Approved with conditions: the panel changed the funding of the placement, with conditions."
                : "Approved with conditions: the panel approved the placement, with conditions.",
            PanelOutcome.Defer => "Deferred: the panel did not decide yet; the case returns to a later meeting.",
            _ => replacing ? "Declined: the panel ended the joint funding of the placement." : "Declined: the panel did not approve the placement.",
        };
    }

    private static void SplitTable(Writer w, PanelDecision decision)
    {
        var split = decision.Split!;
        w.Paragraph($"Whole annual cost: {split.AnnualCost} a year, shared {(split.Basis == SplitBasis.Percentages ? "by percentages" : "by fixed annual sums")}:");
        w.Table([new("Partner", 0.4), new("Share", 0.2, true), new("Annual sum", 0.4, true)],
            split.Shares.Select(s => new[] { Capitalised(CostSplit.DescribePartner(s.Partner)), Percent(s.Percent), $"{s.AnnualSum} a year" })
                .Append(["Whole cost", "100%", $"{split.AnnualCost} a year"]).ToList());
        foreach (var s in split.Shares.Where(s => s.Partner != Partner.Education && !s.AnnualSum.IsZero))
            w.Paragraph($"{Capitalised(CostSplit.DescribePartner(s.Partner))} {Percent(s.Percent)} {s.AnnualSum} a year of {split.AnnualCost}.", muted: true);
    }

    private static string PartnerName(Partner partner) => partner switch
    {
        Partner.Health => "Health: the NHS integrated care board (continuing care)",
        Partner.SocialCare => "Children's social care",
        _ => "Education (High Needs)",
    };

    private static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
    private static string Date(LocalDate date) => date.ToString("d MMMM yyyy", EnGb);
    private static string Short(LocalDate date) => date.ToString("d MMM yyyy", EnGb);
    private static string IsoDate(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Safe(string reference)
    {
        var chars = reference.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        var text = new string(chars).Trim('-');
        return text.Length == 0 ? "document" : text;
    }

    private static byte[] Render(string title, string author, string footer, Action<Writer> draw)
    {
        EmbeddedFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Creator = "Placements";
        document.Options.CompressContentStreams = true;
        var writer = new Writer(document);
        try { draw(writer); }
        finally { writer.Close(); }
        writer.DrawFooters(footer);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed record Column(string Header, double Fraction, bool AlignRight = false);

    /// <summary>A top-to-bottom flow of headings, facts, paragraphs and tables over as many A4 pages as it needs.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private const double Margin = 42;
        private const double FooterSpace = 30;
        private const double Pad = 3;
        private const double LabelWidth = 110;
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        private readonly XFont _title = Font(18, XFontStyleEx.Bold);
        private readonly XFont _heading = Font(12, XFontStyleEx.Bold);
        private readonly XFont _subHeading = Font(10.5, XFontStyleEx.Bold);
        private readonly XFont _body = Font(9.5, XFontStyleEx.Regular);
        private readonly XFont _bold = Font(9.5, XFontStyleEx.Bold);
        private readonly XFont _header = Font(8, XFontStyleEx.Bold);
        private readonly XFont _cell = Font(8.5, XFontStyleEx.Regular);
        private readonly XFont _small = Font(7.5, XFontStyleEx.Regular);
        private readonly XBrush _ink = new XSolidBrush(XColor.FromArgb(11, 12, 12));
        private readonly XBrush _muted = new XSolidBrush(XColor.FromArgb(80, 90, 95));
        private readonly XBrush _fill = new XSolidBrush(XColor.FromArgb(232, 236, 239));
        private readonly XPen _rule = new(XColor.FromArgb(11, 12, 12), 0.8);
        private readonly XPen _rowRule = new(XColor.FromArgb(200, 205, 208), 0.4);

        private XGraphics? _gfx;
        private double _width, _height, _y;

        private XGraphics G => _gfx ?? NewPage();
        private double Right => _width - Margin;
        private double ContentWidth => _width - 2 * Margin;
        private double Bottom => _height - Margin - FooterSpace;

        private static XFont Font(double size, XFontStyleEx style) => new(EmbeddedFonts.FamilyName, size, style, Unicode);

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            (_width, _height, _y) = (page.Width.Point, page.Height.Point, Margin);
            _gfx = XGraphics.FromPdfPage(page);
            return _gfx;
        }

        public void Close() => _gfx?.Dispose();

        private void Need(double height)
        {
            _ = G;
            if (_y + height > Bottom) NewPage();
        }

        public void KeepTogether(double height) => Need(height);

        public void Title(string text)
        {
            Need(40);
            Line(text, _title, _ink, Margin, ContentWidth);
            _y += 2;
            G.DrawLine(_rule, Margin, _y, Right, _y);
            _y += 8;
        }

        public void Strong(string text) => Block(text, _subHeading, _ink, Margin, ContentWidth);

        public void Heading(string text)
        {
            Need(_heading.GetHeight() + 30);
            _y += 4;
            Block(text, _heading, _ink, Margin, ContentWidth);
            _y += 2;
        }

        public void SubHeading(string text)
        {
            Need(_subHeading.GetHeight() + 30);
            Block(text, _subHeading, _ink, Margin, ContentWidth);
            _y += 1;
        }

        public void Gap() => _y += 8;

        public void Paragraph(string text, bool bold = false, bool muted = false)
        {
            Block(text, bold ? _bold : _body, muted ? _muted : _ink, Margin, ContentWidth);
            _y += 3;
        }

        /// <summary>A label and its value, the value wrapped in its own column.</summary>
        public void Fact(string label, string value)
        {
            var lines = Wrap(value, _body, ContentWidth - LabelWidth);
            Need(_body.GetHeight());
            var top = _y;
            Line(label, _bold, _ink, Margin, LabelWidth, top);
            foreach (var line in lines)
            {
                if (_y + _body.GetHeight() > Bottom) { NewPage(); top = _y; }
                Line(line, _body, _ink, Margin + LabelWidth, ContentWidth - LabelWidth);
            }
            _y += 2;
        }

        public void Total(string label, string amount, bool bold = false)
        {
            var font = bold ? _subHeading : _body;
            Need(font.GetHeight() + 2);
            var amountWidth = 110;
            Line(label, font, _ink, Right - amountWidth - 120, 120, _y);
            Line(amount, font, _ink, Right - amountWidth, amountWidth, alignRight: true);
            _y += 2;
        }

        public void Table(IReadOnlyList<Column> columns, IReadOnlyList<string[]> rows)
        {
            var widths = columns.Select(c => c.Fraction * ContentWidth).ToArray();
            Header(columns, widths);
            foreach (var row in rows)
            {
                var cells = row.Select((v, i) => Wrap(v, _cell, widths[i] - 2 * Pad)).ToList();
                var height = cells.Max(c => c.Count) * _cell.GetHeight() + 2 * Pad;
                if (_y + height > Bottom)
                {
                    NewPage();
                    Header(columns, widths);
                }
                var x = Margin;
                for (var i = 0; i < columns.Count; i++)
                {
                    for (var l = 0; l < cells[i].Count; l++)
                        Draw(cells[i][l], _cell, _ink, x + Pad, _y + Pad + l * _cell.GetHeight(), widths[i] - 2 * Pad, columns[i].AlignRight);
                    x += widths[i];
                }
                _y += height;
                G.DrawLine(_rowRule, Margin, _y, Right, _y);
            }
            _y += 4;
        }

        private void Header(IReadOnlyList<Column> columns, double[] widths)
        {
            var height = _header.GetHeight() + 2 * Pad;
            Need(height + _cell.GetHeight() + 2 * Pad);
            G.DrawRectangle(_fill, Margin, _y, ContentWidth, height);
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                Draw(columns[i].Header, _header, _ink, x + Pad, _y + Pad, widths[i] - 2 * Pad, columns[i].AlignRight);
                x += widths[i];
            }
            _y += height;
            G.DrawLine(_rule, Margin, _y, Right, _y);
        }

        private void Block(string text, XFont font, XBrush brush, double x, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                Need(font.GetHeight());
                Line(line, font, brush, x, width);
            }
        }

        /// <summary>Draws one line at the current position and moves down (unless <paramref name="top"/> is given: then the position stays).</summary>
        private void Line(string text, XFont font, XBrush brush, double x, double width, double? top = null, bool alignRight = false)
        {
            Draw(text, font, brush, x, top ?? _y, width, alignRight);
            if (top is null) _y += font.GetHeight();
        }

        private void Draw(string text, XFont font, XBrush brush, double x, double top, double width, bool alignRight)
        {
            if (text.Length == 0) return;
            G.DrawString(text, font, brush, new XRect(x, top, width, font.GetHeight()), alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var g = G;
            bool Fits(string candidate) => g.MeasureString(candidate, font).Width <= width;
            var lines = new List<string>();
            foreach (var paragraph in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var current = "";
                foreach (var whole in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? whole : current + " " + whole;
                    if (Fits(candidate)) { current = candidate; continue; }
                    if (current.Length > 0) lines.Add(current);
                    var word = whole;
                    while (word.Length > 1 && !Fits(word))
                    {
                        var take = word.Length - 1;
                        while (take > 1 && !Fits(word[..take])) take--;
                        lines.Add(word[..take]);
                        word = word[take..];
                    }
                    current = word;
                }
                if (current.Length > 0) lines.Add(current);
            }
            if (lines.Count == 0) lines.Add("");
            return lines;
        }

        public void DrawFooters(string footer)
        {
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var width = document.Pages[i].Width.Point;
                var height = document.Pages[i].Height.Point;
                var ruleY = height - Margin - 12;
                g.DrawLine(_rowRule, Margin, ruleY, width - Margin, ruleY);
                const double pageTextWidth = 70;
                var available = width - 2 * Margin - pageTextWidth - 10;
                var text = footer;
                if (g.MeasureString(text, _small).Width > available)
                {
                    while (text.Length > 0 && g.MeasureString(text + "…", _small).Width > available) text = text[..^1];
                    text = text.TrimEnd() + "…";
                }
                g.DrawString(text, _small, _muted, new XRect(Margin, ruleY + 4, available, 10), XStringFormats.TopLeft);
                g.DrawString(string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}"), _small, _muted,
                    new XRect(width - Margin - pageTextWidth, ruleY + 4, pageTextWidth, 10), XStringFormats.TopRight);
            }
        }
    }
}
