using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Web.Hosting;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Children;

/// <summary>Propose a placement for a child. Saved as proposed; age-range and designation advice is shown, never blocking.</summary>
[Authorize(Policy = Policies.Commissioning)]
public sealed class ProposeModel(CommissioningDb db, CouncilSettings council) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public DateInput Start { get; set; } = new();
    [BindProperty] public DateInput End { get; set; } = new();
    [BindProperty] public Attendance Attendance { get; set; } = Attendance.Day;
    [BindProperty] public string? ResponsibleLa { get; set; }
    [BindProperty] public OutOfAreaReason? OutOfAreaReason { get; set; }
    [BindProperty] public bool DualRegistration { get; set; }

    public string ChildName { get; private set; } = "";
    public IReadOnlyList<(string Reference, string Name, string LaCode)> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ResponsibleLa = council.LaCode;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Only our own fields count: Attendance and the reason bind from fixed choices, so a tampered value is simply refused below.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Provider)) ModelState.AddModelError(nameof(Provider), "Choose the provider");
        var start = Start.Parse("start date", out var startError);
        if (startError is not null) ModelState.AddModelError(nameof(Start), startError);
        LocalDate? end = null;
        if (!End.IsEmpty)
        {
            end = End.Parse("end date", out var endError);
            if (endError is not null) ModelState.AddModelError(nameof(End), endError);
        }
        if (string.IsNullOrWhiteSpace(ResponsibleLa)) ModelState.AddModelError(nameof(ResponsibleLa), "Enter the code of the responsible local authority");
        if (!Enum.IsDefined(Attendance)) ModelState.AddModelError(nameof(Attendance), "Choose how the child attends");

        if (ModelState.IsValid)
        {
            try
            {
                var proposed = await new ProposePlacement(db).ExecuteAsync(new PlacementProposal(
                    Reference, Provider!, start!.Value, end, Attendance, ResponsibleLa!.Trim(), OutOfAreaReason, DualRegistration), cancellationToken);
                TempData["Done"] = $"Placement {proposed.Reference} proposed. Agree it when the decision is made.";
                if (proposed.Warnings.Count > 0) TempData["Warnings"] = string.Join('\n', proposed.Warnings);
                return RedirectToPage("Details", new { Reference });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule switch
                {
                    PlacementRules.PlacementMustNotEndBeforeItStarts => nameof(End),
                    "ProviderMustExist" => nameof(Provider),
                    "ResponsibleLaIsRequired" => nameof(ResponsibleLa),
                    _ => "",
                }, e.Message);
            }
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var child = await db.Children.Where(c => c.Reference == Reference).Select(c => new { c.GivenName, c.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (child is null) return false;
        ChildName = $"{child.GivenName} {child.FamilyName}";
        Providers = (await db.Providers.OrderBy(p => p.Name).Select(p => new { p.Reference, p.Name, p.LaCode }).ToListAsync(cancellationToken))
            .Select(p => (p.Reference, p.Name, p.LaCode)).ToList();
        return true;
    }
}
