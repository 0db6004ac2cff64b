using Placements.Commissioning.Auditing;

namespace Placements.Finance.Funding;

/// <summary>How a provider's top-up is pro-rated for part of a year (domain.md §4); chosen per provider, default Monthly.</summary>
public enum ProRataBasis
{
    /// <summary>1/12 of the annual amount per whole month; a part month gets days on roll ÷ days in the month of that twelfth.</summary>
    Monthly,
    /// <summary>Annual × days on roll ÷ days in the financial year.</summary>
    CalendarDays,
    /// <summary>Annual × school days on roll ÷ school days in the financial year, from the term-dates calendar.</summary>
    SchoolDays,
}

/// <summary>
/// The funding terms agreed with one provider. Held by Finance, keyed by the Commissioning provider's
/// reference (Finance reads providers through Commissioning's queries, never a foreign key).
/// </summary>
public sealed class ProviderFundingTerms : IAudited
{
    private ProviderFundingTerms() { }

    public ProviderFundingTerms(int providerId, string providerReference, ProRataBasis proRataBasis)
    {
        ProviderId = providerId;
        ProviderReference = providerReference;
        ProRataBasis = proRataBasis;
    }

    public int Id { get; private set; }
    public int ProviderId { get; private set; }
    public string ProviderReference { get; private set; } = "";
    public ProRataBasis ProRataBasis { get; set; }

    public string AuditKey => ProviderReference;
}
