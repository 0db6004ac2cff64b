using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Planning;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Tests.Planning;

/// <summary>A random county and the academic year and date to count it on.</summary>
public sealed record CountyOnADate(PlanningData Data, AcademicYear Year, LocalDate Date)
{
    public override string ToString() =>
        $"{Year} on {Date:uuuu-MM-dd}; providers [{string.Join("; ", Data.Providers)}]; children [{string.Join("; ", Data.Children)}]; " +
        $"placements [{string.Join("; ", Data.Placements)}]; places [{string.Join("; ", Data.Places.Select(p => $"{p.ProviderId} {p.AcademicYear} {p.Need?.ToString() ?? "any"} {p.Places}"))}]";
}

/// <summary>A county to project, with setting moves but nobody leaving and nobody joining.</summary>
public sealed record CountyWithMovesOnly(CountyOnADate County, MoveCount[] Moves, int YearsAhead)
{
    public override string ToString() => $"{YearsAhead} years ahead; moves [{string.Join("; ", Moves)}]; {County}";
}

/// <summary>Places to split and the weights to split them by.</summary>
public sealed record PlacesAndWeights(int Places, int[] Weights)
{
    public override string ToString() => $"{Places} places by [{string.Join(", ", Weights)}]";
}

/// <summary>
/// FsCheck generators for small random counties: up to 12 providers of every type in the council's LA or
/// its neighbour, up to 60 children from early years to NCY 20, up to 90 placements (some overlapping, some
/// dual) starting 2021–2026, and up to 20 place rows for 2021/22–2026/27.
/// </summary>
public static class PlanningArbitraries
{
    private static readonly string?[] Districts = [null, "North", "South", "East"];

    public static Arbitrary<CountyOnADate> Counties() => CountyGen.ToArbitrary();

    public static Arbitrary<CountyWithMovesOnly> CountiesWithMovesOnly() =>
        (from county in CountyGen
         from moveCount in Gen.Choose(0, 30)
         from moves in Gen.ArrayOf(MoveGen, moveCount)
         from yearsAhead in Gen.Choose(1, DemandProjection.MaxYearsAhead)
         select new CountyWithMovesOnly(county, moves, yearsAhead)).ToArbitrary();

    public static Arbitrary<PlacesAndWeights> PlacesAndWeights() =>
        (from count in Gen.Choose(1, 12)
         from weights in Gen.ArrayOf(Gen.Choose(0, 50), count)
         from places in weights.Sum() == 0 ? Gen.Constant(0) : Gen.Choose(0, 500)
         select new PlacesAndWeights(places, weights)).ToArbitrary();

    private static Gen<MoveCount> MoveGen =>
        from ncy in Gen.Choose(-2, 20)
        from origin in Gen.Elements(Enum.GetValues<Setting>())
        from to in Gen.Elements(Enum.GetValues<Setting>())
        from children in Gen.Choose(0, 5)
        select new MoveCount(ncy, origin, to, children);

    private static Gen<CountyOnADate> CountyGen =>
        from providerCount in Gen.Choose(1, 12)
        from providers in Gen.ArrayOf(ProviderGen, providerCount)
        from childCount in Gen.Choose(1, 60)
        from children in Gen.ArrayOf(ChildGen, childCount)
        from placementCount in Gen.Choose(0, 90)
        from placements in Gen.ArrayOf(PlacementGen(childCount, providerCount), placementCount)
        from placeCount in Gen.Choose(0, 20)
        from places in Gen.ArrayOf(PlacesGen(providerCount), placeCount)
        from startYear in Gen.Choose(2023, 2025)
        let year = new AcademicYear(startYear)
        from date in Gen.Frequency(
            (1, Gen.Constant(CensusDate.For(year))),
            (1, Gen.Choose(0, year.Dates.Length - 1).Select(year.Start.PlusDays)))
        select new CountyOnADate(
            new PlanningData(County.Council,
                providers.Select((p, i) => p with { Id = i + 1, Reference = $"P{i + 1}" }).ToList(),
                children.Select((c, i) => c with { Id = i + 1 }).ToList(),
                placements, places),
            year, date);

    private static Gen<PlanningProvider> ProviderGen =>
        from type in Gen.Elements(Enum.GetValues<ProvisionType>())
        from la in Gen.Frequency((3, Gen.Constant(County.Council)), (1, Gen.Constant(County.Neighbour)))
        from district in Gen.Elements(Districts)
        from phase in Gen.Elements(Enum.GetValues<Phase>())
        select new PlanningProvider(0, "", $"{type} {district}", type, la, district, phase);

    private static Gen<PlanningChild> ChildGen =>
        from ncy in Gen.Choose(-2, 20)
        from day in Gen.Choose(0, 364)
        from need in Gen.Elements(Enum.GetValues<Need>())
        from district in Gen.Elements(Districts)
        select new PlanningChild(0, new LocalDate(2021 - ncy, 1, 1).PlusDays(day), need, district);

    private static Gen<PlanningPlacement> PlacementGen(int childCount, int providerCount) =>
        from child in Gen.Choose(1, childCount)
        from provider in Gen.Choose(1, providerCount)
        from start in Gen.Choose(0, 5 * 365).Select(new LocalDate(2021, 9, 1).PlusDays)
        from end in Gen.Frequency(
            (1, Gen.Constant<LocalDate?>(null)),
            (2, Gen.Choose(0, 900).Select(d => (LocalDate?)start.PlusDays(d))))
        from reason in Gen.Elements(new OutOfAreaReason?[] { null, null, OutOfAreaReason.NoLocalCapacity, OutOfAreaReason.ParentalPreference, OutOfAreaReason.SpecialistNeed })
        from dual in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new PlanningPlacement(child, provider, start, end, reason, dual);

    private static Gen<CommissionedPlaces> PlacesGen(int providerCount) =>
        from provider in Gen.Choose(1, providerCount)
        from startYear in Gen.Choose(2021, 2026)
        from need in Gen.Elements(new Need?[] { null, null, Need.ASD, Need.SEMH, Need.SLD, Need.MLD })
        from places in Gen.Choose(0, 30)
        select new CommissionedPlaces(provider, new AcademicYear(startYear), need, places);
}
