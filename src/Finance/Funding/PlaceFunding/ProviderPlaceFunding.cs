using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding.Elements;

namespace Placements.Finance.Funding.PlaceFunding;

/// <summary>
/// A provider's commissioned places in an academic year, and (for resourced provision, whose empty places are funded at a
/// different rate) how many of them are occupied.
/// </summary>
/// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
public sealed record CommissionedPlaces(AcademicYear Year, int Places, int OccupiedPlaces = 0)
{
    /// <summary>The places commissioned for the year.</summary>
    public int Places { get; } = Places >= 0 ? Places : throw new ArgumentOutOfRangeException(nameof(Places), Places, "Places cannot be negative.");

    /// <summary>The places occupied; more than <see cref="Places"/> still funds only the commissioned places.</summary>
    public int OccupiedPlaces { get; } = OccupiedPlaces >= 0
        ? OccupiedPlaces
        : throw new ArgumentOutOfRangeException(nameof(OccupiedPlaces), OccupiedPlaces, "Occupied places cannot be negative.");
}

/// <summary>
/// A provider's Elements 1–2 place funding for one financial year (s251 line 1.0.2): the April–August part from the
/// academic year that started the previous September (5/12) and the September–March part from the one starting this
/// September (7/12). <see cref="PaidBy"/> says whether this council pays it, or DfE pays it and deducts it from the grant.
/// </summary>
public sealed record PlaceFundingForYear(string ProviderReference, FinancialYear Year, FundingPayer PaidBy, Money EarlierPart, Money LaterPart)
{
    /// <summary>The s251 budget line of place funding.</summary>
    public const string S251Line = "1.0.2";

    /// <summary>The year's place funding: exactly <see cref="EarlierPart"/> + <see cref="LaterPart"/>.</summary>
    public Money Total => EarlierPart + LaterPart;
}

/// <summary>Place funding per provider per financial year (domain.md §3). Guaranteed for the year: never pro-rated for empty places.</summary>
public static class ProviderPlaceFunding
{
    /// <summary>
    /// <paramref name="provider"/>'s place funding for <paramref name="year"/>: per academic year, places × the rate in
    /// force when its part of the year begins (1 April for the 5/12, 1 September for the 7/12); resourced provision's
    /// occupied places at the occupied rate and empty ones at the unoccupied rate. The year's total is rounded once from
    /// the exact sum and the 5/12 part rounded on its own, so the 7/12 part is the rest and the parts add up exactly.
    /// Settings with no place funding (independent special, mainstream, early years, other) get zero.
    /// </summary>
    /// <param name="placesIn">The commissioned places of an academic year, or null when none are commissioned.</param>
    /// <exception cref="DomainRuleException"><c>PlaceRateMustBeKnown</c> when places are funded but no rate is in force.</exception>
    public static PlaceFundingForYear For(FundedProvider provider, FinancialYear year,
        Func<AcademicYear, CommissionedPlaces?> placesIn, PlaceRateTable rates)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(placesIn);
        ArgumentNullException.ThrowIfNull(rates);
        var payer = provider.PlaceFundingPayer;
        if (payer == FundingPayer.None) return new(provider.Reference, year, payer, Money.Zero, Money.Zero);

        var split = year.PlaceFundingSplit();
        var earlier = split.EarlierTwelfths * AnnualPence(provider, split.EarlierAcademicYear, year.Start, placesIn, rates);
        var later = split.LaterTwelfths * AnnualPence(provider, split.LaterAcademicYear, new LocalDate(year.StartYear, 9, 1), placesIn, rates);
        var total = new Entitlement.ExactAmount(earlier + later, 12).Rounded();
        var earlierPart = new Entitlement.ExactAmount(earlier, 12).Rounded();
        return new(provider.Reference, year, payer, earlierPart, total - earlierPart);
    }

    /// <summary>A full year's funding of the academic year's places at the rate in force on <paramref name="rateDay"/>, in pence.</summary>
    private static Int128 AnnualPence(FundedProvider provider, AcademicYear academicYear, LocalDate rateDay,
        Func<AcademicYear, CommissionedPlaces?> placesIn, PlaceRateTable rates)
    {
        var places = placesIn(academicYear);
        if (places is null || places.Places == 0) return 0;
        var rate = rates.InForce(provider.ProvisionType, rateDay)
            ?? throw new DomainRuleException("PlaceRateMustBeKnown",
                $"No place rate for {provider.ProvisionType} is in force on {rateDay:d MMMM uuuu}, so {provider.Reference}'s places in {academicYear} cannot be funded.");
        if (provider.ProvisionType != Commissioning.Providers.ProvisionType.ResourcedProvision)
            return (Int128)places.Places * rate.OccupiedRate.Pence;
        var occupied = Math.Min(places.OccupiedPlaces, places.Places);
        return (Int128)occupied * rate.OccupiedRate.Pence
             + (Int128)(places.Places - occupied) * (rate.UnoccupiedRate ?? rate.OccupiedRate).Pence;
    }
}
