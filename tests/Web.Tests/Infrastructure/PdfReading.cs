using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>A PDF read back as its recipient's software reads it (PdfPig).</summary>
public static class PdfReading
{
    /// <summary>The text of every page, a page to a line.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="expected"/>, whitespace aside (a sentence may wrap across lines).</summary>
    public static void Has(string text, string expected) =>
        Assert.True(Squashed(text).Contains(Squashed(expected), StringComparison.Ordinal), $"Expected \"{expected}\" in:\n{text}");

    private static string Squashed(string text) => Regex.Replace(text, @"\s+", "");
}
