using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Finance.Interchange;

namespace Placements.Finance.Invoices;

/// <summary>What an import did: the invoices recorded, or every error (and nothing recorded).</summary>
/// <param name="Errors">Each as <c>file:line: column: message</c> (interchange.md's convention).</param>
public sealed record InvoiceImportOutcome(IReadOnlyList<Invoice> Recorded, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a provider's invoice CSV (README "Provider invoice CSV"): one row per invoice line, rows with the same
/// <c>invoice_number</c> make one invoice. Columns (case-insensitive, any order, unknown columns an error):
/// <c>provider_ref, invoice_number, invoice_date, received_date, child_ref, placement_ref?, period_start, period_end,
/// amount, description?, kind?</c> (<c>Invoice</c>/<c>CreditNote</c>, default Invoice), <c>credits_invoice?</c>,
/// <c>duplicate_override_reason?</c>. All or nothing: malformed cells and every rule of <see cref="RecordInvoice"/> are
/// reported together, each as <c>file:line: column: message</c>, and nothing is written.
/// </summary>
/// <remarks>
/// The file is read as the county import reads its files (<see cref="CsvTable"/>, <see cref="RowReader"/>: dates
/// YYYY-MM-DD, amounts in pounds with at most 2 decimals). Rows are grouped by provider and invoice number; the invoice's
/// own cells (dates, kind, credited invoice) must agree on every row of a group. Invoices whose rows read cleanly are
/// checked by <see cref="RecordInvoice.ValidateAsync"/> even when other rows are malformed, so one attempt lists everything.
/// </remarks>
public sealed class ImportProviderInvoices(RecordInvoice record)
{
    public static readonly CsvColumns Columns = new(
        ["provider_ref", "invoice_number", "invoice_date", "received_date", "child_ref", "period_start", "period_end", "amount"],
        ["placement_ref", "description", "kind", "credits_invoice", "duplicate_override_reason"]);

    /// <summary>The rows of one provider's invoice number: its own cells from the first row, its lines from every clean row.</summary>
    private sealed class Group(int firstLine, LocalDate invoiceDate, LocalDate receivedOn, InvoiceKind kind, string? creditsInvoice)
    {
        public int FirstLine { get; } = firstLine;
        public LocalDate InvoiceDate { get; } = invoiceDate;
        public LocalDate ReceivedOn { get; } = receivedOn;
        public InvoiceKind Kind { get; } = kind;
        public string? CreditsInvoice { get; } = creditsInvoice;
        public List<InvoiceLineDraft> Lines { get; } = [];
    }

    public async Task<InvoiceImportOutcome> ImportAsync(string fileName, Stream csv, string recordedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var file = Path.GetFileName(fileName);
        var errors = new ImportErrors();
        var table = CsvTable.Read(file, csv, Columns, errors);

        var groups = new Dictionary<(string Provider, string Number), Group>();
        foreach (var row in table.Rows) ReadRow(new RowReader(table, row, errors), groups);

        var drafts = groups.Where(g => g.Value.Lines.Count > 0).Select(g => new InvoiceDraft(g.Key.Provider, g.Key.Number, g.Value.Kind, g.Value.InvoiceDate, g.Value.ReceivedOn,
            g.Value.CreditsInvoice, g.Value.Lines, file)).ToList();
        if (drafts.Count == 0 && !errors.Any) errors.Add(file, 1, ImportError.WholeFile, "the file has no invoice lines");
        if (drafts.Count > 0) Add(await record.ValidateAsync(drafts, cancellationToken));
        if (errors.Any) return Failed();
        try
        {
            return new InvoiceImportOutcome(await record.RecordAllAsync(drafts, recordedBy, cancellationToken), []);
        }
        catch (InvoiceRejectedException e)
        {
            // Something recorded meanwhile (e.g. the same file imported twice at once): nothing of this file is written.
            Add(e.Errors);
            return Failed();
        }

        InvoiceImportOutcome Failed() => new([], errors.Sorted().Select(e => e.ToString()).ToList());

        // Fields are the file's column names already; an invoice-wide error carries the invoice's first line.
        void Add(IReadOnlyList<InvoiceError> found)
        {
            foreach (var error in found) errors.Add(file, error.Line ?? 1, error.Field, error.Message);
        }
    }

    private static void ReadRow(RowReader r, Dictionary<(string, string), Group> groups)
    {
        var provider = r.Text("provider_ref", required: true);
        var number = r.Text("invoice_number", required: true);
        var invoiceDate = r.Date("invoice_date", required: true);
        var receivedOn = r.Date("received_date", required: true);
        var kind = r.Enum<InvoiceKind>("kind");
        var creditsInvoice = r.Text("credits_invoice");
        var child = r.Text("child_ref", required: true);
        var placement = r.Text("placement_ref");
        var start = r.Date("period_start", required: true);
        var end = r.Date("period_end", required: true);
        var amount = r.Amount("amount", required: true);
        var description = r.Text("description");
        var overrideReason = r.Text("duplicate_override_reason");
        if (provider is null || number is null) return;

        var headerRead = invoiceDate is not null && receivedOn is not null && (kind is not null || r.Text("kind") is null);
        if (!groups.TryGetValue((provider, number), out var group))
        {
            if (!headerRead) return;
            group = new Group(r.Line, invoiceDate!.Value, receivedOn!.Value, kind ?? InvoiceKind.Invoice, creditsInvoice);
            groups[(provider, number)] = group;
        }
        else
        {
            var first = $"line {group.FirstLine}";
            var what = $"every row of {provider}'s invoice {number} must give the same";
            if (invoiceDate is { } d && d != group.InvoiceDate) r.Error("invoice_date", $"'{d:uuuu-MM-dd}' differs from {first}'s '{group.InvoiceDate:uuuu-MM-dd}': {what} invoice date");
            if (receivedOn is { } rd && rd != group.ReceivedOn) r.Error("received_date", $"'{rd:uuuu-MM-dd}' differs from {first}'s '{group.ReceivedOn:uuuu-MM-dd}': {what} received date");
            if ((kind ?? InvoiceKind.Invoice) != group.Kind && (kind is not null || r.Text("kind") is null))
                r.Error("kind", $"'{kind ?? InvoiceKind.Invoice}' differs from {first}'s '{group.Kind}': {what} kind");
            if (!string.Equals(creditsInvoice ?? "", group.CreditsInvoice ?? "", StringComparison.Ordinal))
                r.Error("credits_invoice", $"'{creditsInvoice}' differs from {first}'s '{group.CreditsInvoice}': {what} credited invoice");
        }
        if (r.HasErrors || child is null || start is null || end is null || amount is null) return;
        group.Lines.Add(new InvoiceLineDraft(child, placement, start.Value, end.Value, amount.Value, description, overrideReason, r.Line));
    }
}
