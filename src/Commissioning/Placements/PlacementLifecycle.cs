using System.Globalization;
using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;

namespace Placements.Commissioning.Placements;

/// <summary>
/// The pure decisions behind the placement use cases: values in, a changed placement or a
/// <see cref="DomainRuleException"/> out. No database, no clock.
/// </summary>
public static class PlacementLifecycle
{
    public const string OnlyAProposedPlacementCanBeAgreed = nameof(OnlyAProposedPlacementCanBeAgreed);
    public const string OnlyAnAgreedPlacementCanEnd = nameof(OnlyAnAgreedPlacementCanEnd);
    public const string CeaseReasonMustBeRecorded = nameof(CeaseReasonMustBeRecorded);

    /// <summary>
    /// Agrees <paramref name="placement"/>: refuses a placement that is not proposed, one that overlaps another of the
    /// child's agreed placements (<see cref="PlacementRules.PlacementsMustNotOverlap"/>), and one at a provider with no
    /// vacancy for the child's need on the start date unless an override reason is given
    /// (<see cref="PlacementRules.FullProviderNeedsOverrideReason"/>), which is then recorded.
    /// </summary>
    /// <param name="capacityOnStart">The provider's capacity on the placement's start date (places of that academic year).</param>
    public static void Agree(Placement placement, IEnumerable<Placement> childsOtherPlacements, ProviderCapacity capacityOnStart, Need childsNeed, string? overrideReason)
    {
        if (placement.Status != PlacementStatus.Proposed)
            throw new DomainRuleException(OnlyAProposedPlacementCanBeAgreed, $"Placement {placement.Reference} is already {placement.Status.ToString().ToLowerInvariant()}.");
        PlacementRules.NoOverlap(placement, childsOtherPlacements);
        placement.Agree(capacityOnStart.HasVacancyFor(childsNeed), overrideReason);
    }

    /// <summary>
    /// Ends an agreed placement on <paramref name="lastDay"/> (the last day on roll, inclusive) for an SEN2 reason.
    /// <see cref="CeaseReason.NotRecorded"/> is only for imported history, and an ended placement is not ended again.
    /// </summary>
    public static void End(Placement placement, LocalDate lastDay, CeaseReason reason)
    {
        if (reason == CeaseReason.NotRecorded)
            throw new DomainRuleException(CeaseReasonMustBeRecorded, "Choose why the placement ended.");
        if (placement.Status != PlacementStatus.Agreed)
            throw new DomainRuleException(OnlyAnAgreedPlacementCanEnd, placement.Status == PlacementStatus.Ended
                ? $"Placement {placement.Reference} has already ended."
                : $"Placement {placement.Reference} was never agreed; withdraw the proposal instead.");
        placement.EndOn(lastDay, reason);
    }

    /// <summary>
    /// The next placement reference for a child: <c>{childReference}-{n}</c>, one more than the highest <c>n</c>
    /// among <paramref name="existingReferences"/> in that form (so <c>C100001-3</c> follows <c>-1</c> and <c>-2</c>).
    /// </summary>
    public static string NextReference(string childReference, IEnumerable<string> existingReferences)
    {
        var prefix = childReference + "-";
        var highest = existingReferences
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"{prefix}{highest + 1}";
    }
}
