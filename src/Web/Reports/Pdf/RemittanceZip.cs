using System.IO.Compression;
using Placements.Finance.Payments;

namespace Placements.Web.Reports.Pdf;

/// <summary>Every provider's remittance advice for a run in one download: a zip of PDFs named by <see cref="RemittancePdf.FileName"/>.</summary>
public static class RemittanceZip
{
    /// <summary>A zip holding one PDF per advice, in the order given.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="advices"/> is null or holds a null.</exception>
    /// <exception cref="ArgumentException">
    /// Two advices would share a file name (the same provider reference, month and run): one would hide the other.
    /// </exception>
    public static byte[] Zip(IEnumerable<RemittanceAdvice> advices)
    {
        ArgumentNullException.ThrowIfNull(advices);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var advice in advices)
            {
                ArgumentNullException.ThrowIfNull(advice, nameof(advices));
                var name = RemittancePdf.FileName(advice);
                if (!names.Add(name))
                    throw new ArgumentException(
                        $"Two remittance advices would both be saved as {name}: provider {advice.ProviderReference} appears twice in the run.", nameof(advices));
                // PDFs are compressed already; deflating them again costs time and saves almost nothing.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                // Dated by the approval, not the clock, so the same run zips to the same listing whenever it is downloaded.
                entry.LastWriteTime = new DateTimeOffset(advice.ApprovedOn.AtMidnight().ToDateTimeUnspecified(), TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(RemittancePdf.Render(advice));
            }
        }
        return buffer.ToArray();
    }
}
