using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Children;

/// <summary>
/// The national curriculum year (NCY) a child is in, from the date of birth with the English 31 August
/// cut-off: a child who is 4 on the 31 August before an academic year starts is in Reception (NCY 0)
/// that year, 5 → Year 1, and so on. Nursery is −1 and below; 15–20 carry young people aged 19–25 (SEN2).
/// </summary>
public static class NationalCurriculumYear
{
    public const int Reception = 0;

    public static int For(LocalDate dateOfBirth, AcademicYear year) => AgeOnCutOff(dateOfBirth, year) - 4;

    /// <summary>Whole years of age on the 31 August just before <paramref name="year"/> starts: the age a provider's age range is measured in.</summary>
    public static int AgeOnCutOff(LocalDate dateOfBirth, AcademicYear year)
    {
        var cutOff = year.Start.PlusDays(-1);
        var age = cutOff.Year - dateOfBirth.Year;
        if (dateOfBirth.PlusYears(age) > cutOff) age--;
        return age;
    }

    /// <summary>The phase of education an NCY belongs to: Nursery and below early years, Reception–Y6 primary, Y7–Y11 secondary, Y12 up post-16.</summary>
    public static Phase PhaseOf(int ncy) => ncy switch
    {
        < Reception => Phase.EarlyYears,
        <= 6 => Phase.Primary,
        <= 11 => Phase.Secondary,
        _ => Phase.Post16,
    };

    /// <summary>"Reception", "Year 7", "Nursery" — how a commissioner says it.</summary>
    public static string Describe(int ncy) => ncy switch
    {
        < -1 => "Early years",
        -1 => "Nursery",
        Reception => "Reception",
        _ => $"Year {ncy}",
    };
}
