using System.Text;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Funding;
using Placements.Finance.Interchange;
using Xunit;

namespace Placements.Finance.Tests.Interchange;

public class FinanceFilesTests
{
    private static (FinanceFiles Files, List<string> Errors) Import(FinanceState? existing, IReadOnlyDictionary<string, ProvisionType?>? placements, params (string File, string Text)[] files)
    {
        var errors = new ImportErrors();
        var tables = files.ToDictionary(
            f => f.File,
            f => CsvTable.Read(f.File, new MemoryStream(Encoding.UTF8.GetBytes(f.Text + "\n")),
                FinanceFiles.Columns.TryGetValue(f.File, out var c) ? c : CommissioningFiles.Columns[f.File].WithOptional(FinanceFiles.ProRataBasisColumn), errors));
        var parsed = FinanceFiles.Parse(tables, errors);
        parsed.Validate(existing ?? FinanceState.Empty, placements ?? new Dictionary<string, ProvisionType?>(), errors);
        return (parsed, errors.Sorted().Select(e => e.ToString()).ToList());
    }

    private static readonly Dictionary<string, ProvisionType?> TwoPlacements = new()
    {
        ["PL1"] = ProvisionType.MaintainedSpecial,
        ["PL2"] = ProvisionType.IndependentSpecial,
    };

    [Fact]
    public void BandsAndAmounts_AreReadInPoundsToThePenny()
    {
        var (files, errors) = Import(null, TwoPlacements,
            ("topup_bands.csv", "provision_type,band,financial_year,annual_amount\nMaintainedSpecial,Band 3,2026/27,15750\nMaintainedSpecial,Band 4,2026/27,\"17,556.50\""),
            ("placement_funding.csv", "placement_ref,effective_from,band,annual_amount\nPL1,2026-04-01,Band 3,\nPL2,2026-04-01,,34226.40"));

        Assert.Empty(errors);
        Assert.Equal([Money.FromPounds(15_750m), Money.FromPounds(17_556.50m)], files.BandRows.Select(b => b.AnnualAmount));
        Assert.Equal(new FinancialYear(2026), files.BandRows[0].FinancialYear);
        // £175.57 × 195 days = £34,226.40 (domain.md §5)
        Assert.Equal(Money.FromPounds(34_226.40m), files.FundingRows[1].AnnualAmount);
    }

    [Fact]
    public void AFundingRow_NeedsExactlyOneOfBandAndAmount()
    {
        var (_, errors) = Import(FinanceState.Of([new TopUpBand(ProvisionType.MaintainedSpecial, "Band 3", new FinancialYear(2025), Money.FromPounds(15_000m))]), TwoPlacements,
            ("placement_funding.csv", "placement_ref,effective_from,band,annual_amount\nPL1,2026-04-01,Band 3,15750\nPL1,2026-09-01,,"));

        Assert.Equal(
        [
            "placement_funding.csv:2: annual_amount: give exactly one of band and annual_amount",
            "placement_funding.csv:3: band: give exactly one of band and annual_amount",
        ], errors);
    }

    [Fact]
    public void NegativeAndMalformedAmounts_AreErrors()
    {
        var (_, errors) = Import(null, null,
            ("topup_bands.csv", "provision_type,band,financial_year,annual_amount\nMaintainedSpecial,Band 1,2026/27,-100\nMaintainedSpecial,Band 2,2026/27,12.345"),
            ("place_rates.csv", "provision_type,effective_from,occupied_rate,unoccupied_rate\nResourcedProvision,2026-04-01,6000,ten thousand"));

        Assert.Equal(
        [
            "place_rates.csv:2: unoccupied_rate: 'ten thousand' is not an amount of money: 't' is not allowed (write digits, an optional '£', '-', ',' and '.').",
            "topup_bands.csv:2: annual_amount: '-100' must not be negative",
            "topup_bands.csv:3: annual_amount: '12.345' is not an amount of money: it has more than 2 decimal places.",
        ], errors);
    }

    [Fact]
    public void ABudgetOnAnUnknownS251Line_OrAYearNotWrittenAsYyyySlashYy_IsAnError()
    {
        var (files, errors) = Import(null, null,
            ("budgets.csv", "financial_year,s251_line,amount\n2026/27,1.2.3,9650000\n2026/27,1.2.12,100\n2026,1.2.1,100"));

        Assert.Equal(
        [
            "budgets.csv:3: s251_line: '1.2.12' is not a High Needs s251 line (1.0.2, 1.2.1, 1.2.2, 1.2.3, 1.2.4, 1.2.5, 1.2.6, 1.2.7, 1.2.8, 1.2.9, 1.2.10, 1.2.11, 1.2.13)",
            "budgets.csv:4: financial_year: '2026' is not a financial year (YYYY/YY, e.g. 2025/26)",
        ], errors);
        Assert.Single(files.BudgetRows);
    }

    [Fact]
    public void FundingForAnUnknownPlacement_OrABandThePlacementsProvisionTypeLacks_IsAnError()
    {
        var (_, errors) = Import(null, TwoPlacements,
            ("topup_bands.csv", "provision_type,band,financial_year,annual_amount\nMaintainedSpecial,Band 3,2026/27,15750\nSpecialAcademy,Band 9,2026/27,20000"),
            ("placement_funding.csv", "placement_ref,effective_from,band,annual_amount\nPL1,2026-04-01,Band 9,\nPL404,2026-04-01,Band 3,"));

        Assert.Equal(
        [
            "placement_funding.csv:2: band: 'Band 9' is not a band of MaintainedSpecial in topup_bands.csv or the database",
            "placement_funding.csv:3: placement_ref: 'PL404' is not in placements.csv or the database",
        ], errors);
    }

    [Fact]
    public void DuplicateKeys_AreReportedOnTheLaterLine()
    {
        var (_, errors) = Import(null, null,
            ("place_rates.csv", "provision_type,effective_from,occupied_rate\nMaintainedSpecial,2026-04-01,10000\nMaintainedSpecial,2026-04-01,10500"));

        Assert.Equal(["place_rates.csv:3: effective_from: provision_type MaintainedSpecial, effective_from 2026-04-01 appears again (first on line 2); each key may appear once per file"], errors);
    }

    [Fact]
    public void AProvidersProRataBasis_DefaultsToMonthly_AndMustBeABasis()
    {
        var (files, errors) = Import(null, null,
            ("providers.csv", "provider_ref,name,provision_type,la_code,phase,pro_rata_basis\nPRV1,A,MaintainedSpecial,990,Primary,\nPRV2,B,IndependentSpecial,991,Secondary,SchoolDays\nPRV3,C,IndependentSpecial,991,Secondary,Weekly"));

        Assert.Equal(["providers.csv:4: pro_rata_basis: 'Weekly' is not one of Monthly, CalendarDays, SchoolDays"], errors);
        Assert.Equal([("PRV1", ProRataBasis.Monthly), ("PRV2", ProRataBasis.SchoolDays)], files.FundingTermsRows.Select(t => (t.ProviderRef, t.ProRataBasis)));
    }
}
