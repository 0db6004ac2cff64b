using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Interchange;

/// <summary>What Finance's tables already hold, keyed as the import files key it (one query per table, tracked).</summary>
public sealed class FinanceState
{
    public Dictionary<(ProvisionType Type, string Band, FinancialYear Year), TopUpBand> Bands { get; } = [];
    public Dictionary<(int PlacementId, LocalDate From), PlacementFunding> Funding { get; } = [];
    public Dictionary<(ProvisionType Type, LocalDate From), PlaceRate> Rates { get; } = [];
    public Dictionary<(FinancialYear Year, string Line), BudgetLine> Budgets { get; } = [];
    public Dictionary<int, ProviderFundingTerms> TermsByProviderId { get; } = [];

    public static FinanceState Empty => new();

    public static FinanceState Of(IEnumerable<TopUpBand> bands)
    {
        var state = new FinanceState();
        foreach (var b in bands) state.Bands[(b.ProvisionType, b.Band, b.FinancialYear)] = b;
        return state;
    }

    public static async Task<FinanceState> LoadAsync(FinanceDb db, CancellationToken cancellationToken = default)
    {
        var state = Of(await db.TopUpBands.ToListAsync(cancellationToken));
        foreach (var f in await db.PlacementFunding.ToListAsync(cancellationToken)) state.Funding[(f.PlacementId, f.EffectiveFrom)] = f;
        foreach (var r in await db.PlaceRates.ToListAsync(cancellationToken)) state.Rates[(r.ProvisionType, r.EffectiveFrom)] = r;
        foreach (var b in await db.BudgetLines.ToListAsync(cancellationToken)) state.Budgets[(b.FinancialYear, b.S251LineCode)] = b;
        foreach (var t in await db.ProviderFundingTerms.ToListAsync(cancellationToken)) state.TermsByProviderId[t.ProviderId] = t;
        return state;
    }
}
