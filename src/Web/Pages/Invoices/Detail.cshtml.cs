using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning;
using Placements.Finance;
using Placements.Finance.Invoices;
using Placements.Finance.Invoices.Queries;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Invoices;

/// <summary>
/// One invoice as the officer checks it: its lines against the agreement beside it (expected amount and how it was worked
/// out, variance, tolerance), what paying it late costs, and its credit notes. Officers query or reject lines; a finance
/// approver who did not record it approves the ready lines, or part of a queried line with a note. Every action redirects
/// back here (post/redirect/get) with a banner saying what was done.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class DetailModel(InvoiceQueries queries, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public long? LineId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? InterestAmount { get; set; }
    [BindProperty] public DateInput InterestPaidOn { get; set; } = new();

    public InvoiceDetail? Detail { get; private set; }
    public LocalDate Today { get; private set; }
    public bool IsApprover { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static string ReasonKey(long lineId) => $"Reason-{lineId.ToString(CultureInfo.InvariantCulture)}";
    public static string AmountKey(long lineId) => $"Amount-{lineId.ToString(CultureInfo.InvariantCulture)}";
    public static string NoteKey(long lineId) => $"Note-{lineId.ToString(CultureInfo.InvariantCulture)}";
    public const string ApproveKey = "Approve";
    public static readonly string[] DateFields = [nameof(InterestPaidOn)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostQueryAsync(CancellationToken cancellationToken) =>
        DecideLineAsync(async (lineId, reason) =>
        {
            var line = await Use<QueryInvoiceLine>().QueryAsync(lineId, reason, User.Identity!.Name!, cancellationToken);
            return $"Line {line.LineNumber} ({line.ChildInitials} {line.ChildReference}) is queried with the provider: {line.QueryReason}";
        }, "Say why you are querying the line", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        DecideLineAsync(async (lineId, reason) =>
        {
            var line = await Use<QueryInvoiceLine>().RejectAsync(lineId, reason, User.Identity!.Name!, cancellationToken);
            return $"Line {line.LineNumber} ({line.ChildInitials} {line.ChildReference}) is rejected: {line.QueryReason}";
        }, "Say why you are rejecting the line", cancellationToken);

    /// <summary>Approves every line ready to approve, each for its net invoiced amount.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.FinanceApprover)) return Forbid();
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var ready = Detail!.Lines.Select(l => l.Line).Where(l => l.Status == InvoiceLineStatus.ReadyToApprove).ToList();
        if (ready.Count == 0)
        {
            ModelState.AddModelError(ApproveKey, "No line is ready to approve");
            return Page();
        }
        try
        {
            var invoice = await Use<ApproveInvoice>().ApproveAsync(Id, ready.Select(l => new LineApproval(l.Id, l.NetInvoiced, null)).ToList(),
                User.Identity!.Name!, cancellationToken);
            Saved = $"You approved {ready.Count} line{(ready.Count == 1 ? "" : "s")} of {invoice.Kind.Label().ToLowerInvariant()} {invoice.Number}: "
                    + $"{Money.Sum(ready.Select(l => l.NetInvoiced))}. The next payment run pays {(ready.Count == 1 ? "it" : "them")}.";
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(ApproveKey, refused.Message);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Approves part (or all) of one line, with a note saying why the rest is disputed.</summary>
    public async Task<IActionResult> OnPostApprovePartAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.FinanceApprover)) return Forbid();
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (LineId is not { } lineId || Detail!.Lines.All(l => l.Line.Id != lineId)) return NotFound();
        Money amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(Amount))
            ModelState.AddModelError(AmountKey(lineId), "Enter the amount to approve");
        else if (!Money.TryParse(Amount, out amount, out _))
            ModelState.AddModelError(AmountKey(lineId), "The amount to approve must be an amount of money, like 1200.00");
        if (!ModelState.IsValid) return Page();
        try
        {
            var invoice = await Use<ApproveInvoice>().ApproveAsync(Id, [new LineApproval(lineId, amount, Note)], User.Identity!.Name!, cancellationToken);
            var line = invoice.Lines.Single(l => l.Id == lineId);
            Saved = line.Status == InvoiceLineStatus.PartlyApproved
                ? $"You approved {line.ApprovedAmount} of line {line.LineNumber}; {line.Disputed} stays disputed."
                : $"You approved line {line.LineNumber}: {line.ApprovedAmount}.";
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(refused.Rule == "PartialApprovalNeedsANote" ? NoteKey(lineId) : AmountKey(lineId), refused.Message);
        }
        return Page();
    }

    /// <summary>Records the statutory interest and compensation the council paid on this invoice (from the general fund).</summary>
    public async Task<IActionResult> OnPostInterestAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Money amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(InterestAmount))
            ModelState.AddModelError(nameof(InterestAmount), "Enter the interest and compensation paid");
        else if (!Money.TryParse(InterestAmount, out amount, out _))
            ModelState.AddModelError(nameof(InterestAmount), "The interest and compensation paid must be an amount of money, like 325.05");
        var paidOn = InterestPaidOn.Parse("date the interest was paid", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(InterestPaidOn), dateError);
        else if (paidOn > Today) ModelState.AddModelError(nameof(InterestPaidOn), "The date the interest was paid must be today or in the past");
        if (!ModelState.IsValid) return Page();
        try
        {
            var invoice = await Use<RecordLatePaymentInterest>().RecordAsync(Id, amount, paidOn!.Value, User.Identity!.Name!, cancellationToken);
            Saved = $"Interest and compensation of {invoice.InterestPaid} paid on {Display.Date(invoice.InterestPaidOn)} is recorded.";
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(nameof(InterestAmount), refused.Message);
        }
        return Page();
    }

    private async Task<IActionResult> DecideLineAsync(Func<long, string, Task<string>> decide, string needsReason, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (LineId is not { } lineId || Detail!.Lines.All(l => l.Line.Id != lineId)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(ReasonKey(lineId), needsReason);
            return Page();
        }
        try
        {
            Saved = await decide(lineId, Reason);
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(ReasonKey(lineId), refused.Message);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    // The use cases are resolved per handler, so showing the page needs only the query.
    private T Use<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        IsApprover = User.IsInRole(Roles.FinanceApprover);
        Detail = await queries.DetailAsync(Id, Today, cancellationToken);
        if (Detail is { LateCharge: { } charge, Invoice.InterestPaid: null } && string.IsNullOrWhiteSpace(InterestAmount))
            InterestAmount = charge.Total.ToPlainString();
        return Detail is not null;
    }
}
