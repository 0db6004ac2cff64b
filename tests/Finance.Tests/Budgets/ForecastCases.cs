using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;

namespace Placements.Finance.Tests.Budgets;

/// <summary>
/// Hand-built placements for FY 2026/27 forecast on 15 November 2026, with figures a budget holder can check on paper:
/// band E3 is £15,750 a year (a twelfth is £1,312.50 on the Monthly basis); the independent school charges £36,000 a
/// year, invoiced termly in advance in equal thirds (£12,000 a term).
/// </summary>
internal static class ForecastCases
{
    public static readonly FinancialYear Fy2026 = new(2026);
    public static readonly FinancialYear Fy2027 = new(2027);
    public static readonly LocalDate AsAt = new(2026, 11, 15);
    public static readonly Money E3 = Money.FromPounds(15_750m);

    /// <summary>Terms of 2025/26 and 2026/27 whose spring terms end before 31 March and summer terms start after 1 April.</summary>
    public static TermCalendar Calendar { get; } = new(
        [
            new Term(new AcademicYear(2025), new(2025, 9, 3), new(2025, 12, 19)),
            new Term(new AcademicYear(2025), new(2026, 1, 5), new(2026, 3, 27)),
            new Term(new AcademicYear(2025), new(2026, 4, 13), new(2026, 7, 21)),
            new Term(new AcademicYear(2026), new(2026, 9, 2), new(2026, 12, 18)),
            new Term(new AcademicYear(2026), new(2027, 1, 4), new(2027, 3, 26)),
            new Term(new AcademicYear(2026), new(2027, 4, 12), new(2027, 7, 21)),
            new Term(new AcademicYear(2027), new(2027, 9, 2), new(2027, 12, 17)),
            new Term(new AcademicYear(2027), new(2028, 1, 4), new(2028, 3, 24)),
            new Term(new AcademicYear(2027), new(2028, 4, 10), new(2028, 7, 21)),
        ],
        []);

    public static TopUpSettings Settings { get; } = new(
        new TopUpBandTable(
        [
            new BandAmount(ProvisionType.MaintainedSpecial, "E3", new FinancialYear(2025), E3),
            new BandAmount(ProvisionType.MaintainedSpecial, "E3", Fy2026, E3),
            new BandAmount(ProvisionType.MaintainedSpecial, "E3", Fy2027, E3),
            new BandAmount(ProvisionType.MaintainedSpecial, "E9", new FinancialYear(2025), Money.FromPounds(30_000m)),
        ]),
        Calendar, new YearMonth(2024, 4));

    public static readonly DateInterval Summer2026 = new(new(2026, 4, 13), new(2026, 7, 21));
    public static readonly DateInterval Autumn2026 = new(new(2026, 9, 2), new(2026, 12, 18));

    /// <summary>A young person in NCY 8 in 2026/27 (12 on 31 August 2026): an open-ended placement runs past the year.</summary>
    public static readonly LocalDate YoungDateOfBirth = new(2014, 5, 10);

    public static ForecastPlacement TopUp(int id, PlacementStage stage, LocalDate start, LocalDate? end, Money actual,
        string band = "E3", Money? agreed = null, ProRataBasis basis = ProRataBasis.Monthly, LocalDate? dateOfBirth = null, int lastNcy = 14) =>
        new(id, $"PL-{id:D4}", "P0012", $"C-{10_000 + id}", "JS", ProvisionType.MaintainedSpecial, "1.2.1", stage, start, end,
            new TopUpPlacement($"PL-{id:D4}", ProvisionType.MaintainedSpecial, start, end,
                [agreed is { } amount ? TopUpFundingRow.ByAgreedAmount(start, amount) : TopUpFundingRow.ByBand(start, band)], basis),
            null, actual, [], Money.Zero, dateOfBirth ?? YoungDateOfBirth, lastNcy);

    /// <summary>£36,000 a year from 1 September 2025, termly in advance in equal thirds: £12,000 a term.</summary>
    public static AgreementTerms FeeTerms(LocalDate start, LocalDate? end) =>
        new("PL-0004", start, end, Attendance.Day, InvoicingPattern.TermlyInAdvance, TermSplit.EqualThirds,
            [new FeeRow(new(2025, 9, 1), Money.FromPounds(36_000m))], []);

    public static ForecastPlacement FeePaid(int id, Money actual, IReadOnlyList<DateInterval> invoiced, Money aboveExpected, LocalDate? end = null) =>
        new(id, $"PL-{id:D4}", "P0077", $"C-{10_000 + id}", "TL", ProvisionType.IndependentSpecial, "1.2.3", PlacementStage.Active,
            new(2025, 9, 1), end, null, FeeTerms(new(2025, 9, 1), end) with { PlacementReference = $"PL-{id:D4}" }, actual, invoiced,
            aboveExpected, YoungDateOfBirth, 14);

    /// <summary>
    /// The worked year: a top-up paid April–October (£9,187.50), an agreed placement starting 1 January (3 × £1,312.50 =
    /// £3,937.50 in the pipeline), a proposed one from 1 February at an agreed £12,000 (2 × £1,000 = £2,000), a fee-paid
    /// placement with the summer and autumn terms invoiced (£24,000; spring's £12,000 committed) and a placement on band E9,
    /// which has no amount for 2026/27, paid £500 (counts its actual only).
    /// </summary>
    public static IReadOnlyList<ForecastPlacement> WorkedYear() =>
    [
        TopUp(1, PlacementStage.Active, new(2024, 9, 1), null, Money.FromPounds(9_187.50m)),
        TopUp(2, PlacementStage.NotStarted, new(2027, 1, 1), null, Money.Zero),
        TopUp(3, PlacementStage.Proposed, new(2027, 2, 1), null, Money.Zero, agreed: Money.FromPounds(12_000m)),
        FeePaid(4, Money.FromPounds(24_000m), [Summer2026, Autumn2026], Money.Zero),
        TopUp(5, PlacementStage.Active, new(2025, 9, 1), null, Money.FromPounds(500m), band: "E9"),
    ];

    public static ForecastInputs Inputs(IReadOnlyList<ForecastPlacement> placements, IReadOnlyDictionary<string, Money>? budgets = null,
        Money? placeFunding = null, IReadOnlyList<PlacementStart>? starts = null, LocalDate? asAt = null, FinancialYear? year = null) =>
        new(year ?? Fy2026, asAt ?? AsAt, placements, Settings, budgets ?? new Dictionary<string, Money>(), placeFunding, starts ?? [], []);

    public static Money Pounds(decimal pounds) => Money.FromPounds(pounds);
}
