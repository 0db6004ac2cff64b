using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel.Recharges;

/// <summary>
/// The recharge statements to health and social care (what each was sent, has paid and still owes) and the form preparing
/// a period's statements: each partner's share of what the council actually paid in runs approved in the period — the
/// month, or its quarter for a partner recharged quarterly (<c>Panel:RechargeFrequency:*</c>).
/// </summary>
[Authorize(Policy = Policies.Recharges)]
public sealed class IndexModel(PanelQueries queries, RechargeSchedule schedule, IClock clock) : PageModel
{
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public List<Partner> Partners { get; set; } = [];

    public RechargeSchedule Schedule => schedule;
    public LocalDate Today { get; private set; }
    public IReadOnlyList<RechargeStatement> Statements { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(Month), nameof(Partners)];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Month = Today.ToYearMonth().PlusMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Partners = [Partner.Health, Partner.SocialCare];
    }

    public async Task<IActionResult> OnPostAsync([FromServices] PrepareRechargeStatements prepare, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        YearMonth? month = null;
        if (string.IsNullOrWhiteSpace(Month)) ModelState.AddModelError(nameof(Month), "Enter the month, like 2026-11");
        else if (YearMonthPattern.Iso.Parse(Month.Trim()) is { Success: true } parsed) month = parsed.Value;
        else ModelState.AddModelError(nameof(Month), "The month must be a real month, like 2026-11");
        var partners = Partners.Where(p => p is Partner.Health or Partner.SocialCare).Distinct().ToList();
        if (partners.Count == 0) ModelState.AddModelError(nameof(Partners), "Choose the partners to recharge: health, social care or both");
        if (!ModelState.IsValid) return Page();
        try
        {
            Saved = (await prepare.RunAsync(month!.Value, partners, User.Identity!.Name!, cancellationToken)).Message;
            return RedirectToPage();
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(nameof(Month), refused.Message);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Statements = await queries.StatementsAsync(cancellationToken);
    }
}
