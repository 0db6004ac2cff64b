using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>
/// Days on roll that have no annual top-up to pay: their band has no amount for the financial year, or no funding row
/// is in force yet (<see cref="Band"/> null).
/// </summary>
public sealed record MissingTopUpAmount(FinancialYear Year, string? Band, LocalDate From, LocalDate To)
{
    /// <summary>What to set, for a finance officer: <c>band B2 has no amount for 2026/27 (1 April 2026 to 31 March 2027)</c>.</summary>
    public override string ToString() => (Band is null ? "no funding row (band or agreed amount) is in force" : $"band {Band} has no amount for {Year}")
        + $" ({From:d MMMM uuuu} to {To:d MMMM uuuu})";
}

/// <summary>
/// A placement's top-up cannot be worked out because amounts are missing (rule <c>TopUpAmountMustBeKnown</c>): never paid
/// as a silent zero. <see cref="Missing"/> lists every gap found.
/// </summary>
public sealed class TopUpAmountMissingException(string placementReference, IReadOnlyList<MissingTopUpAmount> missing)
    : DomainRuleException("TopUpAmountMustBeKnown",
        $"Placement {placementReference}'s top-up cannot be worked out: {string.Join("; ", missing)}.")
{
    /// <summary>The placement whose top-up is incomplete.</summary>
    public string PlacementReference { get; } = placementReference;

    /// <summary>Each band-year or period without an amount, earliest first.</summary>
    public IReadOnlyList<MissingTopUpAmount> Missing { get; } = missing;
}
