using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Invoices.Calculation;

/// <summary>An invoice as payment-performance reporting reads it.</summary>
/// <param name="Amount">What was invoiced (net of credit notes).</param>
/// <param name="PaidOn">When it was paid in full (its last payable line's run was approved); null while unpaid.</param>
/// <param name="Disputed">Whether any line was queried, partly approved or rejected (a disputed invoice is not "valid and undisputed").</param>
/// <param name="InterestPaid">Late-payment interest and compensation the council recorded as paid.</param>
/// <param name="InterestLiable">Statutory interest + compensation the late payment made the council liable for.</param>
public sealed record InvoiceForReporting(
    int InvoiceId, string ProviderReference, string ProviderName, string Number, LocalDate ReceivedOn, LocalDate DueOn, LocalDate? PaidOn,
    Money Amount, bool Disputed, Money InterestPaid, Money InterestLiable);

/// <summary>Public Contracts Regulations 2015 reg 113, for a financial year: invoices paid, % within 30 days, interest paid and liable.</summary>
public sealed record Reg113Report(FinancialYear Year, int InvoicesPaid, int PaidWithin30Days, decimal PercentWithin30Days, Money InterestPaid, Money InterestLiable);

/// <summary>Procurement Act 2023 s69 payment compliance figures for a six-month period ending 31 March or 30 September.</summary>
/// <param name="PercentWithin30Days">Of invoices paid in the period, one decimal place.</param>
/// <param name="PercentNotPaidIn30DaysDisputed">Of invoices paid in the period, those paid late because they were disputed.</param>
public sealed record PaymentComplianceReport(
    LocalDate PeriodStart, LocalDate PeriodEnd, int InvoicesPaid, decimal AverageDaysToPay,
    decimal PercentWithin30Days, decimal PercentIn31To60Days, decimal PercentOver60Days, decimal PercentNotPaidIn30DaysDisputed, Money InterestPaid);

/// <summary>A payment over £30,000 (Procurement Act 2023 s70), for the quarter's publication.</summary>
public sealed record LargePayment(LocalDate PaidOn, string ProviderReference, string ProviderName, string InvoiceNumber, Money Amount);

/// <summary>Pure reporting over invoices: reg 113, s69 compliance, s70 payments over £30,000. Percentages round half away from zero to 1 dp.</summary>
public static class PaymentPerformance
{
    /// <summary>Invoices paid in the financial year; "within 30 days" = paid on or before the due date.</summary>
    public static Reg113Report Reg113(FinancialYear year, IEnumerable<InvoiceForReporting> invoices)
    {
        var paid = PaidWithin(year.Dates, invoices);
        var onTime = paid.Count(i => i.PaidOn <= i.DueOn);
        return new(year, paid.Count, onTime, Percent(onTime, paid.Count),
            Money.Sum(paid.Select(i => i.InterestPaid)), Money.Sum(paid.Select(i => i.InterestLiable)));
    }

    /// <summary>The six-month period ending on <paramref name="periodEnd"/> (31 March or 30 September).</summary>
    /// <exception cref="ArgumentException">The period does not end on 31 March or 30 September.</exception>
    /// <remarks>Days to pay run from receipt to payment; "within 30 days" is 30 days or fewer.</remarks>
    public static PaymentComplianceReport Compliance(LocalDate periodEnd, IEnumerable<InvoiceForReporting> invoices)
    {
        if (!((periodEnd.Month == 3 && periodEnd.Day == 31) || (periodEnd.Month == 9 && periodEnd.Day == 30)))
            throw new ArgumentException($"A payment compliance period ends on 31 March or 30 September, not {periodEnd:d MMMM uuuu}.", nameof(periodEnd));
        var start = new LocalDate(periodEnd.Year, periodEnd.Month, 1).PlusMonths(-5);
        var paid = PaidWithin(new DateInterval(start, periodEnd), invoices);
        var days = paid.Select(i => (Invoice: i, Days: Period.DaysBetween(i.ReceivedOn, i.PaidOn!.Value))).ToList();
        var average = days.Count == 0 ? 0m : Math.Round((decimal)days.Sum(d => (long)d.Days) / days.Count, 1, MidpointRounding.AwayFromZero);
        return new(start, periodEnd, paid.Count, average,
            Percent(days.Count(d => d.Days <= 30), paid.Count),
            Percent(days.Count(d => d.Days is > 30 and <= 60), paid.Count),
            Percent(days.Count(d => d.Days > 60), paid.Count),
            Percent(days.Count(d => d.Days > 30 && d.Invoice.Disputed), paid.Count),
            Money.Sum(paid.Select(i => i.InterestPaid)));
    }

    /// <summary>Invoices of more than £30,000 paid in the quarter (of the financial year) that starts on <paramref name="quarterStart"/>.</summary>
    /// <remarks>Exactly £30,000.00 is not "more than £30,000". Ordered by the day paid, then provider, then invoice number.</remarks>
    public static IReadOnlyList<LargePayment> Over30000(LocalDate quarterStart, IEnumerable<InvoiceForReporting> invoices) =>
        PaidWithin(new DateInterval(quarterStart, quarterStart.PlusMonths(3).PlusDays(-1)), invoices)
            .Where(i => i.Amount > Threshold)
            .OrderBy(i => i.PaidOn).ThenBy(i => i.ProviderName, StringComparer.Ordinal).ThenBy(i => i.Number, StringComparer.Ordinal)
            .Select(i => new LargePayment(i.PaidOn!.Value, i.ProviderReference, i.ProviderName, i.Number, i.Amount))
            .ToList();

    private static readonly Money Threshold = Money.FromPence(3_000_000);

    private static List<InvoiceForReporting> PaidWithin(DateInterval dates, IEnumerable<InvoiceForReporting> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        return invoices.Where(i => i.PaidOn is { } paidOn && dates.Contains(paidOn)).ToList();
    }

    /// <summary><paramref name="part"/> of <paramref name="whole"/> as a percentage, 1 dp half away from zero; 0 of nothing is 0.</summary>
    private static decimal Percent(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
