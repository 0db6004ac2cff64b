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
}
