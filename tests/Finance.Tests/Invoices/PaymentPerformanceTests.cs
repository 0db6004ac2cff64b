using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Invoices.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Invoices;

public class PaymentPerformanceTests
{
    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);
    private static int next;

    private static InvoiceForReporting Invoice(LocalDate received, LocalDate? paid, decimal amount = 1_000m, bool disputed = false,
        decimal interestPaid = 0, decimal interestLiable = 0, string provider = "Oakfield School", LocalDate? due = null) =>
        new(Interlocked.Increment(ref next), "PR-" + provider[..3].ToUpperInvariant(), provider, $"INV-{next:0000}", received,
            due ?? received.PlusDays(30), paid, Pounds(amount), disputed, Pounds(interestPaid), Pounds(interestLiable));

    [Fact]
    public void TheReg113Percentage_OverAYearOfInvoices()
    {
        // FY 2025/26: 40 invoices paid between April 2025 and March 2026, 34 on or before their due date, 6 after (85.0%).
        // The 6 late ones each made the council liable for £75.00 (figures given, not worked out here);
        // 2 of them had it paid: £150.00 paid, £450.00 liable. Paid outside the year (31 March 2025, 1 April 2026) or not yet: excluded.
        var invoices = new List<InvoiceForReporting>();
        for (var i = 0; i < 34; i++)
        {
            var received = new LocalDate(2025, 4, 1).PlusDays(i * 9);
            invoices.Add(Invoice(received, received.PlusDays(i % 31))); // paid 0–30 days after receipt: on or before due
        }
        for (var i = 0; i < 6; i++)
        {
            var received = new LocalDate(2025, 5, 1).PlusDays(i * 40);
            invoices.Add(Invoice(received, received.PlusDays(31 + i), interestLiable: 75m, interestPaid: i < 2 ? 75m : 0m));
        }
        invoices.Add(Invoice(new(2025, 2, 1), new(2025, 3, 31)));
        invoices.Add(Invoice(new(2026, 3, 1), new(2026, 4, 1), interestLiable: 40m));
        invoices.Add(Invoice(new(2026, 3, 1), null));

        var report = PaymentPerformance.Reg113(new FinancialYear(2025), invoices);

        Assert.Equal(new Reg113Report(new FinancialYear(2025), 40, 34, 85.0m, Pounds(150m), Pounds(450m)), report);
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 16, 6.3)] // 6.25 → half away from zero
    [InlineData(0, 0, 0.0)]
    public void Reg113_PercentagesRoundToOneDecimalPlace(int onTime, int paid, decimal percent)
    {
        var invoices = Enumerable.Range(0, paid).Select(i => i < onTime
            ? Invoice(new(2025, 6, 1), new(2025, 6, 20))
            : Invoice(new(2025, 6, 1), new(2025, 8, 1))).ToList();
        Assert.Equal(percent, PaymentPerformance.Reg113(new FinancialYear(2025), invoices).PercentWithin30Days);
    }

    [Fact]
    public void Compliance_ForTheSixMonthsTo30September()
    {
        // Paid 1 April–30 September 2026, days from receipt to payment: 10, 30 (within 30); 31, 45 (disputed), 60 (31–60);
        // 61, 90 (disputed) (over 60). 7 invoices: 2/7 = 28.571… → 28.6%; 3/7 = 42.857… → 42.9%; 2/7 → 28.6%;
        // late and disputed 2/7 → 28.6%. Average (10+30+31+45+60+61+90)/7 = 327/7 = 46.71… → 46.7 days.
        // Interest paid £12.00 + £30.00 = £42.00. Paid 31 March and 1 October 2026: outside.
        var paidOn = new LocalDate(2026, 7, 31);
        var invoices = new List<InvoiceForReporting>
        {
            Invoice(paidOn.PlusDays(-10), paidOn),
            Invoice(paidOn.PlusDays(-30), paidOn),
            Invoice(paidOn.PlusDays(-31), paidOn, interestPaid: 12m),
            Invoice(paidOn.PlusDays(-45), paidOn, disputed: true),
            Invoice(paidOn.PlusDays(-60), paidOn),
            Invoice(paidOn.PlusDays(-61), paidOn, interestPaid: 30m),
            Invoice(paidOn.PlusDays(-90), paidOn, disputed: true),
            Invoice(new(2026, 3, 1), new(2026, 3, 31)),
            Invoice(new(2026, 9, 1), new(2026, 10, 1)),
            Invoice(new(2026, 9, 1), null),
        };

        var report = PaymentPerformance.Compliance(new(2026, 9, 30), invoices);

        Assert.Equal(new PaymentComplianceReport(new(2026, 4, 1), new(2026, 9, 30), 7, 46.7m, 28.6m, 42.9m, 28.6m, 28.6m, Pounds(42m)), report);
    }

    [Fact]
    public void Compliance_ForTheSixMonthsTo31March_StartsOn1October()
    {
        var report = PaymentPerformance.Compliance(new(2027, 3, 31), [Invoice(new(2026, 9, 20), new(2026, 10, 1)), Invoice(new(2026, 9, 1), new(2026, 9, 30))]);
        Assert.Equal((new LocalDate(2026, 10, 1), 1, 11.0m, 100.0m), (report.PeriodStart, report.InvoicesPaid, report.AverageDaysToPay, report.PercentWithin30Days));
    }

    [Fact]
    public void Compliance_ForAnyOtherPeriodEnd_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => PaymentPerformance.Compliance(new(2026, 12, 31), []));
        Assert.Throws<ArgumentException>(() => PaymentPerformance.Compliance(new(2026, 9, 29), []));
    }

    [Fact]
    public void Over30000_IsStrictlyMoreThan30000PaidInTheQuarter_ByDayThenProvider()
    {
        var invoices = new[]
        {
            Invoice(new(2026, 6, 1), new(2026, 7, 1), 30_000.00m, provider: "Beta College"),  // exactly £30,000: not "more than"
            Invoice(new(2026, 6, 1), new(2026, 7, 1), 30_000.01m, provider: "Beta College"),
            Invoice(new(2026, 6, 2), new(2026, 7, 1), 45_000m, provider: "Alpha School"),
            Invoice(new(2026, 9, 1), new(2026, 9, 30), 31_000m, provider: "Alpha School"),
            Invoice(new(2026, 9, 1), new(2026, 10, 1), 50_000m),                                  // next quarter
            Invoice(new(2026, 6, 1), new(2026, 6, 30), 50_000m),                                  // last quarter
            Invoice(new(2026, 6, 1), null, 50_000m),                                              // unpaid
        };

        var payments = PaymentPerformance.Over30000(new(2026, 7, 1), invoices);

        Assert.Equal(
            [(new LocalDate(2026, 7, 1), "Alpha School", Pounds(45_000m)), (new LocalDate(2026, 7, 1), "Beta College", Pounds(30_000.01m)),
             (new LocalDate(2026, 9, 30), "Alpha School", Pounds(31_000m))],
            payments.Select(p => (p.PaidOn, p.ProviderName, p.Amount)));
        Assert.Equal(invoices[1].Number, payments[1].InvoiceNumber);
        Assert.Equal("PR-BET", payments[1].ProviderReference);
    }
}
