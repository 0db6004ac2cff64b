using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Payments;
using Placements.Finance.Payments.Calculation;
using Xunit;

namespace Placements.Finance.Tests.Payments;

/// <summary>Approved invoice lines become a run's Fee lines: one per placement and financial year, under s251 1.2.3, never losing a penny.</summary>
public class FeeLinesTests
{
    private static ApprovedInvoiceLine Line(long id, int placement, string number, LocalDate from, LocalDate to, decimal pounds, int? hold = null) =>
        new(id, placement, $"PL-{placement}", 7, "HILL", $"CH-{placement}", "AB", number, from, to, Money.FromPounds(pounds), hold);

    [Fact]
    public void LinesOfAPlacement_AreOneFeeLinePerFinancialYear_NamingTheirInvoices()
    {
        var lines = FeeLines.For(
        [
            Line(1, 1, "HIL-0412", new(2026, 1, 5), new(2026, 3, 27), 11_408.80m),   // spring term: FY 2025/26
            Line(2, 1, "HIL-0501", new(2026, 4, 13), new(2026, 7, 22), 12_286.40m),  // summer term: FY 2026/27
            Line(3, 1, "HIL-0520", new(2026, 4, 13), new(2026, 7, 22), -120.00m),    // its credit note, approved after it
            Line(4, 2, "HIL-0502", new(2026, 4, 13), new(2026, 7, 22), 15_000.00m, hold: 9),
        ]);

        Assert.Equal(
            [
                ("PL-1", new FinancialYear(2025), Money.FromPounds(11_408.80m), "invoice HIL-0412 (5 Jan 2026 – 27 Mar 2026)", (int?)null),
                ("PL-1", new FinancialYear(2026), Money.FromPounds(12_166.40m),
                    "invoices HIL-0501 (13 Apr 2026 – 22 Jul 2026); HIL-0520 (13 Apr 2026 – 22 Jul 2026) credit", null),
                ("PL-2", new FinancialYear(2026), Money.FromPounds(15_000m), "invoice HIL-0502 (13 Apr 2026 – 22 Jul 2026)", 9),
            ],
            lines.Select(l => (l.PlacementReference, l.FinancialYear, l.Amount, l.Reason!, l.HoldId)));
        Assert.All(lines, l => Assert.Equal((PaymentKind.Fee, "1.2.3", "AB"), (l.Kind, l.S251Line, l.ChildInitials)));
    }

    [Fact]
    public void AnInvoiceFullyCreditedInTheSameRun_WritesNoLine()
    {
        Assert.Empty(FeeLines.For(
        [
            Line(1, 1, "HIL-1", new(2026, 9, 1), new(2026, 9, 30), 5_250m),
            Line(2, 1, "HIL-2", new(2026, 9, 1), new(2026, 9, 30), -5_250m),
        ]));
    }

    [Fact]
    public void FeeLines_TotalExactlyWhatWasApproved_AndAreUniquePerPlacementAndYear()
    {
        var gen =
            from count in Gen.Choose(0, 40)
            from rows in Gen.ListOf(
                from placement in Gen.Choose(1, 5)
                from day in Gen.Choose(0, 1500)
                from pence in Gen.Choose(-500_000, 9_000_000)
                select (placement, day, pence), count)
            select rows;
        Prop.ForAll(gen.ToArbitrary(), rows =>
        {
            var approved = rows.Select((r, i) =>
            {
                var from = new LocalDate(2024, 4, 1).PlusDays(r.day);
                return new ApprovedInvoiceLine(i, r.placement, $"PL-{r.placement}", 1, "P", "C", "AB", $"N{i}", from, from.PlusDays(27), Money.FromPence(r.pence), null);
            }).ToList();
            var lines = FeeLines.For(approved);
            return Money.Sum(lines.Select(l => l.Amount)) == Money.Sum(approved.Select(a => a.Amount))
                && lines.GroupBy(l => (l.PlacementId, l.FinancialYear)).All(g => g.Count() == 1)
                && lines.All(l => !l.Amount.IsZero && l.Reason!.Length <= 400);
        }).QuickCheckThrowOnFailure();
    }
}
