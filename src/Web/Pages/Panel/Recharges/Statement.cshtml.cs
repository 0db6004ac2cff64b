using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Reports.Pdf;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Recharges;

/// <summary>One partner's statement: each line's share of what was paid, the receipts, the PDF to send, and a receipt recorded when the partner pays.</summary>
[Authorize(Policy = Policies.Recharges)]
public sealed class StatementModel(PanelQueries queries, CouncilSettings council, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public DateInput ReceivedOn { get; set; } = new();

    public RechargeStatement? Statement { get; private set; }
    public LocalDate Today { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(Amount), nameof(ReceivedOn)];
    public static readonly string[] DateFields = [nameof(ReceivedOn)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(PanelDocumentsPdf.RechargeStatement(new RechargeStatementDocument(council.Name, Statement!)), "application/pdf", $"{Statement!.Reference}.pdf")
            : NotFound();

    /// <summary>
    /// The statement as income for the ledger (<c>recharge-income-RCH-….csv</c>): one row per line, the partner's share credited to
    /// the s251 line the payment was charged to, so finance posts each recharge against the cost it recovers.
    /// </summary>
    public async Task<IActionResult> OnGetIncomeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var s = Statement!;
        var csv = Reports.ReportCsv.Write(
            ["statement", "partner", "period_start", "period_end", "s251_line", "placement_ref", "child_initials", "description", "days_from", "days_to", "income"],
            s.Lines.OrderBy(l => l.S251Line, StringComparer.Ordinal).ThenBy(l => l.PlacementReference, StringComparer.Ordinal).ThenBy(l => l.DaysFrom)
                .Select(l => (IReadOnlyList<object?>)[s.Reference, s.Partner.ToString(), s.PeriodStart, s.PeriodEnd, l.S251Line, l.PlacementReference,
                    l.ChildInitials, l.Description, l.DaysFrom, l.DaysTo, l.Share]));
        return File(csv, "text/csv", $"recharge-income-{s.Reference}.csv");
    }

    public async Task<IActionResult> OnPostReceiptAsync([FromServices] RecordRechargeReceipt record, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Money amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(Amount)) ModelState.AddModelError(nameof(Amount), "Enter the amount received");
        else if (!Money.TryParse(Amount, out amount, out _)) ModelState.AddModelError(nameof(Amount), "The amount received must be an amount of money, like 1500.00");
        var on = ReceivedOn.Parse("date received", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(ReceivedOn), dateError);
        else if (on > Today) ModelState.AddModelError(nameof(ReceivedOn), "The date received must be today or in the past");
        if (!ModelState.IsValid) return Page();
        try
        {
            var statement = await record.RunAsync(Id, amount, on!.Value, User.Identity!.Name!, cancellationToken);
            Saved = $"{amount} received from {statement.Partner.Name()} on {Display.Date(on.Value)}: {statement.Outstanding} outstanding.";
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(nameof(Amount), refused.Message);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Statement = await queries.StatementAsync(Id, cancellationToken);
        return Statement is not null;
    }
}
