using NodaTime;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.Funding;

/// <summary>
/// How a placement's Element 3 top-up is set from <see cref="EffectiveFrom"/>: a band of the
/// provision type's table, or an agreed annual amount that overrides the band. The row in force on
/// a day is the latest one starting on or before it; rows are added, never edited once paid against.
/// </summary>
public sealed class PlacementFunding : IAudited
{
    private PlacementFunding() { }

    private PlacementFunding(int placementId, string placementReference, LocalDate effectiveFrom, string? band, Money? agreedAnnualAmount)
    {
        PlacementId = placementId;
        PlacementReference = placementReference;
        EffectiveFrom = effectiveFrom;
        Band = band;
        AgreedAnnualAmount = agreedAnnualAmount;
    }

    public static PlacementFunding ByBand(int placementId, string placementReference, LocalDate effectiveFrom, string band) =>
        new(placementId, placementReference, effectiveFrom, band, null);

    public static PlacementFunding ByAgreedAmount(int placementId, string placementReference, LocalDate effectiveFrom, Money annualAmount) =>
        annualAmount.IsNegative
            ? throw new Commissioning.DomainRuleException("TopUpMustNotBeNegative", "An agreed annual top-up cannot be negative.")
            : new(placementId, placementReference, effectiveFrom, null, annualAmount);

    public int Id { get; private set; }
    /// <summary>The Commissioning placement's id; Finance reads placements through Commissioning's queries, not a foreign key.</summary>
    public int PlacementId { get; private set; }
    public string PlacementReference { get; private set; } = "";
    public LocalDate EffectiveFrom { get; private set; }
    public string? Band { get; private set; }
    public Money? AgreedAnnualAmount { get; private set; }

    /// <summary>Sets the band or the agreed amount (exactly one) from a corrected import row.</summary>
    /// <exception cref="Commissioning.DomainRuleException"><c>TopUpMustNotBeNegative</c>.</exception>
    /// <exception cref="ArgumentException">Neither or both of a band and an amount are given.</exception>
    public void CorrectFromImport(string? band, Money? agreedAnnualAmount)
    {
        if ((band is null) == (agreedAnnualAmount is null))
            throw new ArgumentException("Give exactly one of a band and an agreed annual amount.");
        if (agreedAnnualAmount is { IsNegative: true })
            throw new Commissioning.DomainRuleException("TopUpMustNotBeNegative", "An agreed annual top-up cannot be negative.");
        Band = band;
        AgreedAnnualAmount = agreedAnnualAmount;
    }

    /// <summary>This row as the plain value the top-up calculation reads.</summary>
    public Entitlement.TopUpFundingRow ToRow() => new(EffectiveFrom, Band, AgreedAnnualAmount);

    public string AuditKey => $"{PlacementReference} from {EffectiveFrom:yyyy-MM-dd}";
}
