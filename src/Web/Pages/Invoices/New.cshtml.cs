using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Invoices;

/// <summary>One row of the form's lines table, bound as text so a mistyped value comes back as it was typed.</summary>
public sealed class LineInput
{
    public string? ChildReference { get; set; }
    public string? PlacementReference { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? Amount { get; set; }
    public string? Description { get; set; }
    public string? DuplicateOverrideReason { get; set; }

    public bool IsBlank => new[] { ChildReference, PlacementReference, PeriodStart, PeriodEnd, Amount, Description, DuplicateOverrideReason }
        .All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Records a provider's invoice (or a credit note against one) from the paper or PDF in front of the officer: the provider,
/// its number and dates, and up to <see cref="LineRows"/> lines, blank rows ignored. RecordInvoice finds every error at
/// once; each is listed in the error summary and linked to its field. Nothing is written unless all is well.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed partial class NewModel(CommissioningDb commissioning, FinanceDb finance, RecordInvoice record) : PageModel
{
    public const int LineRows = 5;

    /// <summary>Fee-paid providers: the council pays their invoices rather than a top-up schedule (domain.md §3, §5).</summary>
    public static readonly ProvisionType[] FeePaid = [ProvisionType.IndependentSpecial, ProvisionType.NonMaintainedSpecial, ProvisionType.SpecialPost16];

    /// <summary>From the invoice page's "Record a credit note": the invoice it credits.</summary>
    [BindProperty(SupportsGet = true)] public int? Credits { get; set; }
    [BindProperty(SupportsGet = true)] public InvoiceKind Kind { get; set; } = InvoiceKind.Invoice;
    [BindProperty] public string? ProviderReference { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? CreditsInvoiceNumber { get; set; }
    [BindProperty] public DateInput InvoiceDate { get; set; } = new();
    [BindProperty] public DateInput ReceivedOn { get; set; } = new();
    [BindProperty] public List<LineInput> Lines { get; set; } = [];

    public IReadOnlyList<(string Reference, string Name)> Providers { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public static string LineKey(int row, string field) => $"Lines_{row}__{field}";

    private static readonly string[] LineFields =
    [
        nameof(LineInput.ChildReference), nameof(LineInput.PlacementReference), nameof(LineInput.PeriodStart), nameof(LineInput.PeriodEnd),
        nameof(LineInput.Amount), nameof(LineInput.Description), nameof(LineInput.DuplicateOverrideReason),
    ];

    public static readonly string[] DateFields = [nameof(InvoiceDate), nameof(ReceivedOn)];

    public static string[] FieldOrder { get; } =
    [
        nameof(ProviderReference), nameof(Number), nameof(CreditsInvoiceNumber), nameof(InvoiceDate), nameof(ReceivedOn),
        .. Enumerable.Range(0, LineRows).SelectMany(row => LineFields.Select(f => LineKey(row, f))),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Credits is { } creditedId)
        {
            var credited = await finance.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == creditedId, cancellationToken);
            if (credited is null) return NotFound();
            (Kind, ProviderReference, CreditsInvoiceNumber) = (InvoiceKind.CreditNote, credited.ProviderReference, credited.Number);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var draft = Read();
        if (draft is not null)
        {
            try
            {
                var invoice = await record.RecordAsync(draft, User.Identity!.Name!, cancellationToken);
                Saved = $"{invoice.Kind.Label()} {invoice.Number} from {invoice.ProviderReference} is recorded: {invoice.Lines.Count} line{(invoice.Lines.Count == 1 ? "" : "s")}, {invoice.Total}, due by {Display.Date(invoice.DueOn)}.";
                return RedirectToPage("Detail", new { id = invoice.Id });
            }
            catch (InvoiceRejectedException rejected)
            {
                foreach (var error in rejected.Errors) ModelState.AddModelError(KeyFor(error), error.Message);
            }
            catch (DomainRuleException refused)
            {
                ModelState.AddModelError(nameof(Number), refused.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The draft, or null when the form itself is incomplete (each problem added to the model state).</summary>
    private InvoiceDraft? Read()
    {
        while (Lines.Count < LineRows) Lines.Add(new LineInput());
        if (string.IsNullOrWhiteSpace(ProviderReference)) ModelState.AddModelError(nameof(ProviderReference), "Select the provider");
        if (string.IsNullOrWhiteSpace(Number))
            ModelState.AddModelError(nameof(Number), Kind == InvoiceKind.CreditNote ? "Enter the credit note number" : "Enter the invoice number");
        if (Kind == InvoiceKind.CreditNote && string.IsNullOrWhiteSpace(CreditsInvoiceNumber))
            ModelState.AddModelError(nameof(CreditsInvoiceNumber), "Enter the number of the invoice the credit note reduces");
        var invoiceDate = InvoiceDate.Parse(Kind == InvoiceKind.CreditNote ? "credit note date" : "invoice date", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(InvoiceDate), dateError);
        var receivedOn = ReceivedOn.Parse("date received", out var receivedError);
        if (receivedError is not null) ModelState.AddModelError(nameof(ReceivedOn), receivedError);

        var lines = new List<InvoiceLineDraft>();
        _rows.Clear();
        for (var row = 0; row < Lines.Count && row < LineRows; row++)
        {
            var input = Lines[row];
            if (input.IsBlank) continue;
            var number = row + 1;
            if (string.IsNullOrWhiteSpace(input.ChildReference))
                ModelState.AddModelError(LineKey(row, nameof(LineInput.ChildReference)), $"Enter the child reference on line {number}");
            var start = ReadDate(input.PeriodStart, row, nameof(LineInput.PeriodStart), $"start of the period on line {number}");
            var end = ReadDate(input.PeriodEnd, row, nameof(LineInput.PeriodEnd), $"end of the period on line {number}");
            Money amount = Money.Zero;
            if (string.IsNullOrWhiteSpace(input.Amount))
                ModelState.AddModelError(LineKey(row, nameof(LineInput.Amount)), $"Enter the amount on line {number}");
            else if (!Money.TryParse(input.Amount, out amount, out _))
                ModelState.AddModelError(LineKey(row, nameof(LineInput.Amount)), $"The amount on line {number} must be an amount of money, like 11408.80 or £11,408.80");
            if (start is { } s && end is { } e && !string.IsNullOrWhiteSpace(input.ChildReference) && !string.IsNullOrWhiteSpace(input.Amount))
            {
                _rows.Add(row);
                lines.Add(new InvoiceLineDraft(input.ChildReference.Trim(), Blank(input.PlacementReference), s, e, amount,
                    Blank(input.Description), Blank(input.DuplicateOverrideReason)));
            }
        }
        if (Lines.All(l => l.IsBlank))
            ModelState.AddModelError(LineKey(0, nameof(LineInput.ChildReference)), "Enter at least one line: a child, a period and an amount");
        if (!ModelState.IsValid || invoiceDate is null || receivedOn is null) return null;
        return new InvoiceDraft(ProviderReference!.Trim(), Number!.Trim(), Kind, invoiceDate.Value, receivedOn.Value,
            Kind == InvoiceKind.CreditNote ? Blank(CreditsInvoiceNumber) : null, lines, "form");
    }

    /// <summary>The form row of each draft line (blank rows are skipped, so draft line n is not always row n).</summary>
    private readonly List<int> _rows = [];

    private static readonly LocalDatePattern[] DatePatterns =
        [LocalDatePattern.CreateWithInvariantCulture("d/M/uuuu"), LocalDatePattern.Iso, LocalDatePattern.CreateWithInvariantCulture("d M uuuu")];

    private LocalDate? ReadDate(string? text, int row, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(LineKey(row, field), $"Enter the {what}");
            return null;
        }
        foreach (var pattern in DatePatterns)
            if (pattern.Parse(text.Trim()) is { Success: true } parsed) return parsed.Value;
        ModelState.AddModelError(LineKey(row, field), $"The {what} must be a real date, like 1/9/2026");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The model-state key (and so the field linked from the summary) of a use-case error: its column, on its line when it
    /// has one (<c>child_ref</c> on line 2, or <c>lines[2].period_end</c>).
    /// </summary>
    private string KeyFor(InvoiceError error)
    {
        var field = error.Field ?? "";
        int? line = error.Line;
        if (LinePrefix().Match(field) is { Success: true } m)
        {
            line ??= int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            field = field[m.Length..];
        }
        var row = line is { } n && n >= 1 && n <= _rows.Count ? _rows[n - 1] : (int?)null;
        var lineField = field.ToLowerInvariant() switch
        {
            "child_ref" or "child" or "childreference" => nameof(LineInput.ChildReference),
            "placement_ref" or "placement" or "placementreference" => nameof(LineInput.PlacementReference),
            "period_start" or "periodstart" => nameof(LineInput.PeriodStart),
            "period_end" or "periodend" or "period" => nameof(LineInput.PeriodEnd),
            "amount" => nameof(LineInput.Amount),
            "description" => nameof(LineInput.Description),
            "duplicate_override_reason" or "duplicateoverridereason" => nameof(LineInput.DuplicateOverrideReason),
            _ => null,
        };
        if (lineField is not null) return LineKey(row ?? 0, lineField);
        return field.ToLowerInvariant() switch
        {
            "provider_ref" or "provider" or "providerreference" => nameof(ProviderReference),
            "invoice_date" or "invoicedate" => nameof(InvoiceDate),
            "received_date" or "received_on" or "receivedon" => nameof(ReceivedOn),
            "credits_invoice" or "creditsinvoicenumber" => Kind == InvoiceKind.CreditNote ? nameof(CreditsInvoiceNumber) : nameof(Number),
            "lines" => LineKey(0, nameof(LineInput.ChildReference)),
            _ when row is { } r => LineKey(r, nameof(LineInput.ChildReference)),
            _ => nameof(Number),
        };
    }

    [GeneratedRegex(@"^lines\[(\d+)\]\.?", RegexOptions.IgnoreCase)]
    private static partial Regex LinePrefix();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        while (Lines.Count < LineRows) Lines.Add(new LineInput());
        Providers = (await commissioning.Providers.AsNoTracking().Where(p => FeePaid.Contains(p.ProvisionType))
                .OrderBy(p => p.Name).Select(p => new { p.Reference, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Reference, p.Name)).ToList();
    }
}
