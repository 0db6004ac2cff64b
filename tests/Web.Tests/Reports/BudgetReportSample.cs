using NodaTime;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Budgets;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Web.Reports;

namespace Placements.Web.Tests.Reports;

/// <summary>
/// A small High Needs report for FY 2026/27 as at 15 December 2026, built through the real forecast, snapshot and
/// movement code. Band E3 is £15,750 a year (£1,312.50 a month); the independent school charges £36,000 a year, in
/// thirds a term.
/// <list type="bullet">
/// <item>PL-0001 (1.2.1, JS): paid April–November 8 × £1,312.50 = £10,500.00; December–March committed 4 × £1,312.50 = £5,250.00.</item>
/// <item>PL-0002 (1.2.3, TL): summer and autumn 2026 invoiced, £24,000.00; spring 2027 committed £12,000.00.</item>
/// <item>PL-0003 (1.2.2, AK): agreed at £18,000 a year from 1 January 2027, not started: 3 × £1,500 = £4,500.00 in the pipeline; new since November.</item>
/// <item>PL-0004 (1.2.1, RB): band E9 has no amount for 2026/27: it cannot be priced and counts its £500.00 actual.</item>
/// <item>Trend: two starts on 1.2.1 at £12,000 (C = £24,000): in November 4 months left, £24,000 × 16 / 288 = £1,333.33;
/// in December 3 months left, £24,000 × 9 / 288 = £750.00: a movement of −£583.33.</item>
/// </list>
/// Line 1.2.1: actual £11,000.00, commitment £5,250.00, expected £750.00 → £17,000.00 against £16,000 (red).
/// Line 1.2.2: £4,500.00 against £6,000 (green). Line 1.2.3: £36,000.00 against £40,000 (green).
/// 1.0.2 place funding £1,180,000.00 against £1,200,000; 1.2.5 held at £150,000.00.
/// Total £1,387,500.00 against £1,412,000.00: −£24,500.00. Movement since 15 November: +£4,500.00 − £583.33 = +£3,916.67.
/// </summary>
internal static class BudgetReportSample
{
    public static readonly FinancialYear Fy2026 = new(2026);
    public static readonly LocalDate AsAt = new(2026, 12, 15);
    public static readonly LocalDate November = new(2026, 11, 15);

    /// <summary>The children's names as the council holds them: none may appear in a report.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChildNames = new Dictionary<string, string>
    {
        ["JS"] = "Jamie Sullivan", ["TL"] = "Taylor Lindqvist", ["AK"] = "Aisha Khatun", ["RB"] = "Riley Brennan",
    };

    public const string NoteText = "Two new placements at Oakfield from January; the overspend goes to the Schools Forum in January.";

    private static TermCalendar Calendar { get; } = new(
        [
            new Term(new AcademicYear(2025), new(2025, 9, 3), new(2025, 12, 19)),
            new Term(new AcademicYear(2025), new(2026, 1, 5), new(2026, 3, 27)),
            new Term(new AcademicYear(2025), new(2026, 4, 13), new(2026, 7, 21)),
            new Term(new AcademicYear(2026), new(2026, 9, 2), new(2026, 12, 18)),
            new Term(new AcademicYear(2026), new(2027, 1, 4), new(2027, 3, 26)),
            new Term(new AcademicYear(2026), new(2027, 4, 12), new(2027, 7, 21)),
        ],
        []);

    private static TopUpSettings Settings { get; } = new(
        new TopUpBandTable(
        [
            new BandAmount(ProvisionType.MaintainedSpecial, "E3", Fy2026, Money.FromPounds(15_750m)),
            new BandAmount(ProvisionType.MaintainedSpecial, "E9", new FinancialYear(2025), Money.FromPounds(30_000m)),
        ]),
        Calendar, new YearMonth(2026, 4));

    private static readonly LocalDate YoungChild = new(2014, 5, 10);

    private static ForecastPlacement TopUp(int id, string initials, ProvisionType type, string line, PlacementStage stage, LocalDate start,
        TopUpFundingRow row, Money actual) =>
        new(id, $"PL-{id:D4}", "P0012", $"C-{10_000 + id}", initials, type, line, stage, start, null,
            new TopUpPlacement($"PL-{id:D4}", type, start, null, [row]), null, actual, [], Money.Zero, YoungChild, 14);

    private static IReadOnlyList<ForecastPlacement> Placements(bool withNewPlacement, Money topUpPaid)
    {
        var fee = new AgreementTerms("PL-0002", new(2025, 9, 1), null, Attendance.Day, InvoicingPattern.TermlyInAdvance, TermSplit.EqualThirds,
            [new FeeRow(new(2025, 9, 1), Money.FromPounds(36_000m))], []);
        var list = new List<ForecastPlacement>
        {
            TopUp(1, "JS", ProvisionType.MaintainedSpecial, "1.2.1", PlacementStage.Active, new(2024, 9, 1), TopUpFundingRow.ByBand(new(2024, 9, 1), "E3"), topUpPaid),
            new(2, "PL-0002", "P0077", "C-10002", "TL", ProvisionType.IndependentSpecial, "1.2.3", PlacementStage.Active, new(2025, 9, 1), null, null, fee,
                Money.FromPounds(24_000m), [new(new(2026, 4, 13), new(2026, 7, 21)), new(new(2026, 9, 2), new(2026, 12, 18))], Money.Zero, YoungChild, 14),
            TopUp(4, "RB", ProvisionType.MaintainedSpecial, "1.2.1", PlacementStage.Active, new(2025, 9, 1), TopUpFundingRow.ByBand(new(2025, 9, 1), "E9"),
                Money.FromPounds(500m)),
        };
        if (withNewPlacement)
            list.Add(TopUp(3, "AK", ProvisionType.SpecialAcademy, "1.2.2", PlacementStage.NotStarted, new(2027, 1, 1),
                TopUpFundingRow.ByAgreedAmount(new(2027, 1, 1), Money.FromPounds(18_000m)), Money.Zero));
        return list;
    }

