using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Pages.Funding;
using Placements.Web.Pages.Shared;
using Placements.Web.Security;

namespace Placements.Web.Pages.Agreements;

/// <summary>The placement an agreement is for (child by initials and reference only).</summary>
public sealed record AgreementPlacement(
    int Id, string Reference, string ChildReference, string ChildInitials, string ProviderReference, string ProviderName,
    ProvisionType ProvisionType, LocalDate Start, LocalDate? End, Attendance Attendance, PlacementStatus Status);

/// <summary>A billing period and what the agreement says it should cost, or why that cannot be said.</summary>
public sealed record BillingPeriodRow(DateInterval Period, ExpectedInvoiceAmount? Expected, string? Problem);

/// <summary>
/// A fee-paid placement's individual placement agreement (domain.md §5): its contract settings, its fees (and dated
/// changes), its extras, and the expected amount of every billing period of the current academic year, which is what
/// the provider's invoices are matched against. Three forms change it through <see cref="SavePlacementAgreement"/>,
/// which re-matches the placement's open invoice lines so their expected amounts follow.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class AgreementModel(CommissioningDb commissioning, FinanceDb finance, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string PlacementReference { get; set; } = "";

    // Terms
    [BindProperty] public InvoicingPattern? Invoicing { get; set; }
    [BindProperty] public TermSplit? TermSplit { get; set; }
    /// <summary>"yes" or "no".</summary>
    [BindProperty] public string? PayableDuringAbsence { get; set; }
    [BindProperty] public string? NoticePeriod { get; set; }
    [BindProperty] public DateInput FeeReviewDate { get; set; } = new();
    [BindProperty] public string? PaymentTermDays { get; set; }
    [BindProperty] public string? ContractReference { get; set; }

    // A fee (change)
    [BindProperty] public FeeBasis? FeeBasis { get; set; }
    [BindProperty] public string? FeeAnnual { get; set; }
    [BindProperty] public string? FeeDailyRate { get; set; }
    [BindProperty] public string? FeeDays { get; set; }
    [BindProperty] public DateInput FeeFrom { get; set; } = new();

    // An extra
    [BindProperty] public ExtraKind? ExtraKind { get; set; }
    [BindProperty] public string? ExtraDescription { get; set; }
    [BindProperty] public string? ExtraAmount { get; set; }
    [BindProperty] public DateInput ExtraFrom { get; set; } = new();
    [BindProperty] public DateInput ExtraTo { get; set; } = new();

    [TempData] public string? Saved { get; set; }

    public AgreementPlacement Placement { get; private set; } = null!;
    public PlacementAgreement? Agreement { get; private set; }
    public LocalDate Today { get; private set; }
    public AcademicYear Year { get; private set; }
    public IReadOnlyList<BillingPeriodRow> Periods { get; private set; } = [];
    /// <summary>Why the billing periods cannot be listed (e.g. no term dates for a termly agreement), if so.</summary>
    public string? PeriodsProblem { get; private set; }
    /// <summary>Which form was posted and failed ("terms", "fee", "extra"), so its errors show beside it.</summary>
    public string? FailedForm { get; private set; }

    public static readonly string[] FieldOrder =
    [
        nameof(Invoicing), nameof(TermSplit), nameof(PayableDuringAbsence), nameof(NoticePeriod), nameof(FeeReviewDate), nameof(PaymentTermDays), nameof(ContractReference),
        nameof(FeeBasis), nameof(FeeAnnual), nameof(FeeDailyRate), nameof(FeeDays), nameof(FeeFrom),
        nameof(ExtraKind), nameof(ExtraDescription), nameof(ExtraAmount), nameof(ExtraFrom), nameof(ExtraTo),
    ];

    public static readonly string[] DateFields = [nameof(FeeReviewDate), nameof(FeeFrom), nameof(ExtraFrom), nameof(ExtraTo)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var a = Agreement;
        Invoicing = a?.Invoicing ?? InvoicingPattern.TermlyInAdvance;
        TermSplit = a?.TermSplit ?? Finance.Agreements.TermSplit.SchoolDays;
        PayableDuringAbsence = a is null ? "yes" : a.FeesPayableDuringAbsence ? "yes" : "no";
        NoticePeriod = a?.NoticePeriod ?? "One term";
        FeeReviewDate = DateInput.From(a?.FeeReviewDate);
        PaymentTermDays = (a?.PaymentTermDays ?? 30).ToString(CultureInfo.InvariantCulture);
        ContractReference = a?.ContractReference;
        FeeBasis = Finance.Agreements.FeeBasis.Annual;
        return Page();
    }

    public async Task<IActionResult> OnPostTermsAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (!Placement.ProvisionType.IsFeePaid()) return Page();
        if (Invoicing is not { } invoicing || !Enum.IsDefined(invoicing)) ModelState.AddModelError(nameof(Invoicing), "Choose how the provider invoices");
        var split = TermSplit is { } s && Enum.IsDefined(s) ? s : Finance.Agreements.TermSplit.SchoolDays;
        if (Invoicing == InvoicingPattern.TermlyInAdvance && TermSplit is null) ModelState.AddModelError(nameof(TermSplit), "Choose how a term's fee is worked out");
        if (PayableDuringAbsence is not ("yes" or "no")) ModelState.AddModelError(nameof(PayableDuringAbsence), "Say whether fees are payable while the child is absent");
        if (string.IsNullOrWhiteSpace(NoticePeriod)) ModelState.AddModelError(nameof(NoticePeriod), "Enter the notice period, for example one term");
        LocalDate? review = null;
        if (!FeeReviewDate.IsEmpty)
        {
            review = FeeReviewDate.Parse("fee review date", out var error);
            if (error is not null) ModelState.AddModelError(nameof(FeeReviewDate), error);
        }
        var days = 0;
        if (string.IsNullOrWhiteSpace(PaymentTermDays)) ModelState.AddModelError(nameof(PaymentTermDays), "Enter the payment term in days");
        else if (!int.TryParse(PaymentTermDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days))
            ModelState.AddModelError(nameof(PaymentTermDays), "The payment term must be a whole number of days, like 30");
        if (!ModelState.IsValid) return Failed("terms");
        var draft = new AgreementDraft(PlacementReference, Invoicing!.Value, split, PayableDuringAbsence == "yes", NoticePeriod!.Trim(), review, days, ContractReference);
        return await SaveAsync("terms", nameof(PaymentTermDays), save => save.SaveTermsAsync(draft, cancellationToken),
            Agreement is null ? "Agreement recorded. Add its fee next." : "Agreement terms saved.");
    }

    public async Task<IActionResult> OnPostFeeAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (!Placement.ProvisionType.IsFeePaid()) return Page();
        var from = FeeFrom.Parse("date the fee applies from", out var dateError);
        if (dateError is not null) ModelState.AddModelError(nameof(FeeFrom), dateError);
        AgreementFee? fee = null;
        try
        {
            switch (FeeBasis)
            {
                case Finance.Agreements.FeeBasis.Annual:
                    var annual = ModelState.ReadAmount(nameof(FeeAnnual), FeeAnnual, "annual fee", required: true);
                    if (annual is { } a && from is { } f1) fee = AgreementFee.Annual(f1, a);
                    break;
                case Finance.Agreements.FeeBasis.DailyRate:
                    var rate = ModelState.ReadAmount(nameof(FeeDailyRate), FeeDailyRate, "daily rate", required: true);
                    int? days = null;
                    if (string.IsNullOrWhiteSpace(FeeDays)) ModelState.AddModelError(nameof(FeeDays), "Enter the number of days a year the rate is charged for");
                    else if (int.TryParse(FeeDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)) days = d;
                    else ModelState.AddModelError(nameof(FeeDays), "The number of days must be a whole number, like 195");
                    if (rate is { } r && days is { } n && from is { } f2) fee = AgreementFee.Daily(f2, r, n);
                    break;
                default:
                    ModelState.AddModelError(nameof(FeeBasis), "Choose whether the fee is an annual amount or a daily rate");
                    break;
            }
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(FeeBasis == Finance.Agreements.FeeBasis.DailyRate ? nameof(FeeDays) : nameof(FeeAnnual), refused.Message);
        }
        if (!ModelState.IsValid || fee is null) return Failed("fee");
        return await SaveAsync("fee", nameof(FeeFrom), save => save.ChangeFeeAsync(PlacementReference, fee, cancellationToken),
            $"Fee of {fee.Describe()} from {Display.Date(fee.EffectiveFrom)} saved.");
    }

    public async Task<IActionResult> OnPostExtraAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (!Placement.ProvisionType.IsFeePaid()) return Page();
        if (ExtraKind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError(nameof(ExtraKind), "Choose the kind of extra");
        if (string.IsNullOrWhiteSpace(ExtraDescription)) ModelState.AddModelError(nameof(ExtraDescription), "Describe the extra, for example 1:1 teaching assistant");
        var amount = ModelState.ReadAmount(nameof(ExtraAmount), ExtraAmount, "extra's annual amount", required: true);
        var from = ExtraFrom.Parse("date the extra starts", out var fromError);
        if (fromError is not null) ModelState.AddModelError(nameof(ExtraFrom), fromError);
        LocalDate? to = null;
        if (!ExtraTo.IsEmpty)
        {
            to = ExtraTo.Parse("date the extra ends", out var toError);
            if (toError is not null) ModelState.AddModelError(nameof(ExtraTo), toError);
            else if (from is { } start && to < start) ModelState.AddModelError(nameof(ExtraTo), "The date the extra ends must be the same as or after the date it starts");
        }
        if (!ModelState.IsValid) return Failed("extra");
        AgreementExtra extra;
        try
        {
            extra = new AgreementExtra(ExtraKind!.Value, ExtraDescription!, amount!.Value, from!.Value, to);
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(nameof(ExtraDescription), refused.Message);
            return Failed("extra");
        }
        return await SaveAsync("extra", nameof(ExtraKind), save => save.AddExtraAsync(PlacementReference, extra, cancellationToken),
            $"Extra \"{extra.Description}\" of {extra.AnnualAmount} a year saved.");
    }

    /// <summary>Saves, then redirects (PRG); a rule the use case refuses shows in the error summary against <paramref name="field"/>.</summary>
    private async Task<IActionResult> SaveAsync(string form, string field, Func<SavePlacementAgreement, Task<PlacementAgreement>> save, string message)
    {
        try
        {
            await save(HttpContext.RequestServices.GetRequiredService<SavePlacementAgreement>());
        }
        catch (DomainRuleException refused)
        {
            ModelState.AddModelError(field, refused.Message);
            return Failed(form);
        }
        Saved = message;
        return RedirectToPage(new { PlacementReference });
    }

    private PageResult Failed(string form)
    {
        FailedForm = form;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Year = AcademicYear.For(Today);
        var placement = await (
                from p in commissioning.Placements.AsNoTracking()
                where p.Reference == PlacementReference
                join c in commissioning.Children on p.ChildId equals c.Id
                join v in commissioning.Providers on p.ProviderId equals v.Id
                select new { p.Id, p.Reference, Child = c.Reference, c.GivenName, c.FamilyName, Provider = v.Reference, ProviderName = v.Name, v.ProvisionType, p.Start, p.End, p.Attendance, p.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (placement is null) return false;
        Placement = new AgreementPlacement(placement.Id, placement.Reference, placement.Child, PaymentRunInputs.Initials(placement.GivenName, placement.FamilyName),
            placement.Provider, placement.ProviderName, placement.ProvisionType, placement.Start, placement.End, placement.Attendance, placement.Status);
        Agreement = await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras)
            .SingleOrDefaultAsync(a => a.PlacementId == placement.Id, cancellationToken);
        if (Agreement is not null) Periods = await BillingPeriodsAsync(Agreement, cancellationToken);
        return true;
    }

    /// <summary>The academic year's billing periods on roll, each with its expected amount (or the reason there is none).</summary>
    private async Task<IReadOnlyList<BillingPeriodRow>> BillingPeriodsAsync(PlacementAgreement agreement, CancellationToken cancellationToken)
    {
        var calendar = new TermCalendar(
            await commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
            await commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));
        var terms = agreement.ToTerms(Placement.Start, Placement.End, Placement.Attendance);
        IReadOnlyList<DateInterval> periods;
        try
        {
            periods = ExpectedAmount.BillingPeriods(terms, Year.Dates, calendar);
        }
        catch (DomainRuleException problem)
        {
            PeriodsProblem = problem.Message;
            return [];
        }
        return periods.Select(period =>
        {
            try
            {
                return new BillingPeriodRow(period, ExpectedAmount.For(terms, period, calendar), null);
            }
            catch (DomainRuleException problem)
            {
                return new BillingPeriodRow(period, null, problem.Message);
            }
        }).ToList();
    }
}
