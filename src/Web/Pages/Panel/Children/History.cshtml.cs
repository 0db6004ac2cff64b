using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Commissioning;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Children;

/// <summary>
/// A child's history at the panel: every referral and every decision over time, with its split and the date it took
/// effect, superseded ones marked. A decided case's decision is changed from a date by a new decision that supersedes
/// it (never by editing it), so recharges change from that date only.
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class HistoryModel(PanelQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string ChildReference { get; set; } = "";
    [BindProperty] public string? Case { get; set; }
    [BindProperty] public PanelOutcome? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public DateInput EffectiveFrom { get; set; } = new();
    [BindProperty] public DateInput Review { get; set; } = new();
    [BindProperty] public string? AnnualCost { get; set; }
    [BindProperty] public SplitInput Split { get; set; } = new();

    public CaseHistory? History { get; private set; }
    /// <summary>The decided cases whose approval is in force: the ones a new decision can supersede, each with its cost in force.</summary>
    public IReadOnlyList<(Referral Referral, PanelDecision InForce)> Changeable { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(Case), nameof(Outcome), nameof(Reasons), nameof(EffectiveFrom), nameof(Review), nameof(AnnualCost), SplitKey];
    public const string SplitKey = "Change-Split";
    public static readonly string[] DateFields = [nameof(EffectiveFrom), nameof(Review)];

    /// <summary>Whether a later decision replaced <paramref name="decision"/>.</summary>
    public bool IsSuperseded(PanelDecision decision) => History!.Decisions.Any(d => d.SupersedesId == decision.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromServices] DecideCase decide, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var chosen = Changeable.SingleOrDefault(c => c.Referral.Reference == Case);
        if (chosen.Referral is null) ModelState.AddModelError(nameof(Case), "Choose the case whose decision changes");
        if (Outcome is not (PanelOutcome.Approve or PanelOutcome.Decline)) ModelState.AddModelError(nameof(Outcome), "Choose approve (a new split or cost) or decline (ending the joint funding)");
        var from = EffectiveFrom.Parse("date the change takes effect", out var fromError);
        if (fromError is not null) ModelState.AddModelError(nameof(EffectiveFrom), fromError);
        var approves = Outcome == PanelOutcome.Approve;
        NodaTime.LocalDate? review = null;
        if (approves)
        {
            review = Review.Parse("review date", out var reviewError);
            if (reviewError is not null) ModelState.AddModelError(nameof(Review), reviewError);
        }
        CostSplit? split = null;
        if (approves && chosen.Referral is not null)
        {
            var cost = chosen.InForce.AnnualCost;
            if (!string.IsNullOrWhiteSpace(AnnualCost) && !Money.TryParse(AnnualCost, out cost, out _))
                ModelState.AddModelError(nameof(AnnualCost), "The whole annual cost must be an amount of money, like 60000.00");
            else
            {
                split = Split.Parse(cost, out var splitError);
                if (splitError is not null) ModelState.AddModelError(SplitKey, splitError);
            }
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var decision = await decide.RunAsync(new CaseDecision(Case!, Outcome!.Value, Reasons ?? "", null, from!.Value, review, split), User.Identity!.Name!, cancellationToken);
            Saved = $"{PanelDecision.Describe(decision.Outcome)} from {Display.Date(decision.EffectiveFrom)}: the decision before it stands until then."
                    + (decision.Split is { } decided ? $" Split: {decided}." : "");
            return RedirectToPage(new { ChildReference });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(refused.Rule switch
            {
                "DecisionNeedsReasons" => nameof(Reasons),
                "ApprovalNeedsStartAndReviewDates" or "ReviewMustFollowStart" => nameof(Review),
                "SupersedingDecisionMustFollowTheLast" => nameof(EffectiveFrom),
                "SplitMustSumToWholeCost" or "SplitShareMustNotBeNegative" or "SplitCostMustBePositive" or "ApprovalNeedsASplit" => SplitKey,
                _ => nameof(Case),
            }, refused.Message);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        History = await queries.HistoryAsync(ChildReference, cancellationToken);
        if (History.Referrals.Count == 0) return false;
        Changeable = History.Referrals.Where(r => r.Status == ReferralStatus.Decided)
            .Select(r => (Referral: r, InForce: History.Decisions.Where(d => d.ReferralId == r.Id && d.Outcome != PanelOutcome.Defer).LastOrDefault()))
            .Where(x => x.InForce is { Approves: true })
            .Select(x => (x.Referral, x.InForce!)).ToList();
        return true;
    }
}
