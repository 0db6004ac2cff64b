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

/// <summary>One child at one provider for a date range (start and end inclusive; no end = open).</summary>
public sealed class Placement : IAudited
{
    private Placement() { }

    public Placement(string reference, int childId, int providerId, LocalDate start, LocalDate? end, string responsibleLa)
    {
        if (end is { } e && e < start)
            throw new DomainRuleException("PlacementMustNotEndBeforeItStarts", $"The end date {e:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");
        Reference = reference;
        ChildId = childId;
        ProviderId = providerId;
        Start = start;
        End = end;
        ResponsibleLa = responsibleLa;
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
    public string? EndReason { get; private set; }

    public string AuditKey => Reference;

    /// <summary>Agreed, and <paramref name="date"/> inside its range.</summary>
    public bool IsActiveOn(LocalDate date) =>
        Status != PlacementStatus.Proposed && Start <= date && (End is null || date <= End);

    public void Agree() => Status = PlacementStatus.Agreed;

    /// <summary>Ends the placement on <paramref name="lastDay"/> (inclusive) with an SEN2 cease reason.</summary>
    public void EndOn(LocalDate lastDay, string reason)
    {
        if (lastDay < Start)
            throw new DomainRuleException("PlacementMustNotEndBeforeItStarts", $"The end date {lastDay:yyyy-MM-dd} is before the start date {Start:yyyy-MM-dd}.");
        End = lastDay;
        EndReason = reason;
        Status = PlacementStatus.Ended;
    }
}
