using NodaTime;
using Placements.Commissioning.Placements;

namespace Placements.Finance.Agreements.Calculation;

/// <summary>An agreement as the pure calculation reads it: the placement's dates and attendance, the contract settings, the fee rows and the extras.</summary>
/// <param name="PlacementReference">For messages.</param>
/// <param name="PlacementStart">First day on roll.</param>
/// <param name="PlacementEnd">Last day on roll (inclusive); null while open.</param>
/// <param name="Fees">Fee rows in date order; the row in force on a day is the latest starting on or before it.</param>
/// <param name="Extras">Extras, each in force from its <c>From</c> to its <c>To</c> (inclusive).</param>
public sealed record AgreementTerms(
    string PlacementReference, LocalDate PlacementStart, LocalDate? PlacementEnd, Attendance Attendance,
    InvoicingPattern Invoicing, TermSplit TermSplit, IReadOnlyList<FeeRow> Fees, IReadOnlyList<ExtraRow> Extras);

/// <summary>The annual fee from <paramref name="EffectiveFrom"/>.</summary>
public sealed record FeeRow(LocalDate EffectiveFrom, Money AnnualAmount);

/// <summary>An extra's annual amount from <paramref name="From"/> to <paramref name="To"/> (inclusive; null = continuing).</summary>
public sealed record ExtraRow(ExtraKind Kind, string Description, LocalDate From, LocalDate? To, Money AnnualAmount);
