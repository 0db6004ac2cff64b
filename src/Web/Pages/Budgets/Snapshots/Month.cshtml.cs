using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Budgets.Snapshots;

/// <summary>
/// One month's snapshot as it was taken: its lines with their status then and the month before, its provision types,
/// the movement from the snapshot before it, and the budget holders' notes, with a form to add one.
/// </summary>
[Authorize(Policy = Policies.Budgets)]
public sealed class MonthModel(BudgetMonitoringQueries queries, AnnotateBudgetSnapshot annotate) : PageModel
{
    [BindProperty] public string? S251Line { get; set; }
    [BindProperty] public string? Text { get; set; }
    [TempData] public string? Saved { get; set; }

    public BudgetSnapshot Snapshot { get; private set; } = null!;
    public BudgetSnapshot? Previous { get; private set; }
    public ForecastMovementResult? Movement { get; private set; }

    public static readonly string[] FieldOrder = [nameof(S251Line), nameof(Text)];

    public async Task<IActionResult> OnGetAsync(string month, CancellationToken cancellationToken) =>
        await LoadAsync(month, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string month, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(month, cancellationToken)) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(S251Line)) ModelState.AddModelError(nameof(S251Line), "Select the line the note is about");
        if (string.IsNullOrWhiteSpace(Text)) ModelState.AddModelError(nameof(Text), "Write the note");
        if (!ModelState.IsValid) return Page();
        try
        {
            await annotate.RunAsync(Snapshot.Month, S251Line!, Text!, User.Identity?.Name ?? "unknown", cancellationToken);
            Saved = $"Your note on {S251Line} is added to the {BudgetDisplay.Month(Snapshot.Month)} snapshot.";
            return RedirectToPage(new { month });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Rule == "NoteMustBeOnALineOfTheSnapshot" ? nameof(S251Line) : nameof(Text), e.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string month, CancellationToken cancellationToken)
    {
        if (YearMonthPattern.Iso.Parse(month ?? "") is not { Success: true } parsed) return false;
        if (await queries.SnapshotAsync(parsed.Value, cancellationToken) is not { } snapshot) return false;
        Snapshot = snapshot;
        Previous = await queries.PreviousSnapshotAsync(snapshot.FinancialYear, snapshot.AsAt, cancellationToken);
        Movement = Previous is null ? null : await queries.MovementBetweenAsync(Previous, snapshot, cancellationToken);
        return true;
    }

    public IReadOnlyList<BudgetSnapshotLine> Lines => Snapshot.Lines.OrderBy(l => BudgetMonitoringQueries.S251Order(l.S251Line)).ToList();

    public IReadOnlyList<BudgetSnapshotNote> Notes =>
        Snapshot.Notes.OrderBy(n => BudgetMonitoringQueries.S251Order(n.S251Line)).ThenBy(n => n.WrittenAt).ToList();
}
