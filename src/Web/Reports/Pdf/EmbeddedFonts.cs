using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Placements.Web.Reports.Pdf;

/// <summary>
/// Serves PDFsharp the Liberation Sans faces embedded in this assembly (see <c>Fonts/README.md</c>). PDFsharp finds no
/// fonts of its own on Linux ("No appropriate font found"), and a PDF drawn from fonts we ship and embed looks the same
/// on every server and every reader.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    /// <summary>The family to name in an <c>XFont</c>: the only one these PDFs are drawn in.</summary>
    public const string FamilyName = "Liberation Sans";

    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";
    private const string Italic = "LiberationSans-Italic";

    private static readonly EmbeddedFonts Instance = new();
    private static readonly Lock Gate = new();
    private static volatile bool registered;

    // Arial and Helvetica share Liberation Sans's metrics, so text laid out for them still fits.
    private static readonly HashSet<string> Families = new(StringComparer.OrdinalIgnoreCase) { FamilyName, "LiberationSans", "Arial", "Helvetica" };

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    private EmbeddedFonts() { }

    /// <summary>
    /// Makes these fonts PDFsharp's resolver for the process. Safe to call from any thread, any number of times:
    /// PDFsharp refuses a second, different resolver once fonts have been used, so it is set exactly once.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another font resolver was set first, so these PDFs would not be drawn in the embedded fonts.</exception>
    public static void Register()
    {
        if (registered) return;
        lock (Gate)
        {
            if (registered) return;
            switch (GlobalFontSettings.FontResolver)
            {
                case null: GlobalFontSettings.FontResolver = Instance; break;
                case EmbeddedFonts: break;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp's font resolver is already {other.GetType().FullName}; the PDF reports need {nameof(EmbeddedFonts)} (Liberation Sans).");
            }
            registered = true;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Bold italic is served as bold: no report asks for it, and the face is not shipped.</remarks>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        !Families.Contains(familyName) ? null
        : bold ? new FontResolverInfo(Bold)
        : italic ? new FontResolverInfo(Italic)
        : new FontResolverInfo(Regular);

    /// <inheritdoc/>
    public byte[]? GetFont(string faceName) => faceName is Regular or Bold or Italic ? faces.GetOrAdd(faceName, Load) : null;

    private static byte[] Load(string faceName)
    {
        var name = $"Placements.Web.Reports.Pdf.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from {typeof(EmbeddedFonts).Assembly.GetName().Name}; check the EmbeddedResource in Web.csproj.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
