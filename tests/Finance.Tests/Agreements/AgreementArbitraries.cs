using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;

namespace Placements.Finance.Tests.Agreements;

/// <summary>A whole academic year on roll at one annual fee and one extra for the whole year.</summary>
public sealed record FullYearAgreement(AcademicYear Year, AgreementTerms Terms, Money Fee, Money Extra, TermCalendar Calendar)
{
    public override string ToString() =>
        $"{Terms.Invoicing} {Terms.TermSplit} {Terms.Attendance} {Year}: fee {Fee}, extra {Extra}, on roll {Terms.PlacementStart:uuuu-MM-dd} to {Terms.PlacementEnd?.ToString("uuuu-MM-dd", null) ?? "open"}";
}

/// <summary>Any agreement (fee changes, extras coming and going, a placement that may end) and a period a..c cut after b.</summary>
public sealed record AgreementPeriod(AgreementTerms Terms, TermCalendar Calendar, LocalDate A, LocalDate B, LocalDate C)
{
    public override string ToString() =>
        $"{Terms.Invoicing} {Terms.TermSplit} {Terms.Attendance}, on roll {Terms.PlacementStart:uuuu-MM-dd} to {Terms.PlacementEnd?.ToString("uuuu-MM-dd", null) ?? "open"}; " +
        $"fees [{string.Join(", ", Terms.Fees.Select(f => $"{f.EffectiveFrom:uuuu-MM-dd} {f.AnnualAmount}"))}]; " +
        $"extras [{string.Join(", ", Terms.Extras.Select(e => $"{e.From:uuuu-MM-dd}..{e.To?.ToString("uuuu-MM-dd", null) ?? ""} {e.AnnualAmount}"))}]; " +
        $"period {A:uuuu-MM-dd} / {B:uuuu-MM-dd} / {C:uuuu-MM-dd}";
}

/// <summary>
/// FsCheck generators for agreements: every pattern, split and attendance; annual amounts up to £500,000 (round pounds,
/// odd pence, tiny amounts); and a realistic random term calendar for academic years 2022/23 to 2030/31 — six half-terms
/// a year, each a few days either way of the usual dates, with up to five INSET days or bank holidays a year.
/// </summary>
public static class AgreementArbitraries
{
    public static Gen<long> AnnualPence =>
        Gen.Frequency(
            (4, Gen.Choose(0, 500_000).Select(pounds => pounds * 100L)),
            (4, Gen.Choose(0, 50_000_000).Select(p => (long)p)),
            (1, Gen.Choose(0, 100).Select(p => (long)p)));

    private static Gen<(InvoicingPattern, TermSplit, Attendance)> Settings =>
        from pattern in Gen.Elements(InvoicingPattern.MonthlyInArrears, InvoicingPattern.TermlyInAdvance)
        from split in Gen.Elements(TermSplit.SchoolDays, TermSplit.EqualThirds)
        from attendance in Gen.Elements(Attendance.Day, Attendance.WeeklyBoarding, Attendance.Residential52)
        select (pattern, split, attendance);

