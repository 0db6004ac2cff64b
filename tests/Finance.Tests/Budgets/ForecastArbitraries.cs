using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Tests.Agreements;
using Placements.Finance.Tests.Funding;

namespace Placements.Finance.Tests.Budgets;

/// <summary>
/// A top-up placement on roll in <see cref="Year"/>, paid by monthly runs through the <see cref="MonthsPaid"/>-th month,
/// forecast on a day of the next month. <see cref="End"/> is its known end, or null (open-ended, for a child too young to
/// reach the setting's last NCY in the year).
/// </summary>
public sealed record PaidTopUpCase(FinancialYear Year, LocalDate Start, LocalDate? End, long AnnualPence, ProRataBasis Basis, int MonthsPaid, int DayOfMonth)
{
    public TopUpSettings Settings => new(
        new TopUpBandTable([new BandAmount(ProvisionType.MaintainedSpecial, "B", Year, Money.FromPence(AnnualPence))]), TermCalendar.Empty,
        new YearMonth(Year.StartYear, 4)); // paid here from the year's first month: earlier years belong to the old system

    public TopUpPlacement TopUp => new("PL-0001", ProvisionType.MaintainedSpecial, Start, End, [TopUpFundingRow.ByBand(Start, "B")], Basis);

    /// <summary>A day in the month after the last paid one (in March for a year paid in full).</summary>
    public LocalDate AsAt
    {
        get
        {
            var month = new YearMonth(Year.StartYear, 4).PlusMonths(Math.Min(MonthsPaid, 11));
            return month.OnDayOfMonth(Math.Min(DayOfMonth, month.Calendar.GetDaysInMonth(month.Year, month.Month)));
        }
    }

    public override string ToString() =>
        $"{Basis} {Year}: {Start:uuuu-MM-dd} to {End?.ToString("uuuu-MM-dd", null) ?? "open"} at {Money.FromPence(AnnualPence)}, {MonthsPaid} months paid, as at {AsAt:uuuu-MM-dd}";
}

/// <summary>A fee-paid placement in <see cref="Year"/> with some of its billing periods invoiced at the expected amount.</summary>
public sealed record InvoicedAgreementCase(FinancialYear Year, AgreementTerms Terms, TermCalendar Calendar, IReadOnlyList<bool> Invoiced, LocalDate AsAt)
{
    public override string ToString() =>
        $"{Terms.Invoicing} {Terms.TermSplit} {Terms.Attendance} {Year}, on roll {Terms.PlacementStart:uuuu-MM-dd} to {Terms.PlacementEnd?.ToString("uuuu-MM-dd", null) ?? "open"}; " +
        $"fees [{string.Join(", ", Terms.Fees.Select(f => $"{f.EffectiveFrom:uuuu-MM-dd} {f.AnnualAmount}"))}]; extras {Terms.Extras.Count}; " +
        $"invoiced [{string.Join("", Invoiced.Select(i => i ? "x" : "."))}] as at {AsAt:uuuu-MM-dd}";
}

/// <summary>Two months' forecasts, by line and by placement, as a movement compares them.</summary>
public sealed record MovementCase(IReadOnlyList<LineTotals> PreviousLines, IReadOnlyList<PlacementPart> Previous, IReadOnlyList<LineTotals> CurrentLines,
    IReadOnlyList<PlacementPart> Current)
{
    public override string ToString() =>
        $"previous {string.Join(", ", PreviousLines.Select(l => $"{l.S251Line} {l.Forecast}/{l.TrendCounted}"))} | " +
        $"{string.Join(", ", Previous.Select(p => $"#{p.PlacementId} {p.S251Line} {p.Stage} {p.Total} at {p.AnnualRate} end {p.End}"))} || " +
        $"current {string.Join(", ", CurrentLines.Select(l => $"{l.S251Line} {l.Forecast}/{l.TrendCounted}"))} | " +
        $"{string.Join(", ", Current.Select(p => $"#{p.PlacementId} {p.S251Line} {p.Stage} {p.Total} at {p.AnnualRate} end {p.End}"))}";
}

