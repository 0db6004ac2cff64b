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
/// Writes checked Commissioning files into the database: each row creates its entity or updates the existing
/// one of the same key, touching only values that differ, so an unchanged row writes nothing (and no audit row).
/// Call it inside the caller's transaction after <see cref="CommissioningFiles.Validate"/> found no error.
/// </summary>
public sealed class CommissioningImport(CommissioningDb db, CommissioningState state, LocalDate today, string councilLaCode)
{
    /// <summary>
    /// The tally of each file written, the references of providers created or changed, and advice on the placements
    /// created or changed (outside the provider's age range or designation) as <c>file:line: warning: message</c>.
    /// </summary>
    public sealed record Outcome(IReadOnlyList<ImportTally> Files, IReadOnlySet<string> ProvidersChanged, IReadOnlyList<string> Warnings);

    public async Task<Outcome> ApplyAsync(CommissioningFiles files, IReadOnlySet<string> present, CancellationToken cancellationToken = default)
    {
        var tallies = new Dictionary<string, ImportTally>();
        ImportTally Tally(string file) => tallies.TryGetValue(file, out var t) ? t : tallies[file] = new ImportTally(file);
        var providersChanged = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in files.ProviderRows)
            {
                var change = Upsert(row);
                if (change != RowChange.Unchanged) providersChanged.Add(row.Reference);
                Tally(CommissioningFiles.Providers).Count(change);
            }
            foreach (var row in files.ChildRows) Tally(CommissioningFiles.Children).Count(Upsert(row));
            foreach (var row in files.TermRows) Tally(CommissioningFiles.TermDates).Count(Upsert(row.Term));
            foreach (var row in files.ClosureRows) Tally(CommissioningFiles.SchoolClosures).Count(Upsert(row.Closure));
            await SaveAsync(cancellationToken); // providers and children get their ids

