using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;

namespace Placements.Finance.Reports;

/// <summary>
/// A placement's top-up for one financial year, month by month, as the placement page and the CLI show it:
/// the inputs the engine read (so a reader can check them) and either the schedule or what stopped it.
/// Children appear by reference only.
/// </summary>
public sealed record TopUpScheduleView(
    string PlacementReference, string ChildReference, PlacementStatus Status, string ProviderReference, string ProviderName,
    ProvisionType ProvisionType, ProRataBasis Basis, LocalDate Start, LocalDate? End, FinancialYear Year, YearMonth? GoLiveMonth,
    IReadOnlyList<TopUpFundingRow> Funding, EntitlementSchedule? Schedule, IReadOnlyList<MissingTopUpAmount> Missing)
{
    /// <summary>What approved payment runs paid for this year, by the run's month (held lines never count).</summary>
    public IReadOnlyDictionary<YearMonth, Money> PaidByRunMonth { get; init; } = new Dictionary<YearMonth, Money>();

    /// <summary>A proposal is not yet on roll: it has no entitlement.</summary>
    public bool IsProposal => Status == PlacementStatus.Proposed;
}

/// <summary>
/// Loads a placement's top-up inputs through both modules (the placement from Commissioning, funding rows, bands and
/// the provider's pro-rata basis from Finance, the term calendar for school days) and runs the pure engine.
/// </summary>
public sealed class TopUpScheduleQuery(CommissioningDb commissioning, FinanceDb finance)
{
    /// <param name="goLiveMonth">The first month paid by this system (<c>Payments:FirstMonth</c>); null: every month counts.</param>
    public async Task<TopUpScheduleView?> LoadAsync(string placementReference, FinancialYear year, YearMonth? goLiveMonth, CancellationToken cancellationToken = default)
    {
        var placement = await commissioning.Placements.AsNoTracking()
            .Where(p => p.Reference == placementReference)
            .Join(commissioning.Providers, p => p.ProviderId, p => p.Id, (p, provider) => new { Placement = p, provider.Reference, provider.Name, provider.ProvisionType })
            .Join(commissioning.Children, x => x.Placement.ChildId, c => c.Id, (x, child) => new { x.Placement, x.Reference, x.Name, x.ProvisionType, Child = child.Reference })
            .SingleOrDefaultAsync(cancellationToken);
        if (placement is null) return null;
        var p = placement.Placement;
        var funding = (await finance.PlacementFunding.AsNoTracking().Where(f => f.PlacementId == p.Id).ToListAsync(cancellationToken))
            .Select(f => f.ToRow()).OrderBy(r => r.EffectiveFrom).ToList();
        var basis = await finance.ProviderFundingTerms.Where(t => t.ProviderId == p.ProviderId).Select(t => (ProRataBasis?)t.ProRataBasis)
            .SingleOrDefaultAsync(cancellationToken) ?? ProRataBasis.Monthly;
        var paid = await (
            from line in finance.PaymentLines.AsNoTracking()
            join run in finance.PaymentRuns.Where(PaymentRun.Approved) on line.PaymentRunId equals run.Id
            where line.PlacementId == p.Id && line.FinancialYear == year && line.HoldId == null
            select new { run.Month, line.Amount }).ToListAsync(cancellationToken);
        var view = new TopUpScheduleView(p.Reference, placement.Child, p.Status, placement.Reference, placement.Name, placement.ProvisionType,
            basis, p.Start, p.End, year, goLiveMonth, funding, null, [])
        {
            PaidByRunMonth = paid.GroupBy(x => x.Month).ToDictionary(g => g.Key, g => Money.Sum(g.Select(x => x.Amount))),
        };
        if (view.IsProposal) return view;

        var type = placement.ProvisionType;
        var bands = TopUpBandTable.From(await finance.TopUpBands.AsNoTracking().Where(b => b.ProvisionType == type).ToListAsync(cancellationToken));
        var calendar = new TermCalendar(
            await commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
            await commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));
        // Without a go-live month nothing was paid by a previous system, so the whole year counts.
        var settings = new TopUpSettings(bands, calendar, goLiveMonth ?? new YearMonth(year.StartYear, 4));
        try
        {
            var topUp = new TopUpPlacement(p.Reference, type, p.Start, p.End, funding, basis);
            return view with { Schedule = TopUpEntitlement.Schedule(topUp, year, settings) };
        }
        catch (TopUpAmountMissingException missing)
        {
            return view with { Missing = missing.Missing };
        }
    }
}
