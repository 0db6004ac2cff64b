using Microsoft.EntityFrameworkCore;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Planning;

namespace Placements.Commissioning.Persistence;

/// <summary>
/// Loads what the place-planning engine reads, as plain values in four untracked projections
/// (a county of 20,000 placements is a few megabytes). Proposals are left out: they fill no place.
/// </summary>
public sealed class PlanningDataQuery(CommissioningDb db)
{
    public async Task<PlanningData> LoadAsync(string councilLa, CancellationToken cancellationToken = default)
    {
        var providers = await db.Providers.AsNoTracking()
            .Select(p => new PlanningProvider(p.Id, p.Reference, p.Name, p.ProvisionType, p.LaCode, p.District, p.Phase))
            .ToListAsync(cancellationToken);
        var children = await db.Children.AsNoTracking()
            .Select(c => new PlanningChild(c.Id, c.DateOfBirth, c.PrimaryNeed, c.District))
            .ToListAsync(cancellationToken);
        var placements = await db.Placements.AsNoTracking()
            .Where(p => p.Status != PlacementStatus.Proposed)
            .Select(p => new PlanningPlacement(p.ChildId, p.ProviderId, p.Start, p.End, p.OutOfAreaReason, p.DualRegistration))
            .ToListAsync(cancellationToken);
        var places = await db.CommissionedPlaces.AsNoTracking().ToListAsync(cancellationToken);
        return new PlanningData(councilLa, providers, children, placements, places);
    }
}
