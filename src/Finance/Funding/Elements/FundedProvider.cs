using Placements.Commissioning.Providers;

namespace Placements.Finance.Funding.Elements;

/// <summary>
/// What decides who pays a provider's place funding: its provision type, whether it is an academy (DfE funds academies'
/// places and deducts them from the council's grant) and whether it is in this council's area (if not, its own council,
/// the provider LA, funds a maintained school's places).
/// </summary>
public sealed record FundedProvider(string Reference, ProvisionType ProvisionType, bool IsAcademy, bool IsInThisCouncilsArea)
{
    /// <summary>
    /// Who pays the provider's Elements 1 and 2 place funding (domain.md §3): DfE for academies, NMSS, FE colleges and
    /// SPIs; the provider LA for maintained special schools, PRUs and resourced provision (this council when it is the
    /// provider LA); nobody for independent special schools, mainstream schools and other settings, which have none.
    /// </summary>
    public FundingPayer PlaceFundingPayer => ProvisionType switch
    {
        ProvisionType.SpecialAcademy or ProvisionType.NonMaintainedSpecial
            or ProvisionType.FurtherEducation or ProvisionType.SpecialPost16 => FundingPayer.DfE,
        ProvisionType.MaintainedSpecial or ProvisionType.PupilReferralUnit or ProvisionType.ResourcedProvision =>
            IsAcademy ? FundingPayer.DfE
            : IsInThisCouncilsArea ? FundingPayer.ThisCouncil
            : FundingPayer.ProviderCouncil,
        _ => FundingPayer.None,
    };
}

/// <summary>Who pays an element of Place Plus funding.</summary>
public enum FundingPayer
{
    /// <summary>Nobody: the setting gets no such element.</summary>
    None,
    /// <summary>The setting's own formula budget (per-pupil funding; a mainstream school's notional SEN budget).</summary>
    SchoolFormula,
    /// <summary>The Department for Education directly, deducted from the council's high needs grant (academies, NMSS, FE, SPI).</summary>
    DfE,
    /// <summary>This council, from its High Needs Block.</summary>
    ThisCouncil,
    /// <summary>Another council: the provider LA, where a maintained school outside this council's area stands.</summary>
    ProviderCouncil,
}
