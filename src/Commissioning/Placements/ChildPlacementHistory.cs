using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Placements;

/// <summary>A child's record as a commissioner reads it.</summary>
public sealed record ChildSummary(
    string Reference, string GivenName, string FamilyName, LocalDate DateOfBirth, Need PrimaryNeed, string ResidentLa,
    string? District, LocalDate? EhcPlanIssued, LocalDate? LastAnnualReview)
{
    public string Name => $"{GivenName} {FamilyName}";

    public int NcyIn(AcademicYear year) => NationalCurriculumYear.For(DateOfBirth, year);

    /// <summary>Twelve months after the last annual review, or after the plan was issued when none is recorded; null without a plan.</summary>
    public LocalDate? NextAnnualReviewDue => (LastAnnualReview ?? EhcPlanIssued)?.PlusMonths(12);

    /// <summary>An EHC plan must be reviewed at least every 12 months: overdue once the due date has passed.</summary>
    public bool AnnualReviewOverdue(LocalDate today) => NextAnnualReviewDue is { } due && due < today;
}

/// <summary>One placement in a child's history.</summary>
public sealed record PlacementHistoryRow(
    string Reference, string ProviderReference, string ProviderName, string ProviderLa, LocalDate Start, LocalDate? End,
    PlacementStatus Status, Attendance Attendance, string ResponsibleLa, OutOfAreaReason? OutOfAreaReason, bool DualRegistration,
    string? CapacityOverrideReason, CeaseReason? EndReason);

public sealed record ChildRecord(ChildSummary Child, IReadOnlyList<PlacementHistoryRow> Placements);

/// <summary>A child and every placement they have had, newest first.</summary>
public sealed class ChildPlacementHistory(CommissioningDb db)
{
    public async Task<ChildRecord?> FindAsync(string childReference, CancellationToken cancellationToken = default)
    {
        var child = await db.Children.AsNoTracking()
            .Where(c => c.Reference == childReference)
            .Select(c => new { c.Id, Summary = new ChildSummary(c.Reference, c.GivenName, c.FamilyName, c.DateOfBirth, c.PrimaryNeed, c.ResidentLa, c.District, c.EhcPlanIssued, c.LastAnnualReview) })
            .SingleOrDefaultAsync(cancellationToken);
        if (child is null) return null;
        var placements = await (
                from p in db.Placements.AsNoTracking()
                where p.ChildId == child.Id
                join v in db.Providers on p.ProviderId equals v.Id
                orderby p.Start descending, p.Reference descending
                select new PlacementHistoryRow(p.Reference, v.Reference, v.Name, v.LaCode, p.Start, p.End, p.Status, p.Attendance,
                    p.ResponsibleLa, p.OutOfAreaReason, p.DualRegistration, p.CapacityOverrideReason, p.EndReason))
            .ToListAsync(cancellationToken);
        return new ChildRecord(child.Summary, placements);
    }
}
