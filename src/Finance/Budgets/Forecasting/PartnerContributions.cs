using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>What one partner is expected to contribute to the year's jointly funded placements, and how much of it is recharged.</summary>
/// <param name="Recharged">On recharge statements for periods in the year (prepared, whether or not yet received).</param>
/// <param name="Expected">Its share of the forecast cost (actual + committed + pipeline) of the placements the panel split.</param>
public sealed record PartnerContribution(Partner Partner, Money Recharged, Money Expected)
{
    /// <summary>Expected − recharged: still to be put on a statement this year (negative if statements ran ahead of the forecast).</summary>
    public Money StillToRecharge => Expected - Recharged;
}

/// <summary>One jointly funded placement's forecast cost for the year and each partner's expected share of it (education's is the rest).</summary>
public sealed record JointPlacementContribution(PlacementForecast Forecast, string Split, Money Education, Money Health, Money SocialCare);

/// <summary>
/// The income the council expects from health and social care for the year (domain.md §8: the council pays in full and
/// recharges each partner its share): the High Needs forecast is gross, and this is what offsets it.
/// </summary>
public sealed record ContributionsForecast(IReadOnlyList<PartnerContribution> Partners, IReadOnlyList<JointPlacementContribution> Placements)
{
    public Money Expected => Money.Sum(Partners.Select(p => p.Expected));

    public Money Recharged => Money.Sum(Partners.Select(p => p.Recharged));

    public Money StillToRecharge => Expected - Recharged;

    /// <summary>The forecast outturn less the partners' expected contributions: the cost that stays with the High Needs Block.</summary>
    public Money NetOf(HighNeedsForecastResult forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.Forecast - Expected;
    }
}

/// <summary>
/// The partners' expected contributions to a forecast. Pure. Each jointly funded placement's forecast cost for the year
/// is spread over its days in the year (from its start or 1 April to its projected end or 31 March) and shared by the
/// split in force on each day, exactly as a recharge shares a payment (<see cref="Recharges"/>): so a split changed
/// mid-year counts from its date, and days under no split stay with education.
/// </summary>
public static class PartnerContributions
{
    public static ContributionsForecast For(
        HighNeedsForecastResult forecast, IReadOnlyDictionary<int, IReadOnlyList<SplitInForce>> splits, IReadOnlyDictionary<Partner, Money> recharged)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(recharged);
        var placements = new List<JointPlacementContribution>();
        foreach (var p in forecast.Placements.OrderBy(p => p.Placement.Reference, StringComparer.Ordinal))
        {
            if (!splits.TryGetValue(p.Placement.PlacementId, out var inForce) || inForce.Count == 0 || p.Total.IsZero) continue;
            if (DaysInYear(p, forecast.Year) is not { } days) continue;
            var shares = Recharges.For(new PaidForPlacement(p.Placement.PlacementId, p.Placement.Reference, days, p.Total, "forecast"), inForce);
            Money Of(Partner partner) => Money.Sum(shares.Where(s => s.Partner == partner).Select(s => s.Amount));
            // E.g. "education 50%, health 30%, social care 20% from 1 Oct 2026": each split over the placement's days.
            var described = string.Join("; ", inForce.Where(s => s.From <= days.End && (s.Until is null || s.Until >= days.Start))
                .Select(s => $"{s.Split} from {s.From:d MMM yyyy}" + (s.Until is { } until && until < days.End ? $" to {until:d MMM yyyy}" : "")));
            var (health, socialCare) = (Of(Partner.Health), Of(Partner.SocialCare));
            // Education's share includes the days under no split: the council's own cost.
            placements.Add(new JointPlacementContribution(p, described, p.Total - health - socialCare, health, socialCare));
        }
        var partners = new[] { Partner.Health, Partner.SocialCare }.Select(partner => new PartnerContribution(partner,
            recharged.GetValueOrDefault(partner),
            Money.Sum(placements.Select(c => partner == Partner.Health ? c.Health : c.SocialCare)))).ToList();
        return new ContributionsForecast(partners, placements);
    }

    private static DateInterval? DaysInYear(PlacementForecast p, FinancialYear year)
    {
        var from = p.Placement.Start > year.Start ? p.Placement.Start : year.Start;
        var end = p.ProjectedEnd ?? p.Placement.End;
        var to = end is { } e && e < year.End ? e : year.End;
        return to < from ? null : new DateInterval(from, to);
    }
}

/// <summary>Loads the splits and the year's recharge statements, and works out the partners' contributions to a forecast.</summary>
public sealed class ForecastPartnerContributions(FinanceDb finance)
{
    public async Task<ContributionsForecast> ForAsync(HighNeedsForecastResult forecast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        // As the forecast's actuals are: what the panel had decided and the statements prepared by the end of the as-at day.
        var cutoff = forecast.AsAt.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/London"]).ToInstant();
        var splits = (await finance.PanelDecisions.AsNoTracking().ToListAsync(cancellationToken)).Where(d => d.DecidedAt < cutoff).GroupBy(d => d.PlacementId)
            .ToDictionary(g => g.Key, g => PanelDecision.SplitsInForce(g));
        var (start, end) = (forecast.Year.Start, forecast.Year.End);
        var recharged = (await finance.RechargeStatements.AsNoTracking().Include(s => s.Lines)
                .Where(s => s.PeriodStart >= start && s.PeriodStart <= end).ToListAsync(cancellationToken))
            .Where(s => s.PreparedAt < cutoff)
            .GroupBy(s => s.Partner).ToDictionary(g => g.Key, g => Money.Sum(g.Select(s => s.Total)));
        return PartnerContributions.For(forecast, splits, recharged);
    }
}
