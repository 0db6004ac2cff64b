namespace Placements.Finance.Tables;

/// <summary>
/// The rules for adding rows to the dated funding tables (domain.md §3). Rows are added, never edited or deleted:
/// payments may have been made against them, so a change is a new row with a later date or the next year's band.
/// </summary>
/// <remarks>
/// The use cases live here, not under <c>Placements.Finance.Funding</c>, because that namespace (and any beginning with it) is the pure core
/// (no DbContext; see the architecture tests).
/// </remarks>
public static class FundingTableRules
{
    public const string PlaceRateAlreadyExists = nameof(PlaceRateAlreadyExists);
    public const string TopUpBandAlreadyExists = nameof(TopUpBandAlreadyExists);
    public const string PlacementFundingAlreadyExists = nameof(PlacementFundingAlreadyExists);
    public const string RateMustNotBeNegative = nameof(RateMustNotBeNegative);
    public const string BandNameRequired = nameof(BandNameRequired);
    public const string BandMustBeInTheTable = nameof(BandMustBeInTheTable);
    public const string BandOrAmountNotBoth = nameof(BandOrAmountNotBoth);

    /// <summary>The longest band name the table holds.</summary>
    public const int BandNameMaxLength = 40;
}
