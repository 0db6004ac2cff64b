using Microsoft.EntityFrameworkCore;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Capacity;

/// <summary>
/// Sets the places commissioned at a provider for one academic year and one need (or any need):
/// creates the row or changes it. The audit trail records the change.
/// </summary>
public sealed class SetCommissionedPlaces(CommissioningDb db)
{
    /// <exception cref="DomainRuleException">
    /// <c>PlacesMustNotBeNegative</c>; <c>ProviderMustExist</c> when no provider has <paramref name="providerReference"/>.
    /// </exception>
    public async Task ExecuteAsync(string providerReference, AcademicYear year, Need? need, int places, CancellationToken cancellationToken = default)
    {
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Reference == providerReference, cancellationToken)
            ?? throw new DomainRuleException("ProviderMustExist", $"There is no provider {providerReference}.");
        var row = await db.CommissionedPlaces.SingleOrDefaultAsync(
            c => c.ProviderId == provider.Id && c.AcademicYear == year && c.Need == need, cancellationToken);
        if (row is null) db.CommissionedPlaces.Add(new CommissionedPlaces(provider.Id, year, need, places));
        else row.ChangeTo(places);
        await db.SaveChangesAsync(cancellationToken);
    }
}
