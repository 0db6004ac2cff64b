using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Placements.Accounts;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Payments;
using Placements.Web.Reports.Pdf;
using Placements.Web.Security;

namespace Placements.Web.Pages.Payments;

/// <summary>
/// One payment run as an approver checks it (totals by provider and s251 line, changes from last month, new and ended
/// placements, recoveries, problems, holds, history), with the progress of a preparation under way, the approval, holds,
/// and the approved run's files. Approving needs the FinanceApproval policy on top of the page's Finance policy.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class RunModel(FinanceDb finance, CommissioningDb commissioning, PaymentRunProgress progress, IAuthorizationService authorization)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "month")] public string MonthText { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Sequence { get; set; }

    [BindProperty] public string? ApproveNote { get; set; }
    /// <summary>The run's version the approver was shown: an approval of figures that have since changed is refused.</summary>
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? HoldPlacement { get; set; }
    [BindProperty] public string? HoldReason { get; set; }
    [BindProperty] public string? HoldTeam { get; set; }
    [BindProperty] public int? HoldId { get; set; }
    [BindProperty] public string? ReleaseNote { get; set; }

    public YearMonth Month { get; private set; }
    public RunDetails? Details { get; private set; }
    public PreparationState? Preparation { get; private set; }
    public bool CanApprove { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static readonly string[] FieldOrder = [nameof(HoldPlacement), nameof(HoldReason), nameof(HoldTeam), nameof(ApproveNote)];

    /// <summary>A preparation of this month is under way on this node (its run not yet committed): the page shows its progress and polls.</summary>
    public bool Preparing => Preparation?.UnderWayBeside(Details?.Run) == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFoundPage();

    /// <summary>The progress panel's inside, polled by htmx; once the preparation ends, tells htmx to reload the page.</summary>
    public IActionResult OnGetProgress()
    {
        if (!TryReadMonth()) return NotFound();
        Preparation = progress.For(Month);
        if (Preparation is null or { Finished: true }) Response.Headers["HX-Refresh"] = "true";
        return Partial("_Progress", Preparation);
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.FinanceApproval)).Succeeded) return Forbid();
        ModelState.Clear();
        if (!TryReadMonth()) return NotFound();
        try
        {
            var approver = await HttpContext.RequestServices.GetRequiredService<PaymentOperations>().ApproverAsync(User.Identity!.Name!);
            var run = await HttpContext.RequestServices.GetRequiredService<ApprovePaymentRun>().ApproveAsync(Month, approver, ApproveNote, Version, cancellationToken);
            Saved = run.Status == PaymentRunStatus.Approved
                ? $"You approved the {run.Title} run: {run.Total} on {run.LineCount:N0} lines."
                : $"Your approval of the {run.Title} run is recorded. Its total of {run.Total} is above your approval limit, so it is now awaiting a second approval.";
            return RedirectToPage(new { month = MonthText, sequence = run.Sequence });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(nameof(ApproveNote), e.Message);
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!TryReadMonth()) return NotFound();
        if (string.IsNullOrWhiteSpace(HoldPlacement)) ModelState.AddModelError(nameof(HoldPlacement), "Enter the placement reference");
        if (string.IsNullOrWhiteSpace(HoldReason)) ModelState.AddModelError(nameof(HoldReason), "Enter the reason for the hold");
        if (string.IsNullOrWhiteSpace(HoldTeam)) ModelState.AddModelError(nameof(HoldTeam), "Enter the team that holds the payments");
        if (ModelState.IsValid)
        {
            try
            {
                var hold = await Holds.HoldAsync(HoldPlacement!.Trim(), HoldReason!, HoldTeam!, User.Identity!.Name!, cancellationToken);
                Saved = $"Payments to placement {hold.PlacementReference} are held: {hold.Reason} ({hold.Team}).";
                return RedirectToPage(new { month = MonthText, Sequence });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Rule == "HoldNeedsAReasonAndATeam" ? nameof(HoldReason) : nameof(HoldPlacement), e.Message);
            }
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!TryReadMonth() || HoldId is not { } id) return NotFound();
        try
        {
            var hold = await Holds.ReleaseAsync(id, User.Identity!.Name!, ReleaseNote, cancellationToken);
            Saved = $"Payments to placement {hold.PlacementReference} are released: this run pays them.";
            return RedirectToPage(new { month = MonthText, Sequence });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFoundPage();
        try
        {
            await HttpContext.RequestServices.GetRequiredService<ExportPaymentRun>()
                .MarkExportedAsync(Details!.Run.Id, User.Identity!.Name!, "files downloaded from the run page", cancellationToken);
            Saved = $"The {Details.Run.Title} run is recorded as exported to the ledger.";
            return RedirectToPage(new { month = MonthText, sequence = Details.Run.Sequence });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary><c>payment_lines-2026-04.csv</c> (interchange.md): the approved run's paid lines.</summary>
    public async Task<IActionResult> OnGetPaymentLinesAsync(CancellationToken cancellationToken) =>
        await ApprovedAsync(cancellationToken) is { } approved
            ? Csv(PaymentRunExport.PaymentLinesCsv(approved), "payment_lines", approved.Run)
            : NotFoundPage();

    /// <summary><c>ledger-2026-04.csv</c>: the journal by cost centre, s251 line and provider.</summary>
    public async Task<IActionResult> OnGetLedgerAsync(CancellationToken cancellationToken) =>
        await ApprovedAsync(cancellationToken) is { } approved
            ? Csv(PaymentRunExport.LedgerCsv(approved, Operations.Payer), "ledger", approved.Run)
            : NotFoundPage();

    /// <summary>Every provider's remittance advice, one PDF each, in a zip.</summary>
    public async Task<IActionResult> OnGetRemittancesAsync(CancellationToken cancellationToken) =>
        await ApprovedAsync(cancellationToken) is { } approved
            ? File(RemittanceZip.Zip(PaymentRunExport.Remittances(approved, Operations.Payer)), "application/zip", $"remittances-{FileSuffix(approved.Run)}.zip")
            : NotFoundPage();

    /// <summary>One provider's remittance advice as a PDF.</summary>
    public async Task<IActionResult> OnGetRemittanceAsync(string provider, CancellationToken cancellationToken)
    {
        if (await ApprovedAsync(cancellationToken) is not { } approved) return NotFoundPage();
        var advice = PaymentRunExport.Remittances(approved, Operations.Payer).SingleOrDefault(a => a.ProviderReference == provider);
        return advice is null ? NotFound() : File(RemittancePdf.Render(advice), "application/pdf", RemittancePdf.FileName(advice));
    }

    private HoldPayments Holds => HttpContext.RequestServices.GetRequiredService<HoldPayments>();
    private PaymentOperations Operations => HttpContext.RequestServices.GetRequiredService<PaymentOperations>();

    private async Task<ApprovedRun?> ApprovedAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Details!.Run.IsApproved) return null;
        return await HttpContext.RequestServices.GetRequiredService<PaymentRunExport>().LoadAsync(Month, Details.Run.Sequence, cancellationToken);
    }

    private FileContentResult Csv(string text, string name, PaymentRun run) =>
        File(System.Text.Encoding.UTF8.GetBytes(text), "text/csv", $"{name}-{FileSuffix(run)}.csv");

    // A supplementary run's files must not overwrite the month's first run's files in a download folder.
    private static string FileSuffix(PaymentRun run) =>
        PaymentDisplay.Route(run.Month) + (run.Sequence == 1 ? "" : $"-run{run.Sequence.ToString(CultureInfo.InvariantCulture)}");

    private bool TryReadMonth()
    {
        if (YearMonthPattern.Iso.Parse(MonthText) is not { Success: true } parsed) return false;
        Month = parsed.Value;
        return true;
    }

    /// <returns>False when there is neither a run nor a preparation of the month to show.</returns>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!TryReadMonth()) return false;
        Preparation = progress.For(Month);
        Details = await new PaymentRunView(finance, commissioning).LoadAsync(Month, Sequence, cancellationToken);
        if (Details is null) return Preparation is not null && Sequence is null;
        Version = Details.Run.Version; // the hidden field carries the version of the figures this response shows
        CanApprove = User.IsInRole(Roles.FinanceApprover)
            && Details.Run.Status is PaymentRunStatus.Draft or PaymentRunStatus.AwaitingSecondApproval
            && !Preparing;
        return true;
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Details = null;
        Preparation = null;
        return Page();
    }
}
