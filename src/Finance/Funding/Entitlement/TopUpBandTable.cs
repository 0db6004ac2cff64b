using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Funding.Entitlement;

/// <summary>One band's annual top-up for a provision type in a financial year: the plain value of a <see cref="TopUpBand"/>.</summary>
public sealed record BandAmount(ProvisionType ProvisionType, string Band, FinancialYear Year, Money AnnualAmount);

/// <summary>
/// A council's top-up bands: the annual amount per (provision type, band, financial year). A band with no amount for a
/// year is missing, never zero, so a placement paid by it cannot be paid by accident at nothing.
/// </summary>
public sealed class TopUpBandTable
{
    private readonly Dictionary<(ProvisionType, string, FinancialYear), Money> amounts = [];

    /// <summary>A table of <paramref name="amounts"/>.</summary>
    /// <exception cref="ArgumentException">The same provision type, band and year is given twice.</exception>
    public TopUpBandTable(IEnumerable<BandAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        foreach (var a in amounts)
        {
            if (!this.amounts.TryAdd((a.ProvisionType, a.Band, a.Year), a.AnnualAmount))
                throw new ArgumentException($"Band {a.Band} of {a.ProvisionType.Describe()} has two amounts for {a.Year}.", nameof(amounts));
        }
    }

    /// <summary>The table of the stored <paramref name="bands"/>.</summary>
    public static TopUpBandTable From(IEnumerable<TopUpBand> bands) =>
        new(bands.Select(b => new BandAmount(b.ProvisionType, b.Band, b.FinancialYear, b.AnnualAmount)));

    /// <summary>The annual amount of <paramref name="band"/> for <paramref name="type"/> in <paramref name="year"/>, or null when none is set.</summary>
    public Money? Find(ProvisionType type, string band, FinancialYear year) =>
        amounts.TryGetValue((type, band, year), out var amount) ? amount : null;
}
