using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Agreements;

/// <summary>One agreed placement at a fee-paid provider, and its agreement's fee and extras in force today (null without one).</summary>
public sealed record AgreementRow(
    string PlacementReference, string ChildReference, string ChildInitials, string ProviderReference, string ProviderName,
    ProvisionType ProvisionType, LocalDate Start, LocalDate? End, Attendance Attendance, bool HasAgreement,
    Money? AnnualFee, Money? Extras, InvoicingPattern? Invoicing);

/// <summary>
/// Every agreed placement at an independent or non-maintained special school or special post-16 institution, with or
/// without its individual placement agreement: a placement without one cannot have its invoices matched, so the filter
/// "without an agreement" is the list of agreements still to record. Children by initials and reference only.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class IndexModel(CommissioningDb commissioning, FinanceDb finance, IClock clock) : PageModel
{
    /// <summary>Only placements without an agreement.</summary>
    [BindProperty(SupportsGet = true)] public bool Without { get; set; }

    public LocalDate Today { get; private set; }
    public IReadOnlyList<AgreementRow> Rows { get; private set; } = [];
    public int WithoutCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        var feePaid = AgreementDisplay.FeePaid.ToList();
        var placements = await (
                from p in commissioning.Placements.AsNoTracking()
                where p.Status != PlacementStatus.Proposed
                join v in commissioning.Providers on p.ProviderId equals v.Id
                where feePaid.Contains(v.ProvisionType)
                join c in commissioning.Children on p.ChildId equals c.Id
                select new { p.Id, p.Reference, Child = c.Reference, c.GivenName, c.FamilyName, Provider = v.Reference, ProviderName = v.Name, v.ProvisionType, p.Start, p.End, p.Attendance })
            .ToListAsync(cancellationToken);
        var agreements = await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras)
            .ToDictionaryAsync(a => a.PlacementId, cancellationToken);
        var rows = placements.Select(p =>
            {
                var agreement = agreements.GetValueOrDefault(p.Id);
                var on = p.End is { } end && end < Today ? end : p.Start > Today ? p.Start : Today;
                return new AgreementRow(p.Reference, p.Child, PaymentRunInputs.Initials(p.GivenName, p.FamilyName), p.Provider, p.ProviderName,
                    p.ProvisionType, p.Start, p.End, p.Attendance, agreement is not null,
                    agreement?.FeeOn(on)?.AnnualAmount, agreement?.ExtrasOn(on), agreement?.Invoicing);
            })
            .OrderBy(r => r.HasAgreement).ThenBy(r => r.ProviderName, StringComparer.Ordinal).ThenBy(r => r.PlacementReference, StringComparer.Ordinal)
            .ToList();
        WithoutCount = rows.Count(r => !r.HasAgreement);
        Rows = Without ? rows.Where(r => !r.HasAgreement).ToList() : rows;
    }
}
