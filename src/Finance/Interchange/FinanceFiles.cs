using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;

namespace Placements.Finance.Interchange;

public sealed record BandRow(int Line, ProvisionType ProvisionType, string Band, FinancialYear FinancialYear, Money AnnualAmount);
public sealed record FundingRow(int Line, string PlacementRef, LocalDate EffectiveFrom, string? Band, Money? AnnualAmount);
public sealed record RateRow(int Line, ProvisionType ProvisionType, LocalDate EffectiveFrom, Money OccupiedRate, Money? UnoccupiedRate);
public sealed record BudgetRow(int Line, FinancialYear FinancialYear, string S251Line, Money Amount);
/// <summary>The <c>pro_rata_basis</c> of a <c>providers.csv</c> row (blank = Monthly): one <see cref="ProviderFundingTerms"/> per provider.</summary>
public sealed record FundingTermsRow(int Line, string ProviderRef, ProRataBasis ProRataBasis);

/// <summary>
/// The Finance files of the county import, read and checked without a database, as
/// <see cref="CommissioningFiles"/> does for Commissioning's. Amounts are pounds with at most 2 decimals
/// (<see cref="Money.TryParse"/>) and never negative.
/// </summary>
public sealed class FinanceFiles
{
    public const string TopUpBands = "topup_bands.csv";
    public const string PlacementFunding = "placement_funding.csv";
    public const string PlaceRates = "place_rates.csv";
    public const string Budgets = "budgets.csv";

    /// <summary>providers.csv's column that Finance reads (Commissioning reads the rest).</summary>
    public const string ProRataBasisColumn = "pro_rata_basis";

    public static readonly IReadOnlyDictionary<string, CsvColumns> Columns = new Dictionary<string, CsvColumns>
    {
        [TopUpBands] = new(["provision_type", "band", "financial_year", "annual_amount"], []),
        [PlacementFunding] = new(["placement_ref", "effective_from"], ["band", "annual_amount"]),
        [PlaceRates] = new(["provision_type", "effective_from", "occupied_rate"], ["unoccupied_rate"]),
        [Budgets] = new(["financial_year", "s251_line", "amount"], []),
    };

    public List<BandRow> BandRows { get; } = [];
    public List<FundingRow> FundingRows { get; } = [];
    public List<RateRow> RateRows { get; } = [];
    public List<BudgetRow> BudgetRows { get; } = [];
    public List<FundingTermsRow> FundingTermsRows { get; } = [];

    public static FinanceFiles Parse(IReadOnlyDictionary<string, CsvTable> tables, ImportErrors errors)
    {
        var files = new FinanceFiles();
        CsvTable Table(string name) => tables.TryGetValue(name, out var t) ? t : CsvTable.Empty(name);
        files.ParseFundingTerms(Table(CommissioningFiles.Providers), errors);
        files.ParseBands(Table(TopUpBands), errors);
        files.ParseFunding(Table(PlacementFunding), errors);
        files.ParseRates(Table(PlaceRates), errors);
        files.ParseBudgets(Table(Budgets), errors);
        return files;
    }

