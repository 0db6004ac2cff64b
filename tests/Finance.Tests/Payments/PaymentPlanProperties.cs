using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Payments;
using Placements.Finance.Payments.Calculation;
using Placements.Finance.Tests.Funding;
using Xunit;

namespace Placements.Finance.Tests.Payments;

/// <summary>
/// A placement paid by monthly runs through FY 2026/27 (go-live April 2026): its dates, band, basis, and what is learnt
/// late — a leaver date entered at run <see cref="LeaverKnownFromRun"/> (0 = April), a change of agreed amount entered at
/// run <see cref="ChangeKnownFromRun"/>.
/// </summary>
public sealed record YearOfRuns(
    LocalDate Start, LocalDate? End, ProRataBasis Basis, long BandPence,
    LocalDate? Leaver, int LeaverKnownFromRun, LocalDate? ChangeFrom, long ChangePence, int ChangeKnownFromRun)
{
    public static readonly FinancialYear Year = new(2026);
    public static readonly YearMonth FirstRun = new(2026, 4);

    public TopUpSettings Settings => new(
        new TopUpBandTable([new BandAmount(ProvisionType.MaintainedSpecial, "B", new FinancialYear(2025), Money.FromPence(BandPence)),
                            new BandAmount(ProvisionType.MaintainedSpecial, "B", Year, Money.FromPence(BandPence))]),
        TermCalendar.Empty, FirstRun);

    /// <summary>The placement as the run <paramref name="run"/> (0 = April … 11 = March) sees it.</summary>
    public TopUpPlacement KnownAt(int run)
    {
        var firstRow = TopUpFundingRow.ByBand(Start, "B");
        TopUpFundingRow[] rows = ChangeFrom is { } from && run >= ChangeKnownFromRun && from != Start
            ? [firstRow, TopUpFundingRow.ByAgreedAmount(from, Money.FromPence(ChangePence))]
            : [firstRow];
        var end = Leaver is { } leaver && run >= LeaverKnownFromRun ? leaver : End;
        return new TopUpPlacement("PL-1", ProvisionType.MaintainedSpecial, Start, end, rows, Basis);
    }

    public TopUpPlacement Final => KnownAt(11);

    public bool LearntLate => Leaver is not null || ChangeFrom is not null;

    public override string ToString() =>
        $"{Basis} {Start:uuuu-MM-dd}–{End?.ToString("uuuu-MM-dd", null) ?? "open"} at {BandPence}p; " +
        $"leaver {Leaver?.ToString("uuuu-MM-dd", null) ?? "none"} known from run {LeaverKnownFromRun}; " +
        $"change {ChangeFrom?.ToString("uuuu-MM-dd", null) ?? "none"} to {ChangePence}p known from run {ChangeKnownFromRun}";
}

public static class PaymentArbitraries
{
    private static readonly LocalDate Earliest = new(2026, 1, 1);

    public static Arbitrary<YearOfRuns> YearsOfRuns() =>
        (from start in Gen.Choose(0, 560).Select(Earliest.PlusDays)               // 1 Jan 2026 to mid-July 2027
         from end in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 400).Select(d => (int?)d)))
         from basis in Gen.Elements(ProRataBasis.Monthly, ProRataBasis.CalendarDays)
         from band in FundingArbitraries.AnnualPence
         from hasLeaver in Gen.Elements(false, true)
         from leaverDays in Gen.Choose(0, 400)
         from leaverRun in Gen.Choose(0, 11)
         from hasChange in Gen.Elements(false, true)
         from changeDays in Gen.Choose(0, 364)
         from changePence in FundingArbitraries.AnnualPence
         from changeRun in Gen.Choose(0, 11)
         select new YearOfRuns(start, end is { } e ? start.PlusDays(e) : null, basis, band,
             hasLeaver ? start.PlusDays(leaverDays) : null, leaverRun,
             hasChange ? YearOfRuns.Year.Start.PlusDays(changeDays) : null, changePence, changeRun))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(FundingArbitraries), typeof(PaymentArbitraries)], MaxTest = 300)]