    public static Arbitrary<FullYearAgreement> FullYears() =>
        (from startYear in Gen.Choose(2023, 2029)
         from fee in AnnualPence
         from extra in Gen.Frequency((1, Gen.Constant(0L)), (2, AnnualPence))
         from settings in Settings
         from before in Gen.Choose(0, 400)
         from after in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 400).Select(d => (int?)d)))
         from calendar in Calendars
         let year = new AcademicYear(startYear)
         let start = year.Start.PlusDays(-before)
         let terms = new AgreementTerms("PL-0001", start, after is { } a ? year.End.PlusDays(a) : null, settings.Item3,
             settings.Item1, settings.Item2, [new FeeRow(start, Money.FromPence(fee))],
             extra == 0 ? [] : [new ExtraRow(ExtraKind.OneToOneSupport, "1:1", start, null, Money.FromPence(extra))])
         select new FullYearAgreement(year, terms, Money.FromPence(fee), Money.FromPence(extra), calendar))
        .ToArbitrary();

    public static Arbitrary<AgreementPeriod> Periods() =>
        (from startDay in Gen.Choose(0, 365 * 4)
         from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 700).Select(d => (int?)d)))
         from settings in Settings
         from feeCount in Gen.Choose(0, 3)
         from feeOffsets in Gen.Choose(1, 700).ArrayOf(feeCount)
         from fees in AnnualPence.ArrayOf(4)
         from extraCount in Gen.Choose(0, 2)
         from extraFrom in Gen.Choose(-100, 600).ArrayOf(extraCount)
         from extraLength in Gen.Frequency((1, Gen.Constant(-1)), (2, Gen.Choose(0, 400))).ArrayOf(extraCount)
         from extraAmounts in AnnualPence.ArrayOf(extraCount)
         from periodOffset in Gen.Choose(-100, 600)
         from periodLength in Gen.Choose(1, 500)
         from cut in Gen.Choose(0, 10_000)
         from calendar in Calendars
         let start = new LocalDate(2024, 9, 1).PlusDays(startDay)
         let feeDates = feeOffsets.Distinct().Order().Select(start.PlusDays).Prepend(start.PlusDays(-(startDay % 30))).ToArray()
         let feeRows = feeDates.Select((d, i) => new FeeRow(d, Money.FromPence(fees[i]))).ToList()
         let extras = Enumerable.Range(0, extraCount).Select(i => new ExtraRow(ExtraKind.Therapy, "Speech and language therapy",
             start.PlusDays(extraFrom[i]), extraLength[i] < 0 ? null : start.PlusDays(extraFrom[i] + extraLength[i]),
             Money.FromPence(extraAmounts[i]))).ToList()
         let terms = new AgreementTerms("PL-0001", start, length is { } l ? start.PlusDays(l - 1) : null, settings.Item3,
             settings.Item1, settings.Item2, feeRows, extras)
         let a = start.PlusDays(periodOffset)
         let c = a.PlusDays(periodLength) // at least two days, so there is a cut
         let b = a.PlusDays(cut % periodLength)
         select new AgreementPeriod(terms, calendar, a, b, c))
        .ToArbitrary();

    public static Gen<TermCalendar> Calendars =>
        from shifts in Gen.Choose(-3, 3).ArrayOf(9 * 12)
        from closurePicks in Gen.Choose(0, 400).ArrayOf(9 * 5)
        select Build(shifts, closurePicks);

    private static TermCalendar Build(int[] shifts, int[] closurePicks)
    {
        var terms = new List<Term>();
        var closures = new List<LocalDate>();
        for (var i = 0; i < 9; i++)
        {
            var year = new AcademicYear(2022 + i);
            var y = year.StartYear;
            (LocalDate Start, LocalDate End)[] usual =
            [
                (new(y, 9, 3), new(y, 10, 23)), (new(y, 11, 2), new(y, 12, 18)),
                (new(y + 1, 1, 5), new(y + 1, 2, 12)), (new(y + 1, 2, 22), new(y + 1, 3, 27)),
                (new(y + 1, 4, 14), new(y + 1, 5, 22)), (new(y + 1, 6, 2), new(y + 1, 7, 21)),
            ];
            var yearTerms = usual.Select((t, h) => new Term(year,
                t.Start.PlusDays(h == 0 ? Math.Abs(shifts[i * 12 + h * 2]) : shifts[i * 12 + h * 2]), // autumn never starts in August
                t.End.PlusDays(shifts[i * 12 + h * 2 + 1]))).ToList();
            terms.AddRange(yearTerms);
            var schoolDays = yearTerms.SelectMany(t => Enumerable.Range(0, t.Dates.Length).Select(t.Start.PlusDays)).Where(Weekdays.IsWeekday).ToList();
            closures.AddRange(closurePicks.Skip(i * 5).Take(5).Where(p => p < schoolDays.Count).Select(p => schoolDays[p]));
        }
        return new TermCalendar(terms, closures.Distinct().Select(d => new SchoolClosure(d, "INSET day")));
    }
}
