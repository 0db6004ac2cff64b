using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Payments;
using Placements.Web.Security;

namespace Placements.Web.Pages.Payments;

/// <summary>
/// The payment runs, newest first, and a form to prepare a month's run now: the preparation runs as the Quartz job (so
/// one node prepares a month at a time) and the officer follows its progress on the run page.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class IndexModel(FinanceDb finance, CommissioningDb commissioning, IClock clock, PaymentRunProgress progress, PaymentOperations operations)
    : PageModel
{
    /// <summary>The month to prepare, as typed (1–12).</summary>
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Year { get; set; }

    public IReadOnlyList<PaymentRun> Runs { get; private set; } = [];

    public static readonly string[] FieldOrder = [nameof(Month), nameof(Year)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.TodayInLondon();
        Month = now.Month.ToString(CultureInfo.InvariantCulture);
        Year = now.Year.ToString(CultureInfo.InvariantCulture);
        Runs = await new PaymentRunView(finance, commissioning).RunsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var month = ReadMonth();
        if (month is { } m && progress.For(m) is { Finished: false } running)
            ModelState.AddModelError(nameof(Month), $"{running.RequestedBy} is already preparing the {PaymentRun.Describe(m)} run: wait for it to finish");
        if (!ModelState.IsValid || month is null)
        {
            Runs = await new PaymentRunView(finance, commissioning).RunsAsync(cancellationToken);
            return Page();
        }
        try
        {
            await operations.RequestPreparationAsync(month.Value, User.Identity!.Name!, cancellationToken);
        }
        catch (Commissioning.DomainRuleException refused)
        {
            // The use case's own rules (a closed month, another run still open, jobs off on this node), said before queuing.
            ModelState.AddModelError(nameof(Month), refused.Message);
            Runs = await new PaymentRunView(finance, commissioning).RunsAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage("Run", new { month = PaymentDisplay.Route(month.Value) });
    }

    private YearMonth? ReadMonth()
    {
        if (string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            ModelState.AddModelError(nameof(Month), "Enter the month to prepare");
            return null;
        }
        if (string.IsNullOrWhiteSpace(Month) || string.IsNullOrWhiteSpace(Year))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Month) ? nameof(Month) : nameof(Year),
                $"The month to prepare must include a {(string.IsNullOrWhiteSpace(Month) ? "month" : "year")}");
            return null;
        }
        if (!int.TryParse(Month.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12
            || !int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2200)
        {
            ModelState.AddModelError(nameof(Month), "The month to prepare must be a real month, for example 4 2026");
            return null;
        }
        var month = new YearMonth(y, m);
        // The scheduled run pays the current month in advance on the 5th; further ahead than next month nothing is known yet.
        var latest = clock.TodayInLondon().ToYearMonth().PlusMonths(1);
        if (month > latest)
        {
            ModelState.AddModelError(nameof(Month), $"The month to prepare must be {PaymentRun.Describe(latest)} or earlier");
            return null;
        }
        return month;
    }
}
