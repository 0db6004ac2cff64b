using BenchmarkDotNet.Attributes;
using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Benchmarks;

/// <summary>
/// Issue 4's target: top-up entitlement for 100,000 placements for a full financial year, single-threaded
/// (target under 1 s). Mixed pro-rata bases, starts and leavers through the year, band changes and agreed amounts.
/// </summary>
[MemoryDiagnoser]
public class EntitlementBenchmarks
{
    private static readonly FinancialYear Year = new(2025);
    private readonly List<TopUpPlacement> _placements = [];
    private TopUpSettings _settings = null!;

    [GlobalSetup]
    public void BuildPlacements()
    {
        var random = new Random(100_000);
        var bands = new TopUpBandTable(new[] { ("A", 11_412m), ("B", 14_480m), ("C", 17_556m) }
            .Select(b => new BandAmount(ProvisionType.MaintainedSpecial, b.Item1, Year, Money.FromPounds(b.Item2))));
        var terms = new[] { 2024, 2025 }.SelectMany(y => new[]
        {
            new Term(new AcademicYear(y), new LocalDate(y, 9, 3), new LocalDate(y, 12, 19)),
            new Term(new AcademicYear(y), new LocalDate(y + 1, 1, 5), new LocalDate(y + 1, 3, 27)),
            new Term(new AcademicYear(y), new LocalDate(y + 1, 4, 13), new LocalDate(y + 1, 7, 22)),
        });
        _settings = new TopUpSettings(bands, new TermCalendar(terms, []), new YearMonth(2020, 4));
        var bases = Enum.GetValues<ProRataBasis>();
        for (var i = 0; i < 100_000; i++)
        {
            var start = Year.Start.PlusDays(random.Next(-400, 300));
            LocalDate? end = random.Next(10) == 0 ? start.PlusDays(random.Next(30, 500)) : null;
            var funding = new List<TopUpFundingRow> { random.Next(5) == 0
                ? TopUpFundingRow.ByAgreedAmount(start, Money.FromPounds(random.Next(40_000, 120_000)))
                : TopUpFundingRow.ByBand(start, "AB"[random.Next(2)].ToString()) };
            var review = start.PlusYears(1);
            if (random.Next(8) == 0 && funding[0].Band is not null) funding.Add(TopUpFundingRow.ByBand(review, "C"));
            _placements.Add(new TopUpPlacement($"P{i}", ProvisionType.MaintainedSpecial, start, end, funding, bases[i % bases.Length]));
        }
    }

    [Benchmark]
    public Money FullYearFor100000Placements()
    {
        var total = Money.Zero;
        foreach (var placement in _placements)
            if (placement.Start <= Year.End && (placement.End is null || placement.End >= Year.Start))
                total += TopUpEntitlement.Schedule(placement, Year, _settings).Total;
        return total;
    }
}
