using NodaTime;
using Placements.Commissioning.Auditing;

namespace Placements.Commissioning.Placements;

public enum PlacementStatus
{
    Proposed,
    Agreed,
    Ended,
}

public enum Attendance
{
    Day,
    WeeklyBoarding,
    Residential52,
}

public enum OutOfAreaReason
{
    NoLocalCapacity,
    ParentalPreference,
    SpecialistNeed,
    Other,
}

/// <summary>
/// One child at one provider for a date range (start and end inclusive; no end = open).
/// Lifecycle: Proposed → Agreed → Ended. Rules that need other placements or the provider's
/// capacity are checked by <see cref="PlacementRules"/> before these methods are called.
/// </summary>
public sealed class Placement : IAudited
{
    private Placement() { }

    public Placement(string reference, int childId, int providerId, LocalDate start, LocalDate? end, string responsibleLa)
    {
        if (end is { } e) PlacementRules.EndNotBeforeStart(start, e);
        Reference = Require(reference, nameof(reference));
        ChildId = childId;
        ProviderId = providerId;
        Start = start;
        End = end;
        ResponsibleLa = Require(responsibleLa, nameof(responsibleLa));
    }

    public int Id { get; private set; }
    /// <summary>The council's reference for the placement (<c>placement_ref</c>); unique.</summary>
    public string Reference { get; private set; } = "";
    public int ChildId { get; private set; }
    public int ProviderId { get; private set; }
    public LocalDate Start { get; private set; }
    /// <summary>The last day on roll (inclusive); null while the placement is open.</summary>
    public LocalDate? End { get; private set; }
    public PlacementStatus Status { get; private set; } = PlacementStatus.Proposed;
    public Attendance Attendance { get; set; } = Attendance.Day;
    /// <summary>The local authority that commissions the place and pays the top-up.</summary>
    public string ResponsibleLa { get; set; } = "";
    public OutOfAreaReason? OutOfAreaReason { get; set; }
    /// <summary>One of two settings the child attends at once (e.g. a PRU and a home school); may overlap another placement.</summary>
    public bool DualRegistration { get; set; }
    /// <summary>Why the placement was agreed although the provider had no vacancy for the need; recorded, never required otherwise.</summary>
    public string? CapacityOverrideReason { get; private set; }
    public CeaseReason? EndReason { get; private set; }

    public string AuditKey => Reference;

    /// <summary>Agreed or ended, and <paramref name="date"/> inside its range.</summary>
    public bool IsActiveOn(LocalDate date) =>
        Status != PlacementStatus.Proposed && Start <= date && (End is null || date <= End);

    /// <summary>True when the two date ranges share at least one day.</summary>
    public bool Overlaps(LocalDate start, LocalDate? end) =>
        Start <= (end ?? LocalDate.MaxIsoValue) && start <= (End ?? LocalDate.MaxIsoValue);

    /// <summary>
    /// Agrees a proposed placement. <paramref name="providerHasVacancy"/> comes from the provider's
    /// capacity for the child's need on the start date; without one, an override reason is required.
    /// </summary>
    public void Agree(bool providerHasVacancy, string? overrideReason)
    {
        if (Status != PlacementStatus.Proposed)
            throw new DomainRuleException("OnlyAProposedPlacementCanBeAgreed", $"Placement {Reference} is already {Status.ToString().ToLowerInvariant()}.");
        if (!providerHasVacancy && string.IsNullOrWhiteSpace(overrideReason))
            throw new DomainRuleException(PlacementRules.FullProviderNeedsOverrideReason,
                "The provider has no vacancy for this need on the start date. Give the reason for placing the child anyway.");
        CapacityOverrideReason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        Status = PlacementStatus.Agreed;
    }

    /// <summary>Records an existing placement brought in from a council's history: agreed, and ended when its end date has passed.</summary>
    public void RecordAsExisting(LocalDate today, CeaseReason? endReason)
    {
        Status = End is { } end && end < today ? PlacementStatus.Ended : PlacementStatus.Agreed;
        EndReason = Status == PlacementStatus.Ended ? endReason ?? CeaseReason.NotRecorded : endReason;
    }

    /// <summary>Updates dates and terms from a corrected import row (the import is the record of an existing placement).</summary>
    public void CorrectFromImport(int childId, int providerId, LocalDate start, LocalDate? end)
    {
        if (end is { } e) PlacementRules.EndNotBeforeStart(start, e);
        ChildId = childId;
        ProviderId = providerId;
        Start = start;
        End = end;
    }

    /// <summary>Ends the placement on <paramref name="lastDay"/> (inclusive) with an SEN2 cease reason.</summary>
    public void EndOn(LocalDate lastDay, CeaseReason reason)
    {
        if (Status == PlacementStatus.Proposed)
            throw new DomainRuleException("OnlyAnAgreedPlacementCanEnd", $"Placement {Reference} was never agreed; withdraw the proposal instead.");
        PlacementRules.EndNotBeforeStart(Start, lastDay);
        End = lastDay;
        EndReason = reason;
        Status = PlacementStatus.Ended;
    }

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value.Trim();
}
