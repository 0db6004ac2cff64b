using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Interchange;

/// <summary>
/// What the database already holds, keyed as the import files key it: one query per table, tracked so
/// that the import can update rows in place. Built from plain lists in tests.
/// </summary>
public sealed class CommissioningState
{
    public Dictionary<string, Provider> Providers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Child> Children { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Placement> Placements { get; } = new(StringComparer.Ordinal);
    public Dictionary<(int ProviderId, AcademicYear Year, Need? Need), CommissionedPlaces> Places { get; } = [];
    public Dictionary<LocalDate, Term> Terms { get; } = [];
    public Dictionary<LocalDate, SchoolClosure> Closures { get; } = [];

    public static CommissioningState Empty => new();

    public static CommissioningState Of(IEnumerable<Provider> providers, IEnumerable<Child> children, IEnumerable<Placement> placements)
    {
        var state = new CommissioningState();
        foreach (var p in providers) state.Providers[p.Reference] = p;
        foreach (var c in children) state.Children[c.Reference] = c;
        foreach (var p in placements) state.Placements[p.Reference] = p;
        return state;
    }

    public static async Task<CommissioningState> LoadAsync(CommissioningDb db, CancellationToken cancellationToken = default)
    {
        var state = Of(
            await db.Providers.ToListAsync(cancellationToken),
            await db.Children.ToListAsync(cancellationToken),
            await db.Placements.ToListAsync(cancellationToken));
        foreach (var p in await db.CommissionedPlaces.ToListAsync(cancellationToken)) state.Places[(p.ProviderId, p.AcademicYear, p.Need)] = p;
        foreach (var t in await db.Terms.ToListAsync(cancellationToken)) state.Terms[t.Start] = t;
        foreach (var c in await db.SchoolClosures.ToListAsync(cancellationToken)) state.Closures[c.Date] = c;
        return state;
    }
}
