using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;

namespace Placements.Commissioning.Placements;

/// <summary>Ends an agreed placement on its last day on roll, with the SEN2 reason it ceased.</summary>
public sealed class EndPlacement(CommissioningDb db)
{
    /// <exception cref="DomainRuleException">
    /// <c>PlacementMustExist</c>, <see cref="PlacementLifecycle.OnlyAnAgreedPlacementCanEnd"/>,
    /// <see cref="PlacementLifecycle.CeaseReasonMustBeRecorded"/>, <see cref="PlacementRules.PlacementMustNotEndBeforeItStarts"/>.
    /// </exception>
    public async Task ExecuteAsync(string placementReference, LocalDate lastDay, CeaseReason reason, CancellationToken cancellationToken = default)
    {
        var placement = await db.Placements.SingleOrDefaultAsync(p => p.Reference == placementReference, cancellationToken)
            ?? throw new DomainRuleException("PlacementMustExist", $"There is no placement {placementReference}.");
        PlacementLifecycle.End(placement, lastDay, reason);
        await db.SaveChangesAsync(cancellationToken);
    }
}
