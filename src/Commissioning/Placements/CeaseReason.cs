namespace Placements.Commissioning.Placements;

/// <summary>
/// Why a placement ended, after the SEN2 return's reasons for leaving a setting and for an EHC plan ceasing.
/// </summary>
public enum CeaseReason
{
    /// <summary>Moved to another setting; the child keeps the plan (a transfer, including at a phase transition).</summary>
    MovedToAnotherSetting,
    /// <summary>Moved to another local authority, which takes over the plan.</summary>
    MovedToAnotherLa,
    /// <summary>Needs met without an EHC plan; the plan ceased.</summary>
    NeedsMetWithoutPlan,
    /// <summary>Moved on to higher education.</summary>
    HigherEducation,
    /// <summary>Moved on to paid employment, an apprenticeship or traineeship without further education.</summary>
    EmploymentOrTraining,
    /// <summary>A young person over compulsory school age no longer wishes to engage in education or training.</summary>
    NoLongerEngaging,
    /// <summary>Reached the end of the academic year in which the young person turned 25.</summary>
    ReachedAge25,
    /// <summary>The child or young person died.</summary>
    Deceased,
    /// <summary>Imported from a council's history, where the reason was not recorded.</summary>
    NotRecorded,
    Other,
}

public static class CeaseReasonNames
{
    public static string Describe(this CeaseReason reason) => reason switch
    {
        CeaseReason.MovedToAnotherSetting => "Moved to another setting",
        CeaseReason.MovedToAnotherLa => "Moved to another local authority",
        CeaseReason.NeedsMetWithoutPlan => "Needs met without an EHC plan",
        CeaseReason.HigherEducation => "Moved on to higher education",
        CeaseReason.EmploymentOrTraining => "Moved on to employment or training",
        CeaseReason.NoLongerEngaging => "No longer wishes to engage in education or training",
        CeaseReason.ReachedAge25 => "Reached age 25",
        CeaseReason.Deceased => "Died",
        CeaseReason.NotRecorded => "Not recorded (imported)",
        _ => "Other",
    };
}
