using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;

namespace Placements.Commissioning.Planning;

/// <summary>A provider as place planning sees it.</summary>
/// <param name="LaCode">The provider LA; equal to <see cref="PlanningData.CouncilLa"/> for the council's own settings.</param>
/// <param name="District">The district of the council the provider is in, when recorded.</param>
public sealed record PlanningProvider(int Id, string Reference, string Name, ProvisionType ProvisionType, string LaCode, string? District, Phase Phase);

/// <summary>A child as place planning sees it: the current primary need (no need history is held).</summary>
/// <param name="District">The district the child lives in, when recorded: where demand for a local place arises.</param>
public sealed record PlanningChild(int Id, LocalDate DateOfBirth, Need PrimaryNeed, string? District);

/// <summary>
/// An agreed or ended placement (the loader leaves proposals out, as they fill no place).
/// <paramref name="End"/> is the last day on roll, inclusive; null while the placement is open.
/// </summary>
public sealed record PlanningPlacement(int ChildId, int ProviderId, LocalDate Start, LocalDate? End, OutOfAreaReason? OutOfAreaReason, bool DualRegistration)
{
    /// <summary>Whether the child is on roll on <paramref name="date"/>; both ends included.</summary>
    public bool IsActiveOn(LocalDate date) => Start <= date && (End is null || date <= End);
}

/// <summary>
/// Everything the place-planning engine reads, as plain values: the council's providers, children,
/// placements and commissioned places. <see cref="CouncilLa"/> is the council's own LA code.
/// </summary>
public sealed record PlanningData(
    string CouncilLa,
    IReadOnlyList<PlanningProvider> Providers,
    IReadOnlyList<PlanningChild> Children,
    IReadOnlyList<PlanningPlacement> Placements,
    IReadOnlyList<CommissionedPlaces> Places);
