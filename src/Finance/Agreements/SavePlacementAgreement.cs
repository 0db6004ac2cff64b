#pragma warning disable CS9113 // STUB: remove with the implementation
using NodaTime;
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
    /// <exception cref="Commissioning.DomainRuleException"><c>UnknownPlacement</c>, <see cref="PlacementAgreement.SetTerms"/>'s rules.</exception>
    public Task<PlacementAgreement> SaveTermsAsync(AgreementDraft draft, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <exception cref="Commissioning.DomainRuleException"><c>NoAgreementForPlacement</c>, <see cref="PlacementAgreement.ChangeFee"/>'s rules.</exception>
    public Task<PlacementAgreement> ChangeFeeAsync(string placementReference, AgreementFee fee, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <exception cref="Commissioning.DomainRuleException"><c>NoAgreementForPlacement</c>.</exception>
    public Task<PlacementAgreement> AddExtraAsync(string placementReference, AgreementExtra extra, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
