using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Funding.Entitlement;

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
    /// <remarks>Paid on or before the due date: nothing is owed, and a missing base rate does not matter (the rate shows as 0 if unknown).</remarks>
    public static LateCharge For(Money debt, LocalDate dueOn, LocalDate paidOn, IReadOnlyList<BaseRateRow> baseRates)
    {
        ArgumentNullException.ThrowIfNull(baseRates);
        var daysLate = Math.Max(0, Period.DaysBetween(dueOn, paidOn));
        var reference = ReferenceDate(dueOn);
        var rate = baseRates.Where(r => r.EffectiveFrom <= reference).MaxBy(r => r.EffectiveFrom);
        if (daysLate == 0) return new(0, rate?.BasisPoints ?? 0, Money.Zero, Money.Zero);
        if (rate is null)
            throw new DomainRuleException("NoBaseRateForDate",
                $"There is no base rate in force on {reference:d MMMM uuuu}, the reference date for a debt due on {dueOn:d MMMM uuuu}. " +
                "Add the Bank of England base rate from that date.");
        // pence × (bp + 800) / 10,000 a year × days / 365, exact, rounded once.
        var interest = new ExactAmount((Int128)debt.Pence * (rate.BasisPoints + 800) * daysLate, 10_000L * 365).Rounded();
        return new(daysLate, rate.BasisPoints, interest, FixedCompensation(debt));
    }

    /// <summary>Under £1,000 → £40; £1,000–£9,999.99 → £70; £10,000 or more → £100.</summary>
    public static Money FixedCompensation(Money debt) =>
        debt < Money.FromPence(100_000) ? Money.FromPence(4_000)
        : debt < Money.FromPence(1_000_000) ? Money.FromPence(7_000)
        : Money.FromPence(10_000);

    /// <summary>31 December or 30 June before the half-year the due date is in.</summary>
    public static LocalDate ReferenceDate(LocalDate dueOn) =>
        dueOn.Month <= 6 ? new LocalDate(dueOn.Year - 1, 12, 31) : new LocalDate(dueOn.Year, 6, 30);
}
