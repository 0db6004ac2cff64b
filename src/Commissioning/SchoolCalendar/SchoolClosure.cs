using NodaTime;

namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// A weekday inside a term on which the school is nevertheless closed to pupils: an INSET (training) day,
/// a bank holiday that falls in term, an election day.
/// </summary>
/// <param name="Date">The day the school is closed.</param>
/// <param name="Reason">Why, in words a finance officer can read back (e.g. "INSET day").</param>
/// <exception cref="DomainRuleException"><c>ClosureMustHaveAReason</c> when <paramref name="Reason"/> is blank.</exception>
/// <exception cref="ArgumentException"><paramref name="Date"/> is not in the ISO calendar.</exception>
public sealed record SchoolClosure(LocalDate Date, string Reason)
{
    /// <summary>The day the school is closed.</summary>
    public LocalDate Date { get; } = SchoolYears.RequireIso(Date, nameof(Date));

    /// <summary>Why the school is closed.</summary>
    public string Reason { get; } = string.IsNullOrWhiteSpace(Reason)
        ? throw new DomainRuleException("ClosureMustHaveAReason", $"The closure on {Date:d MMMM uuuu} needs a reason.")
        : Reason.Trim();
}