public class PaymentPlanProperties
{
    private static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));

    [Property]
    public void AYearOfApprovedRuns_PaysTheFullYearsEntitlementExactlyOnce_AndARepeatedMarchPaysNothing(YearOfRuns c)
    {
        var paid = new Dictionary<FinancialYear, Money>();
        YearMonth? lastTopUp = null;
        for (var i = 0; i < 12; i++)
        {
            var month = YearOfRuns.FirstRun.PlusMonths(i);
            var placement = c.KnownAt(i);
            var payment = PaymentPlan.For(Pay(placement), month, new PaidSoFar(new Dictionary<FinancialYear, Money>(paid), lastTopUp), c.Settings);
            Assert.Null(payment.Problem);
            foreach (var line in payment.Lines)
            {
                paid[line.FinancialYear] = paid.GetValueOrDefault(line.FinancialYear) + line.Amount;
                if (!c.LearntLate) Assert.Equal(PaymentKind.TopUp, line.Kind); // nothing learnt late: each run pays just its month
            }
            if (payment.Lines.Any(l => l.Kind == PaymentKind.TopUp)) lastTopUp = month; // as LastTopUpSql reads approved runs
        }

        var entitled = TopUpEntitlement.CumulativeThrough(c.Final, YearOfRuns.Year.End, c.Settings).Rounded();
        Assert.Equal(entitled, paid.GetValueOrDefault(YearOfRuns.Year));
        Assert.All(paid.Keys, year => Assert.Equal(YearOfRuns.Year, year));

        var march = YearOfRuns.FirstRun.PlusMonths(11);
        var again = PaymentPlan.For(Pay(c.Final), march, new PaidSoFar(paid, lastTopUp), c.Settings);
        Assert.Null(again.Problem);
        Assert.Empty(again.Lines);
    }

    [Property]
    public void EveryPlannedLine_IsNonZero_TopUpsOnlyForTheRunMonthsYear_AdjustmentsAlwaysGiveAReason(
        TopUpCase c, int[] payments, int lastPaidOffset, bool everPaid)
    {
        var runYear = FinancialYear.For(LastDay(c.Month));
        var byYear = (payments ?? []).Take(4)
            .Select((pence, i) => (Year: new FinancialYear(runYear.StartYear - 2 + i), Pence: pence))
            .ToDictionary(p => p.Year, p => Money.FromPence(p.Pence));
        var lastPaid = everPaid ? c.Month.PlusMonths(lastPaidOffset % 4) : (YearMonth?)null;

        var payment = PaymentPlan.For(Pay(c.Placement), c.Month, new PaidSoFar(byYear, lastPaid), c.Settings);

        Assert.Null(payment.Problem);
        Assert.All(payment.Lines, line =>
        {
            Assert.False(line.Amount.IsZero, $"a zero {line.Kind} line for {line.FinancialYear}");
            if (line.Kind == PaymentKind.TopUp)
            {
                Assert.Equal(runYear, line.FinancialYear);
                Assert.Null(line.Reason);
            }
            else
            {
                Assert.Equal(PaymentKind.Adjustment, line.Kind);
                Assert.False(string.IsNullOrWhiteSpace(line.Reason));
            }
        });
        // Each line says which days it pays for (recharges share it by the split in force on them): a top-up the run month's
        // days on roll, an adjustment days of its own year no later than the run month, or than the last month paid when
        // that is later (a re-opened month takes back what was paid after it).
        var latest = lastPaid is { } last && last > c.Month ? last : c.Month;
        Assert.All(payment.Lines, line =>
        {
            var days = line.ServiceDays ?? throw new Xunit.Sdk.XunitException($"a {line.Kind} line without its days");
            Assert.True(days.Start >= line.FinancialYear.Start && days.End <= line.FinancialYear.End, $"{days} outside {line.FinancialYear}");
            // (Money the inputs say was paid for a year after every month run is taken back over that whole year.)
            if (line.FinancialYear.Start <= LastDay(latest)) Assert.True(days.End <= LastDay(latest), $"{days} after the months run and paid");
            if (line.Kind == PaymentKind.TopUp)
                Assert.True(days.Start >= c.Month.OnDayOfMonth(1) && days.Start >= c.Placement.Start && (c.Placement.End is not { } end || days.End <= end),
                    $"top-up days {days} outside the run month on roll");
        });
        Assert.True(payment.Lines.Count(l => l.Kind == PaymentKind.TopUp) <= 1);
        Assert.Equal(payment.Lines.Count, payment.Lines.DistinctBy(l => (l.FinancialYear, l.Kind)).Count());

        // The lines pay exactly what the engine says is owed, year by year.
        var owed = TopUpOwed.For(c.Placement, c.Month, byYear, c.Settings, lastPaid);
        foreach (var year in owed)
            Assert.Equal(year.Owed, Money.Sum(payment.Lines.Where(l => l.FinancialYear == year.Year).Select(l => l.Amount)));
        Assert.All(payment.Lines, l => Assert.Contains(owed, y => y.Year == l.FinancialYear));
    }

    private static PlacementToPay Pay(TopUpPlacement placement) => new(1, 1, "PRV-1", "CH-1", "AB", "1.2.1", placement);
}
