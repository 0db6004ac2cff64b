using System.Globalization;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;

namespace Placements.Web.Pages.Shared;

/// <summary>How values read on a page: dates as "1 September 2026", enums in words.</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(LocalDate date) => date.ToString("d MMMM yyyy", EnGb);
    public static string Date(LocalDate? date, string whenNone = "") => date is { } d ? Date(d) : whenNone;
    public static string Count(int n) => n.ToString("N0", EnGb);

    public static string Describe(this Phase phase) => phase switch
    {
        Phase.EarlyYears => "Early years",
        Phase.AllThrough => "All-through",
        Phase.Post16 => "Post-16",
        _ => phase.ToString(),
    };

    public static string Describe(this Need need) => need switch
    {
        Need.ASD => "Autistic spectrum disorder",
        Need.SEMH => "Social, emotional and mental health",
        Need.SLCN => "Speech, language and communication needs",
        Need.MLD => "Moderate learning difficulty",
        Need.SLD => "Severe learning difficulty",
        Need.PMLD => "Profound and multiple learning difficulty",
        Need.SPLD => "Specific learning difficulty",
        Need.HI => "Hearing impairment",
        Need.VI => "Visual impairment",
        Need.MSI => "Multi-sensory impairment",
        Need.PD => "Physical disability",
        _ => "Other difficulty or disability",
    };

    /// <summary>"ASD (Autistic spectrum disorder)": the code people use and its meaning.</summary>
    public static string CodeAndName(this Need need) => $"{need} ({need.Describe()})";

    public static string Needs(IReadOnlyList<Need> needs) => needs.Count == 0 ? "Any need" : string.Join(", ", needs);

    public static string Describe(this Attendance attendance) => attendance switch
    {
        Attendance.WeeklyBoarding => "Weekly boarding",
        Attendance.Residential52 => "52-week residential",
        _ => "Day",
    };

    public static string Describe(this OutOfAreaReason reason) => reason switch
    {
        OutOfAreaReason.NoLocalCapacity => "No local capacity",
        OutOfAreaReason.ParentalPreference => "Parental preference",
        OutOfAreaReason.SpecialistNeed => "Specialist need not met locally",
        _ => "Other reason",
    };

    public static string TagClass(this PlacementStatus status) => status switch
    {
        PlacementStatus.Proposed => "govuk-tag govuk-tag--yellow",
        PlacementStatus.Agreed => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };
}
