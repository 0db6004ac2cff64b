using Microsoft.EntityFrameworkCore;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;

namespace Placements.Commissioning.Placements;

/// <summary>What agreeing a proposal would meet: the provider's capacity on the start date and any clash.</summary>
/// <param name="HasVacancy">Whether the provider has a place for the child's need on the start date; if not, an override reason is required.</param>
/// <param name="Overlap">An agreed placement of the same child that the proposal overlaps, if any.</param>
public sealed record AgreementCheck(string PlacementReference, Need ChildsNeed, ProviderCapacity CapacityOnStart, bool HasVacancy, string? Overlap);

/// <summary>
/// Agrees a proposed placement after checking it does not overlap the child's other placements and the provider
/// has a vacancy for the child's need on the start date (places of that academic year, placements active that day);
/// a full provider needs an override reason, which is recorded.
/// </summary>
public sealed class AgreePlacement(CommissioningDb db, ProviderOccupancy occupancy)
{
    /// <summary>The checks agreeing would make, without changing anything (for the form).</summary>
    public async Task<AgreementCheck?> CheckAsync(string placementReference, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(placementReference, cancellationToken) is not { } loaded) return null;
        var clash = PlacementRules.FindOverlap(loaded.Placement, loaded.Others);
        return new AgreementCheck(loaded.Placement.Reference, loaded.Need, loaded.Capacity, loaded.Capacity.HasVacancyFor(loaded.Need), clash?.Reference);
    }

    /// <exception cref="DomainRuleException">
    /// <c>PlacementMustExist</c>, <see cref="PlacementLifecycle.OnlyAProposedPlacementCanBeAgreed"/>,
    /// <see cref="PlacementRules.PlacementsMustNotOverlap"/>, <see cref="PlacementRules.FullProviderNeedsOverrideReason"/>.
    /// </exception>
    public async Task ExecuteAsync(string placementReference, string? overrideReason, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(placementReference, cancellationToken)
            ?? throw new DomainRuleException("PlacementMustExist", $"There is no placement {placementReference}.");
        PlacementLifecycle.Agree(loaded.Placement, loaded.Others, loaded.Capacity, loaded.Need, overrideReason);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Loaded?> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var placement = await db.Placements.SingleOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        if (placement is null) return null;
        var others = await db.Placements.Where(p => p.ChildId == placement.ChildId && p.Id != placement.Id).ToListAsync(cancellationToken);
        var need = await db.Children.Where(c => c.Id == placement.ChildId).Select(c => c.PrimaryNeed).SingleAsync(cancellationToken);
        var capacity = await occupancy.OnAsync(placement.ProviderId, placement.Start, cancellationToken);
        return new Loaded(placement, others, need, capacity);
    }

    private sealed record Loaded(Placement Placement, List<Placement> Others, Need Need, ProviderCapacity Capacity);
}