            foreach (var row in files.PlacesRows) Tally(CommissioningFiles.Places).Count(Upsert(row));
            foreach (var row in files.PlacementRows)
            {
                var change = Upsert(row);
                Tally(CommissioningFiles.Placements).Count(change);
                if (change != RowChange.Unchanged) warnings.AddRange(WarningsFor(row));
            }
            await SaveAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        var reported = CommissioningFiles.Columns.Keys.Where(present.Contains).Select(Tally).ToList();
        return new Outcome(reported, providersChanged, warnings);
    }

    // Advice never stops an import (these are existing placements); it names references and ages, never a child's name.
    private IEnumerable<string> WarningsFor(PlacementRow row) =>
        PlacementRules.Warnings(state.Providers[row.ProviderRef], state.Children[row.ChildRef], row.Start)
            .Select(w => $"{CommissioningFiles.Placements}:{row.Line}: warning: {row.Reference}: {w}");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }

    private RowChange Upsert(ProviderRow row)
    {
        if (!state.Providers.TryGetValue(row.Reference, out var provider))
        {
            provider = new Provider(row.Reference, row.Name, row.ProvisionType, row.LaCode, row.Phase);
            Fill(provider, row);
            db.Providers.Add(provider);
            state.Providers[row.Reference] = provider;
            return RowChange.Created;
        }
        var before = Snapshot(provider);
        provider.Name = row.Name;
        provider.ProvisionType = row.ProvisionType;
        provider.LaCode = row.LaCode;
        provider.Phase = row.Phase;
        Fill(provider, row);
        return Equals(Snapshot(provider), before) ? RowChange.Unchanged : RowChange.Updated;

        static void Fill(Provider p, ProviderRow row)
        {
            p.Urn = row.Urn;
            p.Ukprn = row.Ukprn;
            p.District = row.District;
            p.AgeFrom = row.AgeFrom;
            p.AgeTo = row.AgeTo;
            if (!p.DesignatedNeeds.SequenceEqual(row.DesignatedNeeds)) p.DesignatedNeeds = row.DesignatedNeeds;
        }

        static object Snapshot(Provider p) =>
            (p.Name, p.ProvisionType, p.Urn, p.Ukprn, p.LaCode, p.District, p.Phase, p.AgeFrom, p.AgeTo, string.Join(';', p.DesignatedNeeds));
    }

    private RowChange Upsert(ChildRow row)
    {
        var created = !state.Children.TryGetValue(row.Reference, out var child);
        if (created)
        {
            child = new Child(row.Reference, row.GivenName, row.FamilyName, row.DateOfBirth, row.PrimaryNeed, row.ResidentLa);
            db.Children.Add(child);
            state.Children[row.Reference] = child;
        }
        var before = Snapshot(child!);
        child!.GivenName = row.GivenName;
        child.FamilyName = row.FamilyName;
        child.DateOfBirth = row.DateOfBirth;
        child.PrimaryNeed = row.PrimaryNeed;
        child.ResidentLa = row.ResidentLa;
        child.District = row.District;
        child.EhcPlanIssued = row.EhcPlanIssued;
        child.LastAnnualReview = row.LastAnnualReview;
        return created ? RowChange.Created : Equals(Snapshot(child), before) ? RowChange.Unchanged : RowChange.Updated;

        static object Snapshot(Child c) => (c.GivenName, c.FamilyName, c.DateOfBirth, c.PrimaryNeed, c.ResidentLa, c.District, c.EhcPlanIssued, c.LastAnnualReview);
    }

    private RowChange Upsert(Term term)
    {
        if (!state.Terms.TryGetValue(term.Start, out var existing))
        {
            db.Terms.Add(term);
            state.Terms[term.Start] = term;
            return RowChange.Created;
        }
        if (existing.End == term.End) return RowChange.Unchanged;
        // Terms are immutable records; a corrected end date is written through the change tracker.
        db.Entry(existing).Property(t => t.End).CurrentValue = term.End;
        return RowChange.Updated;
    }

    private RowChange Upsert(SchoolClosure closure)
    {
        if (!state.Closures.TryGetValue(closure.Date, out var existing))
        {
            db.SchoolClosures.Add(closure);
            state.Closures[closure.Date] = closure;
            return RowChange.Created;
        }
        if (existing.Reason == closure.Reason) return RowChange.Unchanged;
        db.Entry(existing).Property(c => c.Reason).CurrentValue = closure.Reason;
        return RowChange.Updated;
    }

    private RowChange Upsert(PlacesRow row)
    {
        var providerId = state.Providers[row.ProviderRef].Id;
        if (!state.Places.TryGetValue((providerId, row.AcademicYear, row.Need), out var places))
        {
            places = new CommissionedPlaces(providerId, row.AcademicYear, row.Need, row.Places);
            db.CommissionedPlaces.Add(places);
            state.Places[(providerId, row.AcademicYear, row.Need)] = places;
            return RowChange.Created;
        }
        if (places.Places == row.Places) return RowChange.Unchanged;
        places.ChangeTo(row.Places);
        return RowChange.Updated;
    }

    private RowChange Upsert(PlacementRow row)
    {
        var childId = state.Children[row.ChildRef].Id;
        var providerId = state.Providers[row.ProviderRef].Id;
        var responsibleLa = row.ResponsibleLa ?? councilLaCode;
        var created = !state.Placements.TryGetValue(row.Reference, out var placement);
        if (created)
        {
            placement = new Placement(row.Reference, childId, providerId, row.Start, row.End, responsibleLa);
            db.Placements.Add(placement);
            state.Placements[row.Reference] = placement;
        }
        var before = Snapshot(placement!);
        placement!.CorrectFromImport(childId, providerId, row.Start, row.End);
        placement.Attendance = row.Attendance;
        placement.ResponsibleLa = responsibleLa;
        placement.OutOfAreaReason = row.OutOfAreaReason;
        placement.DualRegistration = row.DualRegistration;
        placement.RecordAsExisting(today, row.EndReason);
        return created ? RowChange.Created : Equals(Snapshot(placement), before) ? RowChange.Unchanged : RowChange.Updated;

        static object Snapshot(Placement p) =>
            (p.ChildId, p.ProviderId, p.Start, p.End, p.Status, p.EndReason, p.Attendance, p.ResponsibleLa, p.OutOfAreaReason, p.DualRegistration);
    }
}
