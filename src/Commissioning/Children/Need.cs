namespace Placements.Commissioning.Children;

/// <summary>SEN2 primary need codes (interchange.md spells them as these names).</summary>
public enum Need
{
    ASD,
    SEMH,
    SLCN,
    MLD,
    SLD,
    PMLD,
    SPLD,
    HI,
    VI,
    MSI,
    PD,
    OTH,
}
