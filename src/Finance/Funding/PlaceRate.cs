using NodaTime;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Providers;

namespace Placements.Finance.Funding;

/// <summary>
/// Place funding (Elements 1 and 2) per place a year for a provision type, in force from
/// <see cref="EffectiveFrom"/> until the next row. Rates change every year, so they are rows, never constants.
/// </summary>
public sealed class PlaceRate : IAudited
{
    private PlaceRate() { }

    public PlaceRate(ProvisionType provisionType, LocalDate effectiveFrom, Money occupiedRate, Money? unoccupiedRate)
    {
        ProvisionType = provisionType;
        EffectiveFrom = effectiveFrom;
        OccupiedRate = occupiedRate;
        UnoccupiedRate = unoccupiedRate;
    }

    public int Id { get; private set; }
    public ProvisionType ProvisionType { get; private set; }
    public LocalDate EffectiveFrom { get; private set; }
    public Money OccupiedRate { get; private set; }
    /// <summary>For resourced provision: the rate for an empty place (commonly £10,000), when it differs.</summary>
    public Money? UnoccupiedRate { get; private set; }

    /// <summary>Sets the rates from a corrected import row.</summary>
    public void CorrectFromImport(Money occupiedRate, Money? unoccupiedRate)
    {
        OccupiedRate = occupiedRate;
        UnoccupiedRate = unoccupiedRate;
    }

    public string AuditKey => $"{ProvisionType} from {EffectiveFrom:yyyy-MM-dd}";
}
