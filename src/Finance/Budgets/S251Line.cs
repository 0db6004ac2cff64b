using Placements.Commissioning.Providers;

namespace Placements.Finance.Budgets;

/// <summary>
/// A line of the s251 budget statement for the High Needs Block (domain.md §7). There is no 1.2.12.
/// </summary>
public sealed record S251Line(string Code, string Name)
{
    public static readonly IReadOnlyList<S251Line> HighNeeds =
    [
        new("1.0.2", "Place funding"),
        new("1.2.1", "Top-up funding – maintained schools"),
        new("1.2.2", "Top-up funding – academies, free schools and colleges"),
        new("1.2.3", "Top-up and other funding – non-maintained and independent providers"),
        new("1.2.4", "Additional targeted funding for mainstream schools"),
        new("1.2.5", "SEN support services"),
        new("1.2.6", "Hospital education services"),
        new("1.2.7", "Other alternative provision services"),
        new("1.2.8", "Support for inclusion"),
        new("1.2.9", "Special schools and PRUs in financial difficulty"),
        new("1.2.10", "PFI/BSF costs at special schools and AP/PRUs"),
        new("1.2.11", "Direct payments (SEN and disability)"),
        new("1.2.13", "Therapies and other health-related services"),
    ];

    public static bool IsKnown(string code) => HighNeeds.Any(l => l.Code == code);

    /// <summary>
    /// The line a top-up to <paramref name="type"/> is charged to: 1.2.1 maintained settings, 1.2.2 academies, free
    /// schools and colleges, 1.2.3 non-maintained and independent providers (and other arrangements).
    /// </summary>
    public static string ForTopUp(ProvisionType type) => type switch
    {
        ProvisionType.MaintainedSpecial or ProvisionType.ResourcedProvision or ProvisionType.Mainstream
            or ProvisionType.PupilReferralUnit or ProvisionType.EarlyYears => "1.2.1",
        ProvisionType.SpecialAcademy or ProvisionType.FurtherEducation => "1.2.2",
        _ => "1.2.3",
    };
}
