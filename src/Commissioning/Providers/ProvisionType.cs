namespace Placements.Commissioning.Providers;

/// <summary>The kinds of setting a child can be placed in (domain.md §2; interchange.md names).</summary>
public enum ProvisionType
{
    MaintainedSpecial,
    SpecialAcademy,
    NonMaintainedSpecial,
    IndependentSpecial,
    ResourcedProvision,
    Mainstream,
    PupilReferralUnit,
    FurtherEducation,
    SpecialPost16,
    EarlyYears,
    Other,
}

/// <summary>The phase of education a provider serves.</summary>
public enum Phase
{
    EarlyYears,
    Primary,
    Secondary,
    AllThrough,
    Post16,
}

public static class ProvisionTypeNames
{
    /// <summary>The name a commissioner reads on a page.</summary>
    public static string Describe(this ProvisionType type) => type switch
    {
        ProvisionType.MaintainedSpecial => "Maintained special school",
        ProvisionType.SpecialAcademy => "Special academy or free school",
        ProvisionType.NonMaintainedSpecial => "Non-maintained special school",
        ProvisionType.IndependentSpecial => "Independent special school",
        ProvisionType.ResourcedProvision => "Resourced provision or SEN unit",
        ProvisionType.Mainstream => "Mainstream school",
        ProvisionType.PupilReferralUnit => "Pupil referral unit or AP",
        ProvisionType.FurtherEducation => "FE college",
        ProvisionType.SpecialPost16 => "Special post-16 institution",
        ProvisionType.EarlyYears => "Early years provider",
        _ => "Other arrangement",
    };
}
