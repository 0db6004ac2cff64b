using PdfSharp.Drawing;

namespace Placements.Web.Reports.Pdf;

/// <summary>Text that must fit the page: one line of a name typed with line breaks, a cell cut with "…", a reason wrapped to its column.</summary>
internal static class PdfText
{
    /// <summary>Line breaks and tabs typed into a name or reason would otherwise draw as missing glyphs.</summary>
    public static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary><paramref name="text"/> as it fits <paramref name="width"/>, ending "…" where it was cut.</summary>
    public static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 0 && g.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: at spaces where it can, inside a
    /// word only when one word is wider than the column, and with "…" ending the last line when more than
    /// <paramref name="maxLines"/> would be needed.
    /// </summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width, int maxLines)
    {
        bool Fits(string candidate) => g.MeasureString(candidate, font).Width <= width;

        var lines = new List<string>();
        var current = "";
        foreach (var whole in OneLine(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? whole : current + " " + whole;
            if (Fits(candidate)) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            var word = whole;
            while (word.Length > 1 && !Fits(word))
            {
                var take = word.Length - 1;
                while (take > 1 && !Fits(word[..take])) take--;
                if (char.IsHighSurrogate(word[take - 1]) && take > 1) take--;
                lines.Add(word[..take]);
                word = word[take..];
            }
            current = word;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(maxLines).ToList();
        kept[^1] = Fit(g, kept[^1] + " " + lines[maxLines], font, width) is var last && last.EndsWith('…') ? last : last + "…";
        return kept;
    }
}
