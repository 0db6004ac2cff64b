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
        PlacesMustNotBeNegative(places);
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

    /// <summary>Sets a new number of places for the same provider, year and need (from the page or a corrected import row).</summary>
    /// <exception cref="DomainRuleException"><c>PlacesMustNotBeNegative</c>.</exception>
    public void ChangeTo(int places)
    {
        PlacesMustNotBeNegative(places);
        Places = places;
    }

    private static void PlacesMustNotBeNegative(int places)
    {
        if (places < 0) throw new DomainRuleException(nameof(PlacesMustNotBeNegative), "The number of places cannot be negative.");
    }

    public string AuditKey => $"provider {ProviderId} {AcademicYear} {(Need?.ToString() ?? "any need")}";
}
