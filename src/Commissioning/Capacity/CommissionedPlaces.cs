using Placements.Commissioning.Auditing;
using Placements.Commissioning.Children;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Capacity;

/// <summary>
/// Places the council commissions at a provider for one academic year, for one designated need
/// or (when <see cref="Need"/> is null) for any need. Place numbers are set per academic year.
/// </summary>
public sealed class CommissionedPlaces : IAudited
{
    private CommissionedPlaces() { }

    public CommissionedPlaces(int providerId, AcademicYear academicYear, Need? need, int places)
    {
        if (places < 0) throw new DomainRuleException("PlacesMustNotBeNegative", "The number of places cannot be negative.");
        ProviderId = providerId;
        AcademicYear = academicYear;
        Need = need;
        Places = places;
    }

    public int Id { get; private set; }
    public int ProviderId { get; private set; }
    public AcademicYear AcademicYear { get; private set; }
    public Need? Need { get; private set; }
    public int Places { get; private set; }

    /// <summary>Sets the number of places from a corrected import row.</summary>
    /// <exception cref="DomainRuleException"><c>PlacesMustNotBeNegative</c>.</exception>
    public void CorrectFromImport(int places)
    {
        if (places < 0) throw new DomainRuleException("PlacesMustNotBeNegative", "The number of places cannot be negative.");
        Places = places;
    }

    public string AuditKey => $"provider {ProviderId} {AcademicYear} {(Need?.ToString() ?? "any need")}";
}
