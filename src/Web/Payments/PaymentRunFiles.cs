using NodaTime;
using Placements.Finance.Payments;

namespace Placements.Web.Payments;

/// <summary>Writes an approved run's outputs into a folder and records the run as exported.</summary>
public static class PaymentRunFiles
{
    public const string PaymentLinesFile = "payment_lines.csv";
    public const string LedgerFile = "ledger.csv";

    /// <returns>The files written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(IServiceProvider sp, YearMonth month, int? sequence, string folder, string by,
        CancellationToken cancellationToken = default)
    {
        var approved = await sp.GetRequiredService<PaymentRunExport>().LoadAsync(month, sequence, cancellationToken);
        var payer = sp.GetRequiredService<PaymentOperations>().Payer;
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        async Task Write(string name, byte[] content)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            written.Add(path);
        }
        await Write(PaymentLinesFile, System.Text.Encoding.UTF8.GetBytes(PaymentRunExport.PaymentLinesCsv(approved)));
        await Write(LedgerFile, System.Text.Encoding.UTF8.GetBytes(PaymentRunExport.LedgerCsv(approved, payer)));
        foreach (var advice in PaymentRunExport.Remittances(approved, payer))
            await Write(Reports.Pdf.RemittancePdf.FileName(advice), Reports.Pdf.RemittancePdf.Render(advice));
        await sp.GetRequiredService<ExportPaymentRun>().MarkExportedAsync(approved.Run.Id, by, $"exported to {folder}", cancellationToken);
        return written;
    }
}