    private static IReadOnlyList<MonthlyActual> Actuals(int topUpMonths)
    {
        var actuals = Enumerable.Range(0, topUpMonths).Select(i => new MonthlyActual(new YearMonth(2026, 4).PlusMonths(i), "1.2.1", Money.FromPounds(1_312.50m))).ToList();
        actuals.Add(new MonthlyActual(new YearMonth(2026, 6), "1.2.1", Money.FromPounds(500m)));
        actuals.Add(new MonthlyActual(new YearMonth(2026, 4), "1.2.3", Money.FromPounds(12_000m)));
        actuals.Add(new MonthlyActual(new YearMonth(2026, 9), "1.2.3", Money.FromPounds(12_000m)));
        return actuals;
    }

    private static readonly IReadOnlyDictionary<string, Money> Budgets = new Dictionary<string, Money>
    {
        ["1.0.2"] = Money.FromPounds(1_200_000m), ["1.2.1"] = Money.FromPounds(16_000m), ["1.2.2"] = Money.FromPounds(6_000m),
        ["1.2.3"] = Money.FromPounds(40_000m), ["1.2.5"] = Money.FromPounds(150_000m),
    };

    private static readonly IReadOnlyList<PlacementStart> Starts =
    [
        new("1.2.1", ProvisionType.MaintainedSpecial, new(2026, 5, 4), Money.FromPounds(12_000m)),
        new("1.2.1", ProvisionType.MaintainedSpecial, new(2026, 9, 7), Money.FromPounds(12_000m)),
    ];

    public static HighNeedsForecastResult Forecast(LocalDate asAt, bool withNewPlacement, Money topUpPaid, int topUpMonths, IReadOnlyList<ForecastPlacement>? extra = null,
        ForecastOptions? options = null) =>
        HighNeedsForecast.Compute(
            new ForecastInputs(Fy2026, asAt, [.. Placements(withNewPlacement, topUpPaid), .. extra ?? []], Settings, Budgets, Money.FromPounds(1_180_000m), Starts,
                Actuals(topUpMonths)),
            options ?? ForecastOptions.Base, RagThresholds.Default);

    /// <param name="notes">How many notes to add after the first (to run the commentary over pages).</param>
    /// <param name="extra">More placements (e.g. many that cannot be priced).</param>
    /// <param name="options">The forecast's options (a scenario); last month's snapshot is always the base forecast.</param>
    public static BudgetReport Build(int notes = 0, IReadOnlyList<ForecastPlacement>? extra = null, ForecastOptions? options = null)
    {
        var previousForecast = Forecast(November, withNewPlacement: false, Money.FromPounds(9_187.50m), 7, extra);
        var previous = new BudgetSnapshot(previousForecast, "finance.officer", Instant.FromUtc(2026, 11, 16, 9, 0), null);
        var current = Forecast(AsAt, withNewPlacement: true, Money.FromPounds(10_500m), 8, extra, options);
        var movement = ForecastMovement.Between(previousForecast.AsAt, ForecastMovement.Lines(previous), previousForecast.Placements.Select(PlacementPart.From).ToList(),
            current.AsAt, ForecastMovement.Lines(current), current.Placements.Select(PlacementPart.From).ToList());

        var snapshot = new BudgetSnapshot(current, "finance.officer", Instant.FromUtc(2026, 12, 16, 9, 0),
            previous.Lines.ToDictionary(l => l.S251Line, l => l.Rag));
        var written = new List<BudgetSnapshotNote> { snapshot.Annotate("1.2.1", NoteText, "Sam Okafor", Instant.FromUtc(2026, 12, 17, 10, 30)) };
        var codes = S251Line.HighNeeds.Select(l => l.Code).ToArray();
        for (var i = 0; i < notes; i++)
            written.Add(snapshot.Annotate(codes[i % codes.Length], $"Note {i + 1}: " + string.Join(' ', Enumerable.Repeat("the line is on track against the budget set in March;", 6)),
                "Sam Okafor", Instant.FromUtc(2026, 12, 17, 11, 0).Plus(Duration.FromMinutes(i))));

        IReadOnlyList<DsgPositionYear> dsg =
        [
            new(new FinancialYear(2025), Money.FromPounds(1_300_000m), Money.FromPounds(250_000m), Money.FromPounds(1_420_000m), false, 180, 210_000),
            new(Fy2026, Money.FromPounds(1_350_000m), Money.FromPounds(370_000m), current.Forecast, true, 184, 211_500),
        ];
        return new BudgetReport("Northshire County Council", current, previous, movement, written, dsg);
    }

    /// <summary>A council with nothing recorded for the year: no placements, budgets, place funding or DSG years.</summary>
    public static BudgetReport Empty() => new("Northshire County Council",
        HighNeedsForecast.Compute(new ForecastInputs(Fy2026, AsAt, [], Settings, new Dictionary<string, Money>(), null, [], []), ForecastOptions.Base, RagThresholds.Default),
        null, null, [], []);

    public static ForecastPlacement Unpriced(int id) =>
        TopUp(id, "ZZ", ProvisionType.MaintainedSpecial, "1.2.1", PlacementStage.Active, new(2025, 9, 1), TopUpFundingRow.ByBand(new(2025, 9, 1), "E9"),
            Money.FromPounds(100m));
}
