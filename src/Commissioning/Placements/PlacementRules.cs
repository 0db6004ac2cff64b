using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Placements;

/// <summary>
/// The named rules a placement must keep. Each breach throws a <see cref="DomainRuleException"/>
/// carrying the rule's name; <see cref="Warnings"/> are advisory and never stop a placement.
/// </summary>
public static class PlacementRules
{
    public const string PlacementMustNotEndBeforeItStarts = nameof(PlacementMustNotEndBeforeItStarts);
    public const string PlacementsMustNotOverlap = nameof(PlacementsMustNotOverlap);
    public const string FullProviderNeedsOverrideReason = nameof(FullProviderNeedsOverrideReason);

    public static void EndNotBeforeStart(LocalDate start, LocalDate end)
    {
        if (end < start)
            throw new DomainRuleException(PlacementMustNotEndBeforeItStarts, $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");
    }

    /// <summary>
    /// A child has no two overlapping placements unless one of them is a dual registration.
    /// Proposals do not count: a child can have several settings proposed while a decision is made.
    /// </summary>
    public static void NoOverlap(Placement placement, IEnumerable<Placement> childsOtherPlacements)
    {
        var clash = FindOverlap(placement, childsOtherPlacements);
        if (clash is not null)
            throw new DomainRuleException(PlacementsMustNotOverlap, OverlapMessage(placement, clash));
    }

    public static Placement? FindOverlap(Placement placement, IEnumerable<Placement> childsOtherPlacements) =>
        placement.DualRegistration
            ? null
            : childsOtherPlacements.FirstOrDefault(other =>
                other.Reference != placement.Reference
                && other.Status != PlacementStatus.Proposed
                && !other.DualRegistration
                && other.Overlaps(placement.Start, placement.End));

    public static string OverlapMessage(Placement placement, Placement clash) =>
        $"Placement {placement.Reference} overlaps placement {clash.Reference} " +
        $"({clash.Start:yyyy-MM-dd} to {(clash.End is { } e ? e.ToString("yyyy-MM-dd", null) : "open")}) for the same child; mark one as dual registration if both are intended.";

    /// <summary>Advice for a placement outside the provider's age range or designated needs.</summary>
    public static IReadOnlyList<string> Warnings(Provider provider, Child child, LocalDate start)
    {
        var warnings = new List<string>();
        var age = NationalCurriculumYear.AgeOnCutOff(child.DateOfBirth, AcademicYear.For(start));
        if (provider.AgeFrom is { } from && age < from || provider.AgeTo is { } to && age > to)
            warnings.Add($"{provider.Name} takes ages {provider.AgeFrom?.ToString() ?? "any"} to {provider.AgeTo?.ToString() ?? "any"}; the child is {age} on the 31 August before the start.");
        if (provider.DesignatedNeeds.Count > 0 && !provider.DesignatedNeeds.Contains(child.PrimaryNeed))
            warnings.Add($"{provider.Name} is designated for {string.Join(", ", provider.DesignatedNeeds)}, not the child's primary need {child.PrimaryNeed}.");
        return warnings;
    }
}
