using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;

namespace Placements.Finance.Agreements;

/// <summary>The contract settings of an agreement as the form or seed gives them.</summary>
public sealed record AgreementDraft(
    string PlacementReference, InvoicingPattern Invoicing, TermSplit TermSplit, bool FeesPayableDuringAbsence, string NoticePeriod,
    LocalDate? FeeReviewDate, int PaymentTermDays, string? ContractReference);

/// <summary>
/// Creates or changes a placement's individual placement agreement, adds fee changes (uplifts) and extras, and re-matches
/// the placement's open invoice lines so their expected amounts follow. Audited.
/// </summary>
public sealed class SavePlacementAgreement(CommissioningDb commissioning, FinanceDb finance, MatchInvoiceLines match)
{
    /// <summary>The placement's agreement with these contract settings: created the first time, changed after.</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownPlacement</c>, <see cref="PlacementAgreement.SetTerms"/>'s rules.</exception>
    public async Task<PlacementAgreement> SaveTermsAsync(AgreementDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var reference = draft.PlacementReference?.Trim() ?? "";
        var placement = await commissioning.Placements.AsNoTracking()
            .Where(p => p.Reference == reference)
            .Join(commissioning.Providers, p => p.ProviderId, v => v.Id, (p, v) => new { p.Id, p.Reference, ProviderId = v.Id, ProviderReference = v.Reference })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("UnknownPlacement", $"There is no placement {reference}.");
        var agreement = await LoadAsync(placement.Id, cancellationToken);
        if (agreement is null)
        {
            agreement = new PlacementAgreement(placement.Id, placement.Reference, placement.ProviderId, placement.ProviderReference,
                draft.Invoicing, draft.TermSplit, draft.FeesPayableDuringAbsence, draft.NoticePeriod, draft.FeeReviewDate,
                draft.PaymentTermDays, draft.ContractReference);
            finance.PlacementAgreements.Add(agreement);
        }
        else
        {
            agreement.SetTerms(draft.Invoicing, draft.TermSplit, draft.FeesPayableDuringAbsence, draft.NoticePeriod, draft.FeeReviewDate,
                draft.PaymentTermDays, draft.ContractReference);
        }
        return await SaveAndRematchAsync(agreement, cancellationToken);
    }

    /// <summary>The fee from the fee's date: the first fee, or an uplift; open lines from then on are re-matched.</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>NoAgreementForPlacement</c>, <see cref="PlacementAgreement.ChangeFee"/>'s rules.</exception>
    public async Task<PlacementAgreement> ChangeFeeAsync(string placementReference, AgreementFee fee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fee);
        var agreement = await RequireAsync(placementReference, cancellationToken);
        agreement.ChangeFee(fee);
        return await SaveAndRematchAsync(agreement, cancellationToken);
    }

    /// <exception cref="Commissioning.DomainRuleException"><c>NoAgreementForPlacement</c>.</exception>
    public async Task<PlacementAgreement> AddExtraAsync(string placementReference, AgreementExtra extra, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var agreement = await RequireAsync(placementReference, cancellationToken);
        agreement.AddExtra(extra);
        return await SaveAndRematchAsync(agreement, cancellationToken);
    }

    private Task<PlacementAgreement?> LoadAsync(int placementId, CancellationToken cancellationToken) =>
        finance.PlacementAgreements.Include(a => a.Fees).Include(a => a.Extras).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.PlacementId == placementId, cancellationToken);

    private async Task<PlacementAgreement> RequireAsync(string placementReference, CancellationToken cancellationToken)
    {
        var reference = placementReference?.Trim() ?? "";
        return await finance.PlacementAgreements.Include(a => a.Fees).Include(a => a.Extras).AsSplitQuery()
                .SingleOrDefaultAsync(a => a.PlacementReference == reference, cancellationToken)
            ?? throw new DomainRuleException("NoAgreementForPlacement", $"Placement {reference} has no agreement yet: record its terms first.");
    }

    /// <summary>
    /// Saves the agreement (audited), then re-matches the placement's open lines: a line queried only because the fee had
    /// not yet been uplifted becomes ready to approve, and a line with no agreement before now matches.
    /// </summary>
    private async Task<PlacementAgreement> SaveAndRematchAsync(PlacementAgreement agreement, CancellationToken cancellationToken)
    {
        await finance.SaveChangesAsync(cancellationToken);
        await match.MatchAsync([agreement.PlacementId], cancellationToken);
        return agreement;
    }
}
