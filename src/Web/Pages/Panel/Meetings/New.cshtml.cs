using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Meetings;

/// <summary>One row of members present: blank rows are skipped.</summary>
public sealed class MemberInput
{
    public string? Name { get; set; }
    public Partner Partner { get; set; }
    public string? Role { get; set; }
}

/// <summary>Plans a meeting: its date and place, the members present by partner, and the submitted referrals on its agenda.</summary>
[Authorize(Policy = Policies.Panel)]
public sealed class NewModel(PlanPanelMeeting plan, PanelQueries queries) : PageModel
{
    public const int MemberRows = 5;

    [BindProperty] public DateInput Date { get; set; } = new();
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public List<MemberInput> Members { get; set; } = [];
    [BindProperty] public List<string> Cases { get; set; } = [];

    public IReadOnlyList<Referral> Submitted { get; private set; } = [];

    public static string MemberKey(int row) => $"Members-{row.ToString(CultureInfo.InvariantCulture)}-Name";
    public static readonly string[] DateFields = [nameof(Date)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var date = Date.Parse("date of the meeting", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(Date), dateError);
        var present = Members.Where(m => !string.IsNullOrWhiteSpace(m.Name)).Select(m => (m.Name!.Trim(), m.Partner, m.Role)).ToList();
        if (present.Count == 0) ModelState.AddModelError(MemberKey(0), "Enter the members present, each with their partner");
        if (ModelState.IsValid)
        {
            try
            {
                var meeting = await plan.RunAsync(date!.Value, Location, present, Cases, cancellationToken);
                TempData["Saved"] = $"The meeting on {Display.Date(meeting.Date)} is planned with {Cases.Count} case{(Cases.Count == 1 ? "" : "s")} on its agenda.";
                return RedirectToPage("Meeting", new { id = meeting.Id });
            }
            catch (DomainRuleException refused)
            {
                ModelState.AddModelError(refused.Rule is "MemberNeedsAName" or "MemberAlreadyPresent" or "MeetingNeedsMembers" ? MemberKey(0) : "Cases", refused.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        while (Members.Count < MemberRows) Members.Add(new MemberInput { Partner = (Partner)(Members.Count % 3) });
        Submitted = await queries.ReferralsAsync(ReferralStatus.Submitted, cancellationToken);
    }
}
