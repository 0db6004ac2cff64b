using System.IO.Compression;
using System.Text;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Web.Reports.Pdf;
using UglyToad.PdfPig;

namespace Placements.Web.Tests.Reports;

/// <summary>
/// The remittance advice PDF read back as a provider's software would read it (PdfPig): who pays whom for which run,
/// every line by child initials and reference with its amount and reason, the totals, pages that carry 200+ lines,
/// embedded fonts, and the zip of one PDF per provider. Set <c>REMITTANCE_SAMPLE_PDF</c> to a path to keep the sample.
/// </summary>
public sealed class RemittancePdfTests
{
    private static readonly FinancialYear Fy2026 = new(2026);

    // Band E3 at £15,750 a year on the Monthly basis: £1,312.50 a month. A leaver on 20 April kept 20/30 of April's
    // £1,312.50 (£875.00), so £437.50 comes back; an uplift to E4 (£18,900) adds £3,150/12 = £262.50 for April.
    private static RemittanceAdvice OakfieldMay2026(int runSequence = 1) => new(
        "London Borough of Waltham Forest", "320", new YearMonth(2026, 5), runSequence, new LocalDate(2026, 5, 14),
        "P0012", "Oakfield House School", "103105",
        [
            new("JS", "C-10231", "PL-0457", Fy2026, PaymentKind.TopUp, "May 2026", Money.FromPounds(1_312.50m), null),
            new("MB", "C-10390", "PL-0461", Fy2026, PaymentKind.Adjustment, "April 2026", Money.FromPounds(-437.50m),
                "leaver date 2026-04-20 recorded after payment"),
            new("AK", "C-10877", "PL-0512", Fy2026, PaymentKind.TopUp, "May 2026", Money.FromPounds(1_312.50m), null),
            new("AK", "C-10877", "PL-0512", Fy2026, PaymentKind.Adjustment, "April 2026", Money.FromPounds(262.50m),
                "band E3 to E4 from 2026-04-01, entered 2026-04-28"),
            new("TL", "C-11240", "PL-0601", Fy2026, PaymentKind.Fee, "Summer term 2026", Money.FromPounds(8_450.00m), null),
        ]);

