using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Payments;

/// <summary>
/// What one provider is told about one approved payment run (domain.md §4): the council, the run, and a line per child
/// and kind. Children appear by initials and reference only, never by name.
/// </summary>
/// <param name="CouncilName">The paying council.</param>
/// <param name="CouncilLaCode">The council's LA code.</param>
/// <param name="RunMonth">The month the run covers.</param>
/// <param name="RunSequence">1 for the month's run; 2 and up for supplementary runs.</param>
/// <param name="ApprovedOn">The day the run was approved.</param>
/// <param name="ProviderReference">The council's reference for the provider.</param>
/// <param name="ProviderName">The provider's name.</param>
/// <param name="ProviderUrn">The provider's URN, when known.</param>
/// <param name="Lines">The lines, in the order they are printed.</param>
public sealed record RemittanceAdvice(
    string CouncilName, string CouncilLaCode, YearMonth RunMonth, int RunSequence, LocalDate ApprovedOn,
    string ProviderReference, string ProviderName, string? ProviderUrn, IReadOnlyList<RemittanceLine> Lines)
{
    /// <summary>What the provider receives: every line, recoveries netted off.</summary>
    public Money Total => Lines.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);

    /// <summary>The payments alone (positive lines).</summary>
    public Money Payments => Lines.Where(l => !l.Amount.IsNegative).Aggregate(Money.Zero, (sum, line) => sum + line.Amount);

    /// <summary>The recoveries alone (negative lines), as a negative amount.</summary>
    public Money Recoveries => Lines.Where(l => l.Amount.IsNegative).Aggregate(Money.Zero, (sum, line) => sum + line.Amount);
}

/// <summary>One line of a remittance.</summary>
/// <param name="ChildInitials">The child's initials (e.g. "JS").</param>
/// <param name="ChildReference">The council's case reference for the child.</param>
/// <param name="PlacementReference">The placement paid.</param>
/// <param name="FinancialYear">The year the money belongs to.</param>
/// <param name="Kind">Top-up for the run month, an adjustment to earlier months, or an invoiced fee.</param>
/// <param name="Period">What the line covers, in words: "May 2026", "April 2026 – March 2027", "Summer term 2026".</param>
/// <param name="Amount">Pounds and pence; negative = a recovery.</param>
/// <param name="Reason">Why an adjustment was made (e.g. "leaver date 2026-05-03 recorded after payment"); null for a plain top-up.</param>
public sealed record RemittanceLine(
    string ChildInitials, string ChildReference, string PlacementReference, FinancialYear FinancialYear,
    PaymentKind Kind, string Period, Money Amount, string? Reason);
