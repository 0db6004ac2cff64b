using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>Where a placement stands on the forecast date, which decides the bucket its cost falls in (domain.md §7).</summary>
public enum PlacementStage
{
    /// <summary>On roll on the forecast date: paid so far is actual, the rest of the year is committed.</summary>
    Active,
    /// <summary>Ended on or before the forecast date: only its paid and still-owed days count; nothing after its end.</summary>
    Ended,
    /// <summary>Agreed, starting after the forecast date: expected demand (the pipeline).</summary>
    NotStarted,
    /// <summary>Proposed, not yet agreed (awaiting a decision): expected demand at its proposed cost.</summary>
    Proposed,
}

/// <summary>
/// One placement as the forecast reads it: who, where the money is charged, how it is paid (a top-up schedule or an
/// individual placement agreement, or neither when it cannot be priced) and what has been paid for it in the year.
/// Children by reference and initials only.
/// </summary>
/// <param name="TopUp">Paid by schedule (Element 3 top-up); null when fee-paid or unpriced.</param>
/// <param name="Agreement">Paid against invoices under an agreement; null when paid by schedule or unpriced.</param>
/// <param name="Actual">Approved payments for the year: top-up and adjustment lines of approved runs, or approved invoice lines.</param>
/// <param name="Invoiced">The periods covered by approved invoice lines in the year (fee-paid): what is left is still committed.</param>
/// <param name="InvoicedAboveExpected">How much approved invoices for the year exceed what the agreement expected (never negative).</param>
/// <param name="DateOfBirth">For the end of an open-ended placement: the academic year the young person reaches <paramref name="LastNcy"/>.</param>
/// <param name="LastNcy">The last national curriculum year the provider takes the young person to.</param>
public sealed record ForecastPlacement(
    int PlacementId, string Reference, string ProviderReference, string ChildReference, string ChildInitials,
    ProvisionType ProvisionType, string S251Line, PlacementStage Stage, LocalDate Start, LocalDate? End,
    TopUpPlacement? TopUp, AgreementTerms? Agreement, Money Actual, IReadOnlyList<DateInterval> Invoiced,
    Money InvoicedAboveExpected, LocalDate DateOfBirth, int LastNcy);

/// <summary>A placement that started in the trend window, with the annual cost it started at: the new-placements trend is measured from these.</summary>
public sealed record PlacementStart(string S251Line, ProvisionType ProvisionType, LocalDate Start, Money AnnualCost);

/// <summary>Approved payments of one month to one s251 line: the cumulative actuals on the chart.</summary>
public sealed record MonthlyActual(YearMonth Month, string S251Line, Money Amount);
