using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Placements;

/// <summary>What the register can be narrowed by; null means "any".</summary>
/// <param name="Need">The child's primary need.</param>
/// <param name="Phase">The child's phase this year, from their NCY (early years, primary, secondary, post-16).</param>
/// <param name="ActiveOn">Only placements agreed (or since ended) and running on this date.</param>
/// <param name="OutOfAreaOnly">Only placements with an out-of-area reason (any reason).</param>
public sealed record PlacementFilter(
    string? ProviderReference = null,
    Need? Need = null,
    Phase? Phase = null,
    PlacementStatus? Status = null,
    LocalDate? ActiveOn = null,
    OutOfAreaReason? OutOfAreaReason = null,
    bool OutOfAreaOnly = false);

/// <summary>One line of the register.</summary>
public sealed record PlacementRegisterRow(
    string Reference, string ChildReference, string ChildName, LocalDate DateOfBirth, Need Need,
    string ProviderReference, string ProviderName, LocalDate Start, LocalDate? End, PlacementStatus Status,
    Attendance Attendance, string ResponsibleLa, OutOfAreaReason? OutOfAreaReason, bool DualRegistration);

/// <summary>One page of the register and how many placements match in all.</summary>
public sealed record PlacementRegisterPage(IReadOnlyList<PlacementRegisterRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The placement register: every placement, filtered and paged in the database, newest start first.</summary>
public sealed class PlacementRegister(CommissioningDb db)
{
    /// <param name="phaseYear">The academic year in which a child's phase is worked out (normally this one).</param>
    /// <param name="page">1-based; a page past the end gives no rows.</param>
    public async Task<PlacementRegisterPage> FindAsync(PlacementFilter filter, AcademicYear phaseYear, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var rows =
            from p in db.Placements.AsNoTracking()
            join c in db.Children on p.ChildId equals c.Id
            join v in db.Providers on p.ProviderId equals v.Id
            select new { p, c, v };
        if (!string.IsNullOrWhiteSpace(filter.ProviderReference)) rows = rows.Where(r => r.v.Reference == filter.ProviderReference);
        if (filter.Need is { } need) rows = rows.Where(r => r.c.PrimaryNeed == need);
        if (filter.Phase is { } phase && BornBetween(phase, phaseYear) is var (earliest, latest))
        {
            if (earliest is { } e) rows = rows.Where(r => r.c.DateOfBirth >= e);
            if (latest is { } l) rows = rows.Where(r => r.c.DateOfBirth <= l);
        }
        if (filter.Status is { } status) rows = rows.Where(r => r.p.Status == status);
        if (filter.ActiveOn is { } day)
            rows = rows.Where(r => r.p.Status != PlacementStatus.Proposed && r.p.Start <= day && (r.p.End == null || r.p.End >= day));
        if (filter.OutOfAreaReason is { } reason) rows = rows.Where(r => r.p.OutOfAreaReason == reason);
        else if (filter.OutOfAreaOnly) rows = rows.Where(r => r.p.OutOfAreaReason != null);

        var total = await rows.CountAsync(cancellationToken);
        var found = await rows
            .OrderByDescending(r => r.p.Start).ThenBy(r => r.p.Reference)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new PlacementRegisterRow(r.p.Reference, r.c.Reference, r.c.GivenName + " " + r.c.FamilyName, r.c.DateOfBirth, r.c.PrimaryNeed,
                r.v.Reference, r.v.Name, r.p.Start, r.p.End, r.p.Status, r.p.Attendance, r.p.ResponsibleLa, r.p.OutOfAreaReason, r.p.DualRegistration))
            .ToListAsync(cancellationToken);
        return new PlacementRegisterPage(found, total, page, pageSize);
    }

    /// <summary>
    /// The dates of birth of children in <paramref name="phase"/> during <paramref name="year"/> (inclusive; null = open),
    /// from the NCY rule: a child aged <c>a</c> on the 31 August before the year is in NCY <c>a − 4</c>.
    /// All-through is not a child's phase and gives no limit.
    /// </summary>
    public static (LocalDate? Earliest, LocalDate? Latest) BornBetween(Phase phase, AcademicYear year)
    {
        var cutOff = year.Start.PlusDays(-1);
        // Aged at least a on the cut-off ⇔ born on or before cutOff − a years.
        LocalDate AgedAtLeast(int age) => cutOff.PlusYears(-age);
        LocalDate YoungerThan(int age) => cutOff.PlusYears(-age).PlusDays(1);
        const int ncyToAge = 4;
        return phase switch
        {
            Phase.EarlyYears => (YoungerThan(NationalCurriculumYear.Reception + ncyToAge), null),
            Phase.Primary => (YoungerThan(7 + ncyToAge), AgedAtLeast(NationalCurriculumYear.Reception + ncyToAge)),
            Phase.Secondary => (YoungerThan(12 + ncyToAge), AgedAtLeast(7 + ncyToAge)),
            Phase.Post16 => (null, AgedAtLeast(12 + ncyToAge)),
            _ => (null, null),
        };
    }
}
