using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Pages.Payments;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>
/// A placement's payment history line by line, oldest run first, with what has been paid in each financial year. Only
/// lines of approved (or exported) runs count as paid; a held line is never paid by its run (the run after the hold's
/// release pays it); a draft's lines are shown but not yet approved. The child is shown by reference and initials only.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class PaymentsModel(CommissioningDb commissioning, FinanceDb finance) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";

    public PaidPlacementView Placement { get; private set; } = null!;
    public IReadOnlyList<PaymentHistoryLine> Lines { get; private set; } = [];
    public IReadOnlyList<YearTotals> Totals { get; private set; } = [];
    /// <summary>The hold stopping this placement's payments now, if any.</summary>
    public PaymentHold? ActiveHold { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var placement = await (
            from p in commissioning.Placements.AsNoTracking()
            where p.Reference == Reference
            join c in commissioning.Children on p.ChildId equals c.Id
            join v in commissioning.Providers on p.ProviderId equals v.Id
            select new { p.Id, p.Reference, Child = c.Reference, c.GivenName, c.FamilyName, Provider = v.Reference, ProviderName = v.Name, p.Start, p.End, p.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (placement is null) return NotFound();
        Placement = new PaidPlacementView(placement.Reference, placement.Child, PaymentRunInputs.Initials(placement.GivenName, placement.FamilyName),
            placement.Provider, placement.ProviderName, placement.Start, placement.End, placement.Status);

        var holds = await finance.PaymentHolds.AsNoTracking().Where(h => h.PlacementId == placement.Id).ToListAsync(cancellationToken);
        ActiveHold = holds.Where(h => h.IsActive).MaxBy(h => h.HeldAt);
        var lines = await (
            from l in finance.PaymentLines.AsNoTracking()
            where l.PlacementId == placement.Id
            join r in finance.PaymentRuns on l.PaymentRunId equals r.Id
            select new { Line = l, r.Month, r.Sequence, r.Status })
            .ToListAsync(cancellationToken);
        var holdsById = holds.ToDictionary(h => h.Id);
        Lines = lines
            .OrderBy(x => x.Month).ThenBy(x => x.Sequence).ThenBy(x => x.Line.FinancialYear).ThenBy(x => x.Line.Kind).ThenBy(x => x.Line.Id)
            .Select(x => new PaymentHistoryLine(x.Month, x.Sequence, x.Status, x.Line.FinancialYear, x.Line.Kind, x.Line.Amount, x.Line.Reason,
                x.Line.HoldId is { } holdId ? holdsById.GetValueOrDefault(holdId) : null, x.Line.IsHeld))
            .ToList();
        Totals = Lines.GroupBy(l => l.FinancialYear).OrderBy(g => g.Key)
            .Select(g => new YearTotals(g.Key,
                Money.Sum(g.Where(l => l.CountsAsPaid).Select(l => l.Amount)),
                Money.Sum(g.Where(l => !l.IsHeld && !l.RunIsApproved).Select(l => l.Amount)),
                Money.Sum(g.Where(l => l.IsHeld).Select(l => l.Amount))))
            .ToList();
        return Page();
    }

    /// <summary>How a line's run stands, in words: whether the line is paid is what the reader needs.</summary>
    /// Colours are the run pages' own, so a run looks the same wherever it appears.
    public static (string Text, string TagClass) StatusTag(PaymentRunStatus status) =>
        (status == PaymentRunStatus.Draft ? "Not yet approved" : status.Label(), status.TagClass());
}

/// <summary>The placement as its payments page heads it: references and the child's initials, never a name.</summary>
public sealed record PaidPlacementView(
    string Reference, string ChildReference, string ChildInitials, string ProviderReference, string ProviderName,
    LocalDate Start, LocalDate? End, PlacementStatus Status);

/// <summary>One payment line with its run; <paramref name="Hold"/> is the hold that stopped it, if any.</summary>
public sealed record PaymentHistoryLine(
    YearMonth Month, int Sequence, PaymentRunStatus RunStatus, FinancialYear FinancialYear, PaymentKind Kind, Money Amount,
    string? Reason, PaymentHold? Hold, bool IsHeld)
{
    public bool RunIsApproved => PaymentRun.Pays(RunStatus);

    /// <summary>Paid: in an approved run and not held (a held line is paid, once, by a run after the release).</summary>
    public bool CountsAsPaid => RunIsApproved && !IsHeld;

    /// <summary>The run page's address, as the payment run pages serve it.</summary>
    public string RunHref => $"/Payments/Run/{PaymentDisplay.Route(Month)}/{Sequence}";

    public string RunTitle => Sequence == 1 ? PaymentRun.Describe(Month) : $"{PaymentRun.Describe(Month)}, run {Sequence}";
}

/// <summary>A financial year's lines: paid, in runs not yet approved, and held.</summary>
public sealed record YearTotals(FinancialYear FinancialYear, Money Paid, Money NotYetApproved, Money Held);
