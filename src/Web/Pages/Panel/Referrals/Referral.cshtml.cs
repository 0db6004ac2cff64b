using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Reports.Pdf;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Referrals;

/// <summary>One case: its details, status, documents and the decisions so far; a draft is submitted from here, and each decision's letter downloads.</summary>
[Authorize(Policy = Policies.Panel)]
public sealed class ReferralModel(PanelQueries queries, CouncilSettings council) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";

    public Referral? Case { get; private set; }
    public IReadOnlyList<PanelDecision> Decisions { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync([FromServices] SubmitReferral submit, CancellationToken cancellationToken)
    {
        try
        {
            var referral = await submit.RunAsync(Reference, cancellationToken);
            Saved = $"Referral {referral.Reference} is submitted: put it on a meeting's agenda.";
            return RedirectToPage(new { reference = Reference });
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError("submit", refused.Message);
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The decision letter to the family and provider for one of the case's decisions.</summary>
    public async Task<IActionResult> OnGetLetterAsync(int decision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Decisions.SingleOrDefault(d => d.Id == decision) is not { } chosen) return NotFound();
        var meeting = chosen.MeetingId is { } id ? (await queries.MeetingAsync(id, cancellationToken))?.Meeting : null;
        return File(PanelDocumentsPdf.DecisionLetter(new PanelLetter(council.Name, Case!, chosen, meeting)), "application/pdf",
            $"decision-{Case!.Reference}-{chosen.EffectiveFrom:yyyy-MM-dd}.pdf");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Case = await queries.ReferralAsync(Reference, cancellationToken);
        if (Case is null) return false;
        Decisions = (await queries.HistoryAsync(Case.ChildReference, cancellationToken)).Decisions.Where(d => d.ReferralId == Case.Id).ToList();
        return true;
    }
}