/// <summary>Starts in the 12 months around a forecast date, a year to forecast and two growth percentages, the first no larger.</summary>
public sealed record TrendCase(IReadOnlyList<PlacementStart> Starts, LocalDate AsAt, FinancialYear Year, decimal LowerGrowth, decimal HigherGrowth)
{
    public override string ToString() =>
        $"{Starts.Count} starts ({string.Join(", ", Starts.Take(5).Select(s => $"{s.S251Line} {s.Start:uuuu-MM-dd} {s.AnnualCost}"))}…), as at {AsAt:uuuu-MM-dd} for {Year}, growth {LowerGrowth}% ≤ {HigherGrowth}%";
}

/// <summary>FsCheck generators for the forecast's properties, in the style of <see cref="FundingArbitraries"/>.</summary>
public static class ForecastArbitraries
{
    private static readonly string[] Codes = S251Line.HighNeeds.Select(l => l.Code).ToArray();

    public static Arbitrary<PaidTopUpCase> PaidTopUps() =>
        (from startYear in Gen.Choose(2023, 2029)
         from startOffset in Gen.Choose(-400, 364)
         from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 600).Select(d => (int?)d)))
         from pence in FundingArbitraries.AnnualPence
         from basis in Gen.Elements(ProRataBasis.Monthly, ProRataBasis.CalendarDays)
         from monthsPaid in Gen.Choose(0, 12)
         from day in Gen.Choose(1, 31)
         let year = new FinancialYear(startYear)
         let start = year.Start.PlusDays(startOffset)
         let end = length is { } l ? start.PlusDays(l - 1) : (LocalDate?)null
         where end is null || end >= year.Start // on roll in the year
         select new PaidTopUpCase(year, start, end, pence, basis, monthsPaid, day))
        .ToArbitrary();

    public static Arbitrary<InvoicedAgreementCase> InvoicedAgreements() =>
        (from startYear in Gen.Choose(2023, 2029)
         from startOffset in Gen.Choose(-400, 364)
         from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 600).Select(d => (int?)d)))
         from pattern in Gen.Elements(InvoicingPattern.MonthlyInArrears, InvoicingPattern.TermlyInAdvance)
         from split in Gen.Elements(TermSplit.SchoolDays, TermSplit.EqualThirds)
         from attendance in Gen.Elements(Attendance.Day, Attendance.WeeklyBoarding, Attendance.Residential52)
         from fee in AgreementArbitraries.AnnualPence
         from rise in Gen.Frequency((1, Gen.Constant<long?>(null)), (1, AgreementArbitraries.AnnualPence.Select(p => (long?)p)))
         from extra in Gen.Frequency((2, Gen.Constant(0L)), (1, AgreementArbitraries.AnnualPence))
         from invoiced in Gen.Elements(true, false).ArrayOf(20)
         from asAtOffset in Gen.Choose(0, 364)
         from calendar in AgreementArbitraries.Calendars
         let year = new FinancialYear(startYear)
         let start = year.Start.PlusDays(startOffset)
         let end = length is { } l ? start.PlusDays(l - 1) : (LocalDate?)null
         where end is null || end >= year.Start
         let fees = rise is { } r
             ? new[] { new FeeRow(start.PlusDays(-10), Money.FromPence(fee)), new FeeRow(year.Start.PlusMonths(6), Money.FromPence(r)) }
             : new[] { new FeeRow(start.PlusDays(-10), Money.FromPence(fee)) }
         let extras = extra == 0 ? Array.Empty<ExtraRow>() : [new ExtraRow(ExtraKind.OneToOneSupport, "1:1", year.Start.PlusDays(50), null, Money.FromPence(extra))]
         let terms = new AgreementTerms("PL-0001", start, end, attendance, pattern, split, fees.OrderBy(f => f.EffectiveFrom).ToList(), extras)
         select new InvoicedAgreementCase(year, terms, calendar, invoiced, year.Start.PlusDays(asAtOffset)))
        .ToArbitrary();

    private static Gen<PlacementPart> Part(int id) =>
        from code in Gen.Elements(Codes)
        from stage in Gen.Elements(Enum.GetValues<PlacementStage>())
        from endOffset in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 365).Select(d => (int?)d)))
        from rate in Gen.Elements(1_575_000L, 1_890_000L, 3_600_000L)
        from total in Gen.Choose(-500_000, 5_000_000)
        from above in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 100_000)))
        select new PlacementPart(id, $"PL-{id:D4}", "P0012", "JS", code, stage,
            endOffset is { } d ? new LocalDate(2026, 4, 1).PlusDays(d) : null, Money.FromPence(rate), Money.FromPence(total), Money.FromPence(above));

    private static Gen<IReadOnlyList<PlacementPart>> Parts =>
        from ids in Gen.Choose(1, 30).ArrayOf()
        let distinct = ids.Distinct().ToArray()
        from parts in Part(0).ArrayOf(distinct.Length)
        select (IReadOnlyList<PlacementPart>)parts.Select((p, i) => p with { PlacementId = distinct[i], Reference = $"PL-{distinct[i]:D4}" }).ToList();

    /// <summary>Every line (as a forecast or a snapshot gives them), each with a forecast and the trend counted in it.</summary>
    private static Gen<IReadOnlyList<LineTotals>> Lines =>
        from forecasts in Gen.Choose(-1_000_000, 100_000_000).ArrayOf(Codes.Length)
        from trends in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 2_000_000))).ArrayOf(Codes.Length)
        select (IReadOnlyList<LineTotals>)Codes.Select((c, i) => new LineTotals(c, Money.FromPence(forecasts[i]), Money.FromPence(trends[i]))).ToList();

    /// <summary>Placements kept from the earlier month (perhaps changed), some dropped, some new.</summary>
    public static Arbitrary<MovementCase> Movements() =>
        (from previousLines in Lines
         from previous in Parts
         from currentLines in Lines
         from changed in Parts
         from keep in Gen.Elements(true, false).ArrayOf(previous.Count)
         let kept = previous.Where((p, i) => keep[i] && changed.All(c => c.PlacementId != p.PlacementId))
         select new MovementCase(previousLines, previous, currentLines, kept.Concat(changed).ToList()))
        .ToArbitrary();

    public static Arbitrary<TrendCase> Trends() =>
        (from asAtOffset in Gen.Choose(0, 365 * 4)
         from yearAhead in Gen.Choose(-1, 2)
         from count in Gen.Choose(0, 40)
         from days in Gen.Choose(-380, 20).ArrayOf(count)
         from codes in Gen.Elements("1.2.1", "1.2.2", "1.2.3").ArrayOf(count)
         from types in Gen.Elements(ProvisionType.MaintainedSpecial, ProvisionType.SpecialAcademy, ProvisionType.IndependentSpecial).ArrayOf(count)
         from costs in AgreementArbitraries.AnnualPence.ArrayOf(count)
         from growth in Gen.Choose(-15_000, 30_000).Two()
         let asAt = new LocalDate(2024, 4, 1).PlusDays(asAtOffset)
         let low = Math.Min(growth.Item1, growth.Item2) / 100m
         let high = Math.Max(growth.Item1, growth.Item2) / 100m
         select new TrendCase(
             Enumerable.Range(0, count).Select(i => new PlacementStart(codes[i], types[i], asAt.PlusDays(days[i]), Money.FromPence(costs[i]))).ToList(),
             asAt, new FinancialYear(FinancialYear.For(asAt).StartYear + yearAhead), low, high))
        .ToArbitrary();
}
