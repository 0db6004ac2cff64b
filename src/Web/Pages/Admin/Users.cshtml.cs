using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placements.Accounts;
using Placements.Finance;
using Placements.Web.Pages.Funding;
using Placements.Web.Security;

namespace Placements.Web.Pages.Admin;

/// <summary>
/// Every member of staff with their roles, and each finance approver's approval limit: the largest run they may approve
/// alone. An Administrator sets or removes a limit here (as <c>users add … --approval-limit</c> sets it at creation).
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed partial class UsersModel(UserManager<StaffUser> users, StaffAccounts accounts) : PageModel
{
    /// <summary>Whose limit the posted form sets.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>The limit typed, in pounds; empty removes it.</summary>
    [BindProperty] public string? ApprovalLimit { get; set; }

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the limit is read and checked here, with GOV.UK wording
        await LoadAsync(cancellationToken);
        if (Staff.SingleOrDefault(s => s.IsApprover && s.UserName == UserName) is not { } approver) return NotFound();
        var field = approver.LimitField;
        var limit = ModelState.ReadAmount(field, ApprovalLimit, $"approval limit for {approver.UserName}", required: false);
        if (ModelState.IsValid)
        {
            var problems = await accounts.SetApprovalLimitAsync(approver.UserName, limit);
            foreach (var problem in problems) ModelState.AddModelError(field, problem);
            if (problems.Count == 0)
            {
                Saved = limit is { } set
                    ? $"{approver.UserName} may now approve payment runs up to {set} alone."
                    : $"{approver.UserName}'s approval limit is removed: they cannot approve payment runs until one is set.";
                return RedirectToPage();
            }
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Staff are counted in dozens, so a roles query per user is cheaper to read than a join over Identity's tables.
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var rows = new List<StaffRow>(all.Count);
        foreach (var user in all)
        {
            var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            rows.Add(new StaffRow(user.UserName ?? "", user.DisplayName, roles,
                user.ApprovalLimitPence is { } pence ? new Money(pence) : null));
        }
        Staff = rows;
    }

    /// <summary>One member of staff as the page lists them.</summary>
    public sealed record StaffRow(string UserName, string DisplayName, IReadOnlyList<string> Roles, Money? ApprovalLimit)
    {
        public bool IsApprover => Roles.Contains(Accounts.Roles.FinanceApprover);

        /// <summary>The id of this approver's limit input (and its error's key): user names may hold '.', '@' or '+'.</summary>
        public string LimitField => "limit-" + NotIdSafe().Replace(UserName, "-");
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdSafe();
}