    [Fact]
    public void Render_ShowsPayerPayeeRunLinesReasonsAndTotals()
    {
        var bytes = RemittancePdf.Render(OakfieldMay2026());
        KeepSampleIfAsked(bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = pdf.GetPage(1).Text;
        foreach (var expected in new[]
        {
            "Remittance advice", "London Borough of Waltham Forest", "LA code 320",
            "Oakfield House School", "Provider reference P0012", "URN 103105",
            "Payment run: May 2026", "Date approved: 14 May 2026",
            "Top-up", "Adjustment", "Fee", "Summer term 2026", "2026/27",
            "£1,312.50", "-£437.50", "£262.50", "£8,450.00",
            "Reason: leaver date 2026-04-20 recorded after payment", "Reason: band E3 to E4 from 2026-04-01, entered 2026-04-28",
            "Payments", "£11,337.50", "Recoveries", "Total paid", "£10,900.00", "Page 1 of 1",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("supplementary", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EachLineShowsTheChildByTheInitialsAndReferenceGiven_NextToItsAmount()
    {
        var advice = OakfieldMay2026();
        using var pdf = PdfDocument.Open(RemittancePdf.Render(advice));
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();

        // A table row reads initials, child reference, placement, year, kind, period words, amount: nothing else
        // about the child, so the only identifying text is what the council chose to print.
        foreach (var line in advice.Lines)
        {
            var rows = Enumerable.Range(0, words.Count - 1)
                .Where(i => words[i] == line.ChildInitials && words[i + 1] == line.ChildReference && words[i + 2] == line.PlacementReference)
                .ToList();
            Assert.NotEmpty(rows);
            Assert.Contains(rows, i => words.Skip(i).Take(10).Contains(line.Amount.ToString()));
        }
        Assert.Equal(2, words.Count(w => w == "C-10877"));
        Assert.Single(words, w => w == "C-10231");
    }

    [Fact]
    public void Render_SupplementaryRun_SaysSoInTheRunAndTitle()
    {
        using var pdf = PdfDocument.Open(RemittancePdf.Render(OakfieldMay2026(runSequence: 2)));

        Assert.Contains("Payment run: May 2026, supplementary run 2", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Equal("Remittance advice – Oakfield House School – May 2026, supplementary run 2", pdf.Information.Title);
    }

    [Fact]
    public void Render_SetsTheDocumentTitleAndTheCouncilAsAuthor()
    {
        using var pdf = PdfDocument.Open(RemittancePdf.Render(OakfieldMay2026()));

        Assert.Equal("Remittance advice – Oakfield House School – May 2026", pdf.Information.Title);
        Assert.Equal("London Borough of Waltham Forest", pdf.Information.Author);
    }

    [Fact]
    public void Render_250Lines_RunOverSeveralPages_EachLineOnce_HeaderAndPageNumberOnEveryPage()
    {
        var lines = Enumerable.Range(1, 250).Select(i => new RemittanceLine(
            "RT", $"C-2{i:D4}", $"PL-7{i:D3}", Fy2026, i % 10 == 0 ? PaymentKind.Adjustment : PaymentKind.TopUp, "May 2026",
            i % 10 == 0 ? Money.FromPounds(-437.50m) : Money.FromPounds(1_312.50m),
            i % 10 == 0 ? "leaver date 2026-04-20 recorded after payment" : null)).ToList();
        var advice = OakfieldMay2026() with { Lines = lines };

        var bytes = RemittancePdf.Render(advice);
        KeepSampleIfAsked(bytes, "-250-lines");

        using var pdf = PdfDocument.Open(bytes);
        Assert.InRange(pdf.NumberOfPages, 4, 10);
        var allWords = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
            Assert.Contains("Child reference", page.Text, StringComparison.Ordinal);
            allWords.AddRange(page.GetWords().Select(w => w.Text));
        }
        foreach (var line in lines) Assert.Single(allWords, w => w == line.ChildReference);
        // 225 × £1,312.50 − 25 × £437.50 = £295,312.50 − £10,937.50
        var last = pdf.GetPage(pdf.NumberOfPages).Text;
        Assert.Contains("£295,312.50", last, StringComparison.Ordinal);
        Assert.Contains("-£10,937.50", last, StringComparison.Ordinal);
        Assert.Contains("£284,375.00", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongProviderNameAndReason_WrapInsideThePage_AndANetRecoveryIsSaidPlainly()
    {
        var longName = "The Very Long Named Independent Residential Special School and Further Education College for Children " +
                       "and Young People with Complex Communication and Interaction Needs (Upper Site, Northern Campus)";
        var longReason = string.Join(' ', Enumerable.Repeat("placement end date corrected from 2026-07-22 to 2026-04-30 after annual review;", 8));
        var unbroken = new string('X', 60);
        var advice = OakfieldMay2026() with
        {
            ProviderName = longName,
            Lines = [new("JS", unbroken, "PL-0457", Fy2026, PaymentKind.Adjustment, "April 2026", Money.FromPounds(-875.00m), longReason)],
        };

        var bytes = RemittancePdf.Render(advice);
        KeepSampleIfAsked(bytes, "-long-text");

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var printed = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.All(printed, l => Assert.InRange(l.BoundingBox.Left, 36, page.Width - 36));
        Assert.All(printed, l => Assert.InRange(l.BoundingBox.Right, 36, page.Width - 36));
        Assert.Contains("The Very Long Named Independent", page.Text, StringComparison.Ordinal);
        Assert.Contains("Reason: placement end date corrected", page.Text, StringComparison.Ordinal);
        Assert.Contains("-£875.00", page.Text, StringComparison.Ordinal);
        Assert.Contains("This run recovers more than it pays: £875.00 is owed to London Borough of Waltham Forest.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmbedsLiberationSans()
    {
        var bytes = RemittancePdf.Render(OakfieldMay2026());

        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(bytes);
        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName ?? "(none)").Distinct().ToList();
        Assert.NotEmpty(fonts);
        // "ABCDEF+" is the tag PDF gives an embedded subset: only the glyphs used travel with the file.
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+Liberation Sans(,Bold|,Italic)?$", f));
        Assert.Contains(fonts, f => f.EndsWith(",Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_OnManyThreadsAtOnce_RegistersTheFontsOnceAndEveryPdfReads()
    {
        var pdfs = new byte[8][];
        Parallel.For(0, pdfs.Length, i =>
        {
            EmbeddedFonts.Register();
            pdfs[i] = RemittancePdf.Render(OakfieldMay2026());
        });

        Assert.All(pdfs, bytes =>
        {
            using var pdf = PdfDocument.Open(bytes);
            Assert.Contains("£10,900.00", pdf.GetPage(1).Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Zip_HoldsOneReadablePdfPerProvider_NamedByProviderAndRun()
    {
        var oakfield = OakfieldMay2026();
        var riverside = OakfieldMay2026() with { ProviderReference = "P0047", ProviderName = "Riverside Academy", ProviderUrn = null };

        using var zip = new ZipArchive(new MemoryStream(RemittanceZip.Zip([oakfield, riverside])), ZipArchiveMode.Read);

        Assert.Equal(["remittance-2026-05-P0012.pdf", "remittance-2026-05-P0047.pdf"], zip.Entries.Select(e => e.FullName));
        foreach (var (entry, provider) in zip.Entries.Zip(["Oakfield House School", "Riverside Academy"]))
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(content);
            using var pdf = PdfDocument.Open(content.ToArray());
            Assert.Contains(provider, pdf.GetPage(1).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Zip_TheSameProviderTwice_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => RemittanceZip.Zip([OakfieldMay2026(), OakfieldMay2026()]));
        Assert.Contains("remittance-2026-05-P0012.pdf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P0012", 1, "remittance-2026-05-P0012.pdf")]
    [InlineData("P0012", 2, "remittance-2026-05-P0012-run2.pdf")]
    [InlineData("WF/IND/07", 1, "remittance-2026-05-WF-IND-07.pdf")]
    [InlineData(" ../..\\ ", 3, "remittance-2026-05-provider-run3.pdf")]
    public void FileName_NamesMonthProviderAndSupplementaryRun_SafelyForAnyFileSystem(string reference, int sequence, string expected) =>
        Assert.Equal(expected, RemittancePdf.FileName(OakfieldMay2026(sequence) with { ProviderReference = reference }));

    // For looking at the layout (pdftoppm): the plain sample at the path given, the others beside it.
    private static void KeepSampleIfAsked(byte[] bytes, string suffix = "")
    {
        if (Environment.GetEnvironmentVariable("REMITTANCE_SAMPLE_PDF") is { Length: > 0 } path)
            File.WriteAllBytes(Path.ChangeExtension(path, null) + suffix + ".pdf", bytes);
    }
}