    private void ParseFundingTerms(CsvTable table, ImportErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var basis = r.Enum<ProRataBasis>(ProRataBasisColumn) ?? ProRataBasis.Monthly;
            // A missing or repeated provider_ref is reported by Commissioning's reading of the same file.
            if (!r.HasErrors && table.Value(csv, "provider_ref") is { Length: > 0 } provider && seen.Add(provider))
                FundingTermsRows.Add(new(r.Line, provider, basis));
        }
    }

    private void ParseBands(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<(ProvisionType, string, FinancialYear)>("band");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var type = r.Enum<ProvisionType>("provision_type", required: true);
            var band = r.Text("band", required: true);
            var year = r.FinancialYear("financial_year");
            var amount = r.Amount("annual_amount", required: true);
            if (band?.Length > 40) r.Error("band", $"'{band}' is longer than 40 characters");
            if (r.HasErrors || !keys.IsFirst(r, (type!.Value, band!, year!.Value), $"provision_type {type}, band '{band}', financial_year {year}")) continue;
            BandRows.Add(new(r.Line, type.Value, band!, year.Value, amount!.Value));
        }
    }

    private void ParseFunding(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<(string, LocalDate)>("effective_from");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var placement = r.Text("placement_ref", required: true);
            var from = r.Date("effective_from", required: true);
            var band = r.Text("band");
            var amountText = r.Text("annual_amount");
            var amount = r.Amount("annual_amount");
            if ((band is null) == (amountText is null))
                r.Error(band is null ? "band" : "annual_amount", "give exactly one of band and annual_amount");
            if (r.HasErrors || !keys.IsFirst(r, (placement!, from!.Value), $"placement_ref '{placement}', effective_from {from:uuuu-MM-dd}")) continue;
            FundingRows.Add(new(r.Line, placement!, from.Value, band, amount));
        }
    }

    private void ParseRates(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<(ProvisionType, LocalDate)>("effective_from");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var type = r.Enum<ProvisionType>("provision_type", required: true);
            var from = r.Date("effective_from", required: true);
            var occupied = r.Amount("occupied_rate", required: true);
            var unoccupied = r.Amount("unoccupied_rate");
            if (r.HasErrors || !keys.IsFirst(r, (type!.Value, from!.Value), $"provision_type {type}, effective_from {from:uuuu-MM-dd}")) continue;
            RateRows.Add(new(r.Line, type.Value, from.Value, occupied!.Value, unoccupied));
        }
    }

    private void ParseBudgets(CsvTable table, ImportErrors errors)
    {
        var keys = new DuplicateKeys<(FinancialYear, string)>("s251_line");
        foreach (var csv in table.Rows)
        {
            var r = new RowReader(table, csv, errors);
            var year = r.FinancialYear("financial_year");
            var line = r.Text("s251_line", required: true);
            var amount = r.Amount("amount", required: true);
            if (line is not null && !S251Line.IsKnown(line))
                r.Error("s251_line", $"'{line}' is not a High Needs s251 line ({string.Join(", ", S251Line.HighNeeds.Select(l => l.Code))})");
            if (r.HasErrors || !keys.IsFirst(r, (year!.Value, line!), $"financial_year {year}, s251_line {line}")) continue;
            BudgetRows.Add(new(r.Line, year.Value, line!, amount!.Value));
        }
    }

    /// <summary>
    /// Checks what needs the folder and the database: each funding row's placement exists (in placements.csv or
    /// the database), and its band is a band of the placement provider's provision type in topup_bands (folder or
    /// database, any financial year) — a band nobody can price would leave the placement unpaid.
    /// </summary>
    /// <param name="placementTypes">Every known placement reference with its provider's provision type (<see cref="CommissioningFiles.PlacementProvisionTypes"/>).</param>
    public void Validate(FinanceState existing, IReadOnlyDictionary<string, ProvisionType?> placementTypes, ImportErrors errors)
    {
        var bands = BandRows.Select(b => (b.ProvisionType, b.Band)).Concat(existing.Bands.Keys.Select(k => (k.Type, k.Band))).ToHashSet();
        foreach (var row in FundingRows)
        {
            if (!placementTypes.TryGetValue(row.PlacementRef, out var type))
                errors.Add(PlacementFunding, row.Line, "placement_ref", $"'{row.PlacementRef}' is not in {CommissioningFiles.Placements} or the database");
            else if (row.Band is { } band && type is { } t && !bands.Contains((t, band)))
                errors.Add(PlacementFunding, row.Line, "band", $"'{band}' is not a band of {t} in {TopUpBands} or the database");
        }
    }
}

internal static class AmountColumns
{
    /// <summary>An amount in pounds (at most 2 decimals), never negative; null (with an error when wrong) when blank or malformed.</summary>
    public static Money? Amount(this RowReader r, string column, bool required = false)
    {
        if (r.Text(column, required) is not { } text) return null;
        if (!Money.TryParse(text, out var money, out var error))
        {
            r.Error(column, error!);
            return null;
        }
        if (money.IsNegative)
        {
            r.Error(column, $"'{text}' must not be negative");
            return null;
        }
        return money;
    }
}
