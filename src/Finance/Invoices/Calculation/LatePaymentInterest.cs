using NodaTime;

namespace Placements.Finance.Invoices.Calculation;

/// <summary>The base rate from a date, in basis points (4.00% = 400).</summary>
public sealed record BaseRateRow(LocalDate EffectiveFrom, int BasisPoints);

/// <summary>What paying a debt late costs under the Late Payment of Commercial Debts (Interest) Act 1998.</summary>
/// <param name="DaysLate">Days after the due date the debt was (or will be, on the date asked) paid; 0 when on time.</param>
/// <param name="ReferenceRateBasisPoints">The base rate the Act's reference date gives.</param>
/// <param name="Interest">Simple interest at reference rate + 8% a year, daily, rounded once half away from zero.</param>
/// <param name="Compensation">Fixed sum by size of debt: £40, £70 or £100 (zero when not late).</param>
public sealed record LateCharge(int DaysLate, int ReferenceRateBasisPoints, Money Interest, Money Compensation)
{
    public Money Total => Interest + Compensation;

    /// <summary>Reference rate + 8%, e.g. 12.00%.</summary>
    public decimal AnnualRatePercent => (ReferenceRateBasisPoints + 800) / 100m;
}

/// <summary>
/// Statutory late-payment interest and fixed compensation (domain.md §6). Pure.
/// Interest = debt × (reference rate + 8%) × days late ÷ 365, simple, from the day after the due date to the day paid.
/// The reference rate is the base rate in force on 31 December (for a debt falling due 1 January–30 June) or 30 June
/// (due 1 July–31 December), fixed for the life of the debt as the Act's 2002 Order sets it.
/// Worked example: £34,226.40 paid 20 days late at base rate 4% → 12% → £225.05, plus £100 compensation.
/// </summary>
public static class LatePaymentInterest
{
    /// <exception cref="Commissioning.DomainRuleException"><c>NoBaseRateForDate</c> when the table has no rate on the reference date.</exception>
    public static LateCharge For(Money debt, LocalDate dueOn, LocalDate paidOn, IReadOnlyList<BaseRateRow> baseRates) =>
        throw new NotImplementedException();

    /// <summary>Under £1,000 → £40; £1,000–£9,999.99 → £70; £10,000 or more → £100.</summary>
    public static Money FixedCompensation(Money debt) => throw new NotImplementedException();

    /// <summary>31 December or 30 June before the half-year the due date is in.</summary>
    public static LocalDate ReferenceDate(LocalDate dueOn) => throw new NotImplementedException();
}
