using BenchmarkDotNet.Attributes;
using Placements.Commissioning.Planning;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Benchmarks;

/// <summary>The planning engine alone, on a synthetic county of 20,000 children and placements in memory.</summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private PlanningData _county = null!;
    private readonly AcademicYear _year = new(2025);

    [GlobalSetup]
    public void BuildCounty() => _county = SyntheticPlanningCounty.Build();

    [Benchmark]
    public SufficiencyTable SufficiencyTable() => Commissioning.Planning.SufficiencyTable.For(_county, _year);

    [Benchmark]
    public DemandProjection ProjectionFiveYearsAhead() => DemandProjection.Project(_county, _year, yearsAhead: 5);
}
