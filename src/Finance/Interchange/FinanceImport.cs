using Placements.Commissioning.Interchange;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;
using Placements.Finance.Persistence;

namespace Placements.Finance.Interchange;

/// <summary>
/// Writes checked Finance files: creates each row's entity or updates the existing one of the same key where a
/// value differs. Runs after <see cref="CommissioningImport"/> in the same transaction, so every provider and
/// placement it refers to has its id.
/// </summary>
public sealed class FinanceImport(FinanceDb db, FinanceState state, CommissioningState commissioning)
{
    /// <summary>The tally of each Finance file, and the providers whose funding terms were created or changed.</summary>
    public sealed record Outcome(IReadOnlyList<ImportTally> Files, IReadOnlySet<string> FundingTermsChanged);

    public async Task<Outcome> ApplyAsync(FinanceFiles files, IReadOnlySet<string> present, CancellationToken cancellationToken = default)
    {
        var tallies = FinanceFiles.Columns.Keys.ToDictionary(f => f, f => new ImportTally(f));
        var termsChanged = new HashSet<string>(StringComparer.Ordinal);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in files.FundingTermsRows)
                if (Upsert(row) != RowChange.Unchanged) termsChanged.Add(row.ProviderRef);
            foreach (var row in files.BandRows) tallies[FinanceFiles.TopUpBands].Count(Upsert(row));
            foreach (var row in files.FundingRows) tallies[FinanceFiles.PlacementFunding].Count(Upsert(row));
            foreach (var row in files.RateRows) tallies[FinanceFiles.PlaceRates].Count(Upsert(row));
            foreach (var row in files.BudgetRows) tallies[FinanceFiles.Budgets].Count(Upsert(row));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return new Outcome(tallies.Values.Where(t => present.Contains(t.File)).ToList(), termsChanged);
    }

    private RowChange Upsert(FundingTermsRow row)
    {
        var provider = commissioning.Providers[row.ProviderRef];
        if (!state.TermsByProviderId.TryGetValue(provider.Id, out var terms))
        {
            terms = new ProviderFundingTerms(provider.Id, provider.Reference, row.ProRataBasis);
            db.ProviderFundingTerms.Add(terms);
            state.TermsByProviderId[provider.Id] = terms;
            return RowChange.Created;
        }
        if (terms.ProRataBasis == row.ProRataBasis) return RowChange.Unchanged;
        terms.ProRataBasis = row.ProRataBasis;
        return RowChange.Updated;
    }

    private RowChange Upsert(BandRow row)
    {
        var key = (row.ProvisionType, row.Band, row.FinancialYear);
        if (!state.Bands.TryGetValue(key, out var band))
        {
            band = new TopUpBand(row.ProvisionType, row.Band, row.FinancialYear, row.AnnualAmount);
            db.TopUpBands.Add(band);
            state.Bands[key] = band;
            return RowChange.Created;
        }
        if (band.AnnualAmount == row.AnnualAmount) return RowChange.Unchanged;
        band.CorrectFromImport(row.AnnualAmount);
        return RowChange.Updated;
    }

    private RowChange Upsert(FundingRow row)
    {
        var placement = commissioning.Placements[row.PlacementRef];
        var key = (placement.Id, row.EffectiveFrom);
        if (!state.Funding.TryGetValue(key, out var funding))
        {
            funding = row.Band is { } band
                ? PlacementFunding.ByBand(placement.Id, placement.Reference, row.EffectiveFrom, band)
                : PlacementFunding.ByAgreedAmount(placement.Id, placement.Reference, row.EffectiveFrom, row.AnnualAmount!.Value);
            db.PlacementFunding.Add(funding);
            state.Funding[key] = funding;
            return RowChange.Created;
        }
        if (funding.Band == row.Band && funding.AgreedAnnualAmount == row.AnnualAmount) return RowChange.Unchanged;
        funding.CorrectFromImport(row.Band, row.AnnualAmount);
        return RowChange.Updated;
    }

    private RowChange Upsert(RateRow row)
    {
        var key = (row.ProvisionType, row.EffectiveFrom);
        if (!state.Rates.TryGetValue(key, out var rate))
        {
            rate = new PlaceRate(row.ProvisionType, row.EffectiveFrom, row.OccupiedRate, row.UnoccupiedRate);
            db.PlaceRates.Add(rate);
            state.Rates[key] = rate;
            return RowChange.Created;
        }
        if (rate.OccupiedRate == row.OccupiedRate && rate.UnoccupiedRate == row.UnoccupiedRate) return RowChange.Unchanged;
        rate.CorrectFromImport(row.OccupiedRate, row.UnoccupiedRate);
        return RowChange.Updated;
    }

    private RowChange Upsert(BudgetRow row)
    {
        var key = (row.FinancialYear, row.S251Line);
        if (!state.Budgets.TryGetValue(key, out var line))
        {
            line = new BudgetLine(row.FinancialYear, row.S251Line, row.Amount);
            db.BudgetLines.Add(line);
            state.Budgets[key] = line;
            return RowChange.Created;
        }
        if (line.Amount == row.Amount) return RowChange.Unchanged;
        line.CorrectFromImport(row.Amount);
        return RowChange.Updated;
    }
}
