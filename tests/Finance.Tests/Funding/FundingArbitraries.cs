using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Tests.Funding;

/// <summary>A placement, the council's settings it is paid under, and a run month to look at.</summary>
public sealed record TopUpCase(TopUpPlacement Placement, TopUpSettings Settings, IReadOnlyList<BandAmount> Bands, YearMonth Month)
{
    /// <summary>The financial year of <see cref="Month"/>.</summary>
    public FinancialYear Year => FinancialYear.For(Month.OnDayOfMonth(1));

    public override string ToString() =>
        $"{Placement.Basis} {Placement.Start:uuuu-MM-dd} to {Placement.End?.ToString("uuuu-MM-dd", null) ?? "open"}, month {Month:uuuu-MM}, " +
        $"go-live {Settings.GoLiveMonth:uuuu-MM}; rows [{string.Join(", ", Placement.Funding.Select(r => $"{r.EffectiveFrom:uuuu-MM-dd} {r.Band ?? r.AgreedAnnualAmount.ToString()}"))}]; " +
        $"bands [{string.Join(", ", Bands.Select(b => $"{b.Band} {b.Year} {b.AnnualAmount}"))}]";
}

/// <summary>A whole financial year on roll at one annual amount.</summary>
public sealed record FullYearCase(FinancialYear Year, Money Annual, ProRataBasis Basis, TermCalendar Calendar)
{
    public override string ToString() => $"{Basis} {Year} at {Annual}";
}

/// <summary>
/// FsCheck generators for top-up entitlement: placements starting 2024–2028 (so the leap FY 2027/28 is often crossed),
/// one to four funding rows mixing bands and agreed amounts, every basis, a realistic random term calendar and
/// a go-live month from 2023 to 2026. Every band has an amount in every year, so nothing is missing.
/// </summary>
public static class FundingArbitraries
{
    public const ProvisionType Type = ProvisionType.MaintainedSpecial;
    private static readonly string[] BandNames = ["A", "B", "C"];
    private static readonly LocalDate Earliest = new(2024, 1, 1);

    /// <summary>Annual amounts in pence: round pounds, odd pence (ties), tiny amounts and zero.</summary>
    public static Gen<long> AnnualPence =>
        Gen.Frequency(
            (4, Gen.Choose(0, 50_000).Select(pounds => pounds * 100L)),
            (4, Gen.Choose(0, 5_000_000).Select(p => (long)p)),
            (1, Gen.Choose(0, 100).Select(p => (long)p)));

    public static Gen<ProRataBasis> Basis => Gen.Elements(ProRataBasis.Monthly, ProRataBasis.CalendarDays, ProRataBasis.SchoolDays);

    public static Arbitrary<TopUpCase> TopUpCases() =>
        (from start in Gen.Choose(0, Period.DaysBetween(Earliest, new LocalDate(2028, 3, 31))).Select(Earliest.PlusDays)
         from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 800).Select(d => (int?)d)))
         from rows in FundingRows(start)
         from basis in Basis
         from calendar in Calendars
         from bands in BandTable
         from goLive in Gen.Choose(0, 36).Select(new YearMonth(2023, 4).PlusMonths)
         from month in Gen.Choose(-3, 30).Select(start.ToYearMonth().PlusMonths)
         let end = length is { } days ? start.PlusDays(days - 1) : (LocalDate?)null
         select new TopUpCase(
             new TopUpPlacement("P1", Type, start, end, rows, basis),
             new TopUpSettings(new TopUpBandTable(bands), calendar, goLive),
             bands, month))
        .ToArbitrary();

    /// <summary>The first row on or before the start (so every day on roll has one), later rows up to ~2½ years on.</summary>
    private static Gen<TopUpFundingRow[]> FundingRows(LocalDate start) =>
        from firstOffset in Gen.Choose(0, 60)
        from laterCount in Gen.Choose(0, 3)
        from offsets in Gen.Choose(1, 900).ArrayOf(laterCount)
        let dates = offsets.Distinct().Select(start.PlusDays).Prepend(start.PlusDays(-firstOffset)).ToArray()
        from kinds in Gen.Zip(Gen.Choose(0, BandNames.Length), AnnualPence).ArrayOf(dates.Length)
        select dates.Zip(kinds, Row).ToArray();

    /// <summary>One row in four has an agreed amount; the rest pick a band.</summary>
    private static TopUpFundingRow Row(LocalDate from, (int Kind, long Pence) pick) =>
        pick.Kind < BandNames.Length
            ? TopUpFundingRow.ByBand(from, BandNames[pick.Kind])
            : TopUpFundingRow.ByAgreedAmount(from, Money.FromPence(pick.Pence));

    /// <summary>A financial year 2023/24–2029/30, an annual amount, a basis and a calendar.</summary>
    public static Arbitrary<FullYearCase> FullYearCases() =>
        (from year in Gen.Choose(2023, 2029)
         from pence in AnnualPence
         from basis in Basis
         from calendar in Calendars
         select new FullYearCase(new FinancialYear(year), Money.FromPence(pence), basis, calendar))
        .ToArbitrary();

    /// <summary>An amount for every band in every financial year 2023/24 to 2030/31.</summary>
    private static Gen<BandAmount[]> BandTable =>
        from amounts in AnnualPence.ArrayOf(BandNames.Length * 8)
        select (from b in Enumerable.Range(0, BandNames.Length)
                from y in Enumerable.Range(0, 8)
                select new BandAmount(Type, BandNames[b], new FinancialYear(2023 + y), Money.FromPence(amounts[b * 8 + y])))
            .ToArray();

    /// <summary>
    /// Three terms a year for academic years 2022/23 to 2030/31, each starting and ending a few days either way of the
    /// usual dates, with a handful of INSET days.
    /// </summary>
    public static Gen<TermCalendar> Calendars =>
        from shifts in Gen.Choose(-4, 4).ArrayOf(9 * 6)
        from insetPicks in Gen.Choose(0, 60).ArrayOf(9 * 3)
        select BuildCalendar(shifts, insetPicks);

    private static TermCalendar BuildCalendar(int[] shifts, int[] insetPicks)
    {
        var terms = new List<Term>();
        for (var i = 0; i < 9; i++)
        {
            var year = new AcademicYear(2022 + i);
            var y = year.StartYear;
            (LocalDate, LocalDate)[] usual =
            [
                (new(y, 9, 5), new(y, 12, 19)),
                (new(y + 1, 1, 6), new(y + 1, 3, 27)),
                (new(y + 1, 4, 14), new(y + 1, 7, 21)),
            ];
            for (var t = 0; t < 3; t++)
                terms.Add(new Term(year, usual[t].Item1.PlusDays(shifts[i * 6 + t * 2]), usual[t].Item2.PlusDays(shifts[i * 6 + t * 2 + 1])));
        }
        var closures = insetPicks
            .Select((pick, i) => terms[i].Start.PlusDays(pick % terms[i].Dates.Length))
            .Where(Weekdays.IsWeekday)
            .Distinct()
            .Select(d => new SchoolClosure(d, "INSET day"));
        return new TermCalendar(terms, closures);
    }
}
