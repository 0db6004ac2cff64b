using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Providers;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// How a placement's top-up is set from <see cref="EffectiveFrom"/>: a band of its provision type's table, or an
/// agreed annual amount that overrides the band (e.g. the provider LA's rate). The plain value of a
/// <see cref="PlacementFunding"/> row.
/// </summary>
/// <exception cref="ArgumentException">Neither or both of <paramref name="Band"/> and <paramref name="AgreedAnnualAmount"/> are given.</exception>
/// <exception cref="DomainRuleException"><c>TopUpMustNotBeNegative</c>.</exception>
public sealed record TopUpFundingRow(LocalDate EffectiveFrom, string? Band, Money? AgreedAnnualAmount)
{
    /// <summary>The band whose amount for the day's financial year applies, or null when an amount is agreed.</summary>
    public string? Band { get; } = (Band is null) == (AgreedAnnualAmount is null)
        ? throw new ArgumentException("Give exactly one of a band and an agreed annual amount.")
        : Band;

    /// <summary>The agreed annual amount, which overrides the band table; null when a band applies.</summary>
    public Money? AgreedAnnualAmount { get; } = AgreedAnnualAmount is { IsNegative: true }
        ? throw new DomainRuleException("TopUpMustNotBeNegative", "An agreed annual top-up cannot be negative.")
        : AgreedAnnualAmount;

    /// <summary>A row paying <paramref name="band"/> from <paramref name="effectiveFrom"/>.</summary>
    public static TopUpFundingRow ByBand(LocalDate effectiveFrom, string band) => new(effectiveFrom, band, null);

    /// <summary>A row paying <paramref name="annualAmount"/> a year from <paramref name="effectiveFrom"/>, whatever the band table says.</summary>
    public static TopUpFundingRow ByAgreedAmount(LocalDate effectiveFrom, Money annualAmount) => new(effectiveFrom, null, annualAmount);
}

/// <summary>
/// What the top-up calculation needs to know about one placement: its dates, its provision type (which band table
/// applies), its funding history and its provider's pro-rata basis.
/// </summary>
public sealed record TopUpPlacement
{
    /// <summary>A placement on roll from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    /// <param name="reference">The placement's reference, quoted in errors.</param>
    /// <param name="provisionType">Picks the band table.</param>
    /// <param name="start">The first day on roll.</param>
    /// <param name="end">The last day on roll (included: a leaver on 3 May is paid for 3 May), or null while on roll.</param>
    /// <param name="funding">The funding rows in any order; the one in force on a day is the latest starting on or before it.</param>
    /// <param name="basis">The provider's pro-rata basis.</param>
    /// <exception cref="DomainRuleException">
    /// <c>PlacementMustEndOnOrAfterItsStart</c>; <c>FundingRowsMustStartOnDifferentDays</c> when two rows start the same
    /// day, so neither is the latest.
    /// </exception>
    public TopUpPlacement(string reference, ProvisionType provisionType, LocalDate start, LocalDate? end,
        IEnumerable<TopUpFundingRow> funding, ProRataBasis basis = ProRataBasis.Monthly)
    {
        ArgumentNullException.ThrowIfNull(funding);
        if (end < start)
            throw new DomainRuleException("PlacementMustEndOnOrAfterItsStart",
                $"Placement {reference} cannot end ({end:d MMMM uuuu}) before it starts ({start:d MMMM uuuu}).");
        var rows = funding.OrderBy(r => r.EffectiveFrom).ToArray();
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i].EffectiveFrom == rows[i - 1].EffectiveFrom)
                throw new DomainRuleException("FundingRowsMustStartOnDifferentDays",
                    $"Placement {reference} has two funding rows from {rows[i].EffectiveFrom:d MMMM uuuu}.");
        }
        if (!Enum.IsDefined(basis)) throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown pro-rata basis.");
        (Reference, ProvisionType, Start, End, Funding, Basis) = (reference, provisionType, start, end, rows, basis);
    }

    /// <summary>The placement's reference.</summary>
    public string Reference { get; }

    /// <summary>The provision type, which picks the band table.</summary>
    public ProvisionType ProvisionType { get; }

    /// <summary>The first day on roll.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day on roll, included; null while the child is still on roll.</summary>
    public LocalDate? End { get; }

    /// <summary>The funding rows, earliest first.</summary>
    public IReadOnlyList<TopUpFundingRow> Funding { get; }

    /// <summary>How part years are pro-rated.</summary>
    public ProRataBasis Basis { get; }

    /// <summary>The same placement with a corrected last day on roll (e.g. a leaver date recorded late).</summary>
    public TopUpPlacement WithEnd(LocalDate? end) => new(Reference, ProvisionType, Start, end, Funding, Basis);
}
