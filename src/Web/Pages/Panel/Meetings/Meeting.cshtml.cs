using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Reports.Pdf;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Meetings;

/// <summary>
/// A meeting: the members present by partner and the agenda, each case with its cost; the panel decides each case here
/// (only panel members: the page's policy). An approval agrees the placement and its funding with the decision, or
/// nothing is saved and the rule's message is shown.
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class MeetingModel(PanelQueries queries, CommissioningDb commissioning, CouncilSettings council) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Case { get; set; }
    [BindProperty] public PanelOutcome? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public DateInput Start { get; set; } = new();
    [BindProperty] public DateInput Review { get; set; } = new();
    [BindProperty] public SplitInput Split { get; set; } = new();

    public MeetingAgenda? Agenda { get; private set; }
    /// <summary>Each case's proposed placement start: the date an approval takes effect.</summary>
    public IReadOnlyDictionary<int, LocalDate> PlacementStarts { get; private set; } = new Dictionary<int, LocalDate>();
    [TempData] public string? Saved { get; set; }

    /// <summary>The model-state key of a field of one case's decision form (also the id of its input).</summary>
    public static string Key(string reference, string field) => $"{reference}-{field}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync([FromServices] DecideCase decide, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (Agenda!.Cases.SingleOrDefault(c => c.Reference == Case && c.Status == ReferralStatus.OnAgenda && c.MeetingId == Id) is not { } referral) return NotFound();
        var reference = referral.Reference;
        if (Outcome is not { } outcome || !Enum.IsDefined(outcome)) ModelState.AddModelError(Key(reference, "Outcome"), "Choose the panel's decision");
        var approves = Outcome is PanelOutcome.Approve or PanelOutcome.ApproveWithConditions;
        // A deferral or decline needs no start date: it is recorded on the proposed start.
        var start = PlacementStarts[referral.PlacementId];
        if (approves || !Start.IsEmpty)
        {
            start = Start.Parse("start date", out var startError) ?? start;
            if (startError is not null) ModelState.AddModelError(Key(reference, "Start"), startError);
        }
        LocalDate? review = null;
        if (approves || !Review.IsEmpty)
        {
            review = Review.Parse("review date", out var reviewError);
            if (reviewError is not null) ModelState.AddModelError(Key(reference, "Review"), reviewError);
        }
        CostSplit? split = null;
        if (approves)
        {
            split = Split.Parse(referral.ProposedAnnualCost, out var splitError);
            if (splitError is not null) ModelState.AddModelError(Key(reference, "Split"), splitError);
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var decision = await decide.RunAsync(new CaseDecision(reference, Outcome!.Value, Reasons ?? "", Conditions, start, review, split), User.Identity!.Name!, cancellationToken);
            Saved = $"{PanelDecision.Describe(decision.Outcome)}: {referral.ChildInitials} ({referral.ChildReference}), referral {reference}."
                    + (decision.Split is { } decided ? $" Split: {decided}." : "");
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(Key(reference, refused.Rule switch
            {
                "DecisionNeedsReasons" => "Reasons",
                "ConditionsNeedText" => "Conditions",
                "ApprovalNeedsStartAndReviewDates" or "ReviewMustFollowStart" => "Review",
                "DecisionStartMustBeThePlacementStart" => "Start",
                "ApprovalNeedsASplit" or "SplitMustSumToWholeCost" or "SplitShareMustNotBeNegative" or "SplitCostMustBePositive" => "Split",
                _ => "Outcome",
            }), refused.Message);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The minutes: members present, and each case with its decision.</summary>
    public async Task<IActionResult> OnGetMinutesAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        return File(PanelDocumentsPdf.Minutes(new PanelMinutes(council.Name, Agenda!)), "application/pdf", $"panel-minutes-{Agenda!.Meeting.Date:yyyy-MM-dd}.pdf");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Agenda = await queries.MeetingAsync(Id, cancellationToken);
        if (Agenda is null) return false;
        var placements = Agenda.Cases.Select(c => c.PlacementId).ToList();
        PlacementStarts = await commissioning.Placements.AsNoTracking().Where(p => placements.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Start, cancellationToken);
        return true;
    }
}
