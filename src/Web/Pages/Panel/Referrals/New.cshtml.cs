using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Referrals;

/// <summary>
/// A referral to the panel: the proposed placement (proposed in Commissioning with it, in one transaction) and the case —
/// the cost in education, care and health elements, the needs, the partners asked and the supporting documents by name.
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class NewModel(MakeReferral makeReferral, CommissioningDb commissioning, CouncilSettings council) : PageModel
{
    [BindProperty] public string? ChildReference { get; set; }
    [BindProperty] public string? ProviderReference { get; set; }
    [BindProperty] public DateInput Start { get; set; } = new();
    [BindProperty] public Attendance Attendance { get; set; } = Attendance.Day;
    [BindProperty] public string? EducationCost { get; set; }
    [BindProperty] public string? CareCost { get; set; }
    [BindProperty] public string? HealthCost { get; set; }
    [BindProperty] public string? NeedsSummary { get; set; }
    [BindProperty] public bool AskHealth { get; set; }
    [BindProperty] public bool AskSocialCare { get; set; }
    [BindProperty] public string? Documents { get; set; }

    public IReadOnlyList<(string Reference, string Name)> Providers { get; private set; } = [];

    public static readonly string[] FieldOrder =
        [nameof(ChildReference), nameof(ProviderReference), nameof(Start), nameof(Attendance), nameof(EducationCost), nameof(CareCost), nameof(HealthCost),
            nameof(NeedsSummary), nameof(AskHealth), nameof(Documents)];
    public static readonly string[] DateFields = [nameof(Start)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(ChildReference)) ModelState.AddModelError(nameof(ChildReference), "Enter the child's reference");
        if (string.IsNullOrWhiteSpace(ProviderReference)) ModelState.AddModelError(nameof(ProviderReference), "Choose the provider");
        var start = Start.Parse("start date", out var startError);
        if (startError is not null) ModelState.AddModelError(nameof(Start), startError);
        if (!Enum.IsDefined(Attendance)) ModelState.AddModelError(nameof(Attendance), "Choose how the child attends");
        var education = Amount(EducationCost, nameof(EducationCost), "education element");
        var care = Amount(CareCost, nameof(CareCost), "care element");
        var health = Amount(HealthCost, nameof(HealthCost), "health element");
        if (ModelState.IsValid)
        {
            try
            {
                var referral = await makeReferral.RunAsync(new ReferralDraft(
                    new PlacementProposal(ChildReference!.Trim(), ProviderReference!, start!.Value, null, Attendance, council.LaCode, null, false),
                    education, care, health, NeedsSummary ?? "", AskHealth, AskSocialCare, Documents), User.Identity!.Name!, cancellationToken);
                TempData["Saved"] = $"Referral {referral.Reference} is saved as a draft. Submit it when the case is ready for the panel.";
                return RedirectToPage("Referral", new { reference = referral.Reference });
            }
            catch (DomainRuleException refused)
            {
                ModelState.AddModelError(refused.Rule switch
                {
                    "ChildMustExist" => nameof(ChildReference),
                    "ProviderMustExist" => nameof(ProviderReference),
                    "ReferralNeedsACost" => nameof(EducationCost),
                    "ReferralNeedsAPartner" => nameof(AskHealth),
                    "ReferralNeedsANeedsSummary" => nameof(NeedsSummary),
                    _ => nameof(Start),
                }, refused.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A cost element in pounds: blank is £0.00.</summary>
    private Money Amount(string? text, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return Money.Zero;
        if (Money.TryParse(text, out var amount, out _)) return amount;
        ModelState.AddModelError(key, $"The {what} must be an amount of money, like 30000 or £30,000.00");
        return Money.Zero;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Providers = (await commissioning.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Reference, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Reference, p.Name)).ToList();
}
