using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>What the agree and end forms show about the placement they act on.</summary>
public sealed record PlacementHeading(
    string Reference, string ChildReference, string ChildName, Need Need, string ProviderReference, string ProviderName,
    LocalDate Start, LocalDate? End, PlacementStatus Status, bool DualRegistration)
{
    public static Task<PlacementHeading?> FindAsync(CommissioningDb db, string reference, CancellationToken cancellationToken) =>
        (from p in db.Placements
         where p.Reference == reference
         join c in db.Children on p.ChildId equals c.Id
         join v in db.Providers on p.ProviderId equals v.Id
         select new PlacementHeading(p.Reference, c.Reference, c.GivenName + " " + c.FamilyName, c.PrimaryNeed, v.Reference, v.Name, p.Start, p.End, p.Status, p.DualRegistration))
        .SingleOrDefaultAsync(cancellationToken);
}
