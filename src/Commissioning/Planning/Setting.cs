using Placements.Commissioning.Children;
using Placements.Commissioning.Providers;

namespace Placements.Commissioning.Planning;

/// <summary>
/// The kind of setting a child is in, as the demand projection groups them: coarser than
/// <see cref="ProvisionType"/> so that each group holds enough children for its rates to mean something.
/// </summary>
public enum Setting
{
    Mainstream,
    ResourcedProvision,
    /// <summary>Maintained special schools, special academies and free schools, non-maintained special schools.</summary>
    SpecialSchool,
    /// <summary>Pupil referral units and alternative provision.</summary>
    AlternativeProvision,
    /// <summary>Independent special schools and special post-16 institutions.</summary>
    Independent,
    /// <summary>FE colleges.</summary>
    PostSixteen,
    EarlyYears,
    Other,
}

/// <summary>Where a child is, as the demand projection counts them: national curriculum year, primary need and setting.</summary>
public readonly record struct CohortState(int Ncy, Need Need, Setting Setting);

public static class Settings
{
    public static Setting Of(ProvisionType type) => type switch
    {
        ProvisionType.Mainstream => Setting.Mainstream,
        ProvisionType.ResourcedProvision => Setting.ResourcedProvision,
        ProvisionType.MaintainedSpecial or ProvisionType.SpecialAcademy or ProvisionType.NonMaintainedSpecial => Setting.SpecialSchool,
        ProvisionType.PupilReferralUnit => Setting.AlternativeProvision,
        ProvisionType.IndependentSpecial or ProvisionType.SpecialPost16 => Setting.Independent,
        ProvisionType.FurtherEducation => Setting.PostSixteen,
        ProvisionType.EarlyYears => Setting.EarlyYears,
        _ => Setting.Other,
    };

    /// <summary>
    /// The settings whose children need a commissioned specialist place of the kind the council's own special
    /// schools, resourced provisions and AP offer — the demand compared with commissioned places.
    /// </summary>
    public static bool UsesSpecialistPlace(this Setting setting) =>
        setting is Setting.SpecialSchool or Setting.ResourcedProvision or Setting.AlternativeProvision;

    /// <summary>The name a commissioner reads on a page.</summary>
    public static string Describe(this Setting setting) => setting switch
    {
        Setting.Mainstream => "Mainstream school",
        Setting.ResourcedProvision => "Resourced provision or SEN unit",
        Setting.SpecialSchool => "Special school (maintained, academy or non-maintained)",
        Setting.AlternativeProvision => "Pupil referral unit or AP",
        Setting.Independent => "Independent special school or specialist post-16",
        Setting.PostSixteen => "FE college",
        Setting.EarlyYears => "Early years provider",
        _ => "Other arrangement",
    };
}
