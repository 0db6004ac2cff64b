using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Interchange;

/// <summary>A row of <c>providers.csv</c>, its values checked. <see cref="AgeFrom"/>/<see cref="AgeTo"/> are an extension of the format.</summary>
public sealed record ProviderRow(int Line, string Reference, string Name, ProvisionType ProvisionType, string? Urn, string? Ukprn,
    string LaCode, string? District, Phase Phase, List<Need> DesignatedNeeds, int? AgeFrom, int? AgeTo);

/// <summary>A row of <c>places.csv</c>: places at a provider for an academic year, for one need or (null) any need.</summary>
public sealed record PlacesRow(int Line, string ProviderRef, AcademicYear AcademicYear, Need? Need, int Places);

/// <summary>A row of <c>children.csv</c>. <see cref="District"/> is an extension of the format.</summary>
public sealed record ChildRow(int Line, string Reference, string GivenName, string FamilyName, LocalDate DateOfBirth, Need PrimaryNeed,
    string ResidentLa, string? District, LocalDate? EhcPlanIssued, LocalDate? LastAnnualReview);

/// <summary>A row of <c>placements.csv</c>. <see cref="DualRegistration"/> and <see cref="EndReason"/> are extensions of the format.</summary>
public sealed record PlacementRow(int Line, string Reference, string ChildRef, string ProviderRef, LocalDate Start, LocalDate? End,
    Attendance Attendance, string? ResponsibleLa, OutOfAreaReason? OutOfAreaReason, bool DualRegistration, CeaseReason? EndReason);

/// <summary>A row of <c>term_dates.csv</c>.</summary>
public sealed record TermRow(int Line, Term Term);

/// <summary>A row of <c>school_closures.csv</c>.</summary>
public sealed record ClosureRow(int Line, SchoolClosure Closure);
