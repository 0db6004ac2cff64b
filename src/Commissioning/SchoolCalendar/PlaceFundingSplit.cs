namespace Placements.Commissioning.SchoolCalendar;

/// <summary>
/// How a financial year's place funding is made up from the two academic years it overlaps. Place numbers
/// are set per academic year and budgets per financial year, so a maintained school's FY place funding =
/// 5/12 × places(the AY that started the previous September) + 7/12 × places(the AY starting this September)
/// (DfE high needs funding operational guide). FY 2025/26 = 5/12 of AY 2024/25 (April–August 2025) +
/// 7/12 of AY 2025/26 (September 2025–March 2026).
/// </summary>
/// <remarks>
/// The fractions are whole twelfths (<see cref="EarlierTwelfths"/>, <see cref="LaterTwelfths"/>) so that money
/// can be worked out exactly: multiply by the twelfths first, divide by 12 once, round once.
/// </remarks>
public readonly record struct PlaceFundingSplit
{
    private PlaceFundingSplit(FinancialYear year)
    {
        Year = year;
        EarlierAcademicYear = new AcademicYear(year.StartYear - 1);
        LaterAcademicYear = new AcademicYear(year.StartYear);
    }

    /// <summary>The split of <paramref name="year"/>'s place funding.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The earlier academic year would start before 1900 (FY 1900/01), or <paramref name="year"/> is
    /// <c>default</c>.
    /// </exception>
    public static PlaceFundingSplit For(FinancialYear year) => new(year);

    /// <summary>The financial year being funded.</summary>
    public FinancialYear Year { get; }

    /// <summary>The academic year that started the September before the financial year (its April–August).</summary>
    public AcademicYear EarlierAcademicYear { get; }

    /// <summary>The twelfths of the year funded at <see cref="EarlierAcademicYear"/>'s place numbers: 5.</summary>
    public int EarlierTwelfths => 5;

    /// <summary>The academic year starting in the financial year's September (its September–March).</summary>
    public AcademicYear LaterAcademicYear { get; }

    /// <summary>The twelfths of the year funded at <see cref="LaterAcademicYear"/>'s place numbers: 7.</summary>
    public int LaterTwelfths => 7;

    /// <summary>
    /// The exact funded places in twelfths of a place: 5 × places(earlier AY) + 7 × places(later AY).
    /// Multiply a per-place rate by this and divide by 12 once, for exact money arithmetic.
    /// </summary>
    /// <param name="placesIn">The number of commissioned places in an academic year.</param>
    /// <exception cref="ArgumentNullException"><paramref name="placesIn"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="placesIn"/> gives a negative number.</exception>
    public long FundedPlaceTwelfths(Func<AcademicYear, int> placesIn)
    {
        ArgumentNullException.ThrowIfNull(placesIn);
        return (long)EarlierTwelfths * Places(placesIn, EarlierAcademicYear)
             + (long)LaterTwelfths * Places(placesIn, LaterAcademicYear);
    }

    /// <summary>
    /// The places funded for the financial year: (5 × places(earlier AY) + 7 × places(later AY)) / 12,
    /// e.g. 60 then 72 places fund 67. A convenience: when the result is not whole it is rounded to
    /// <see cref="decimal"/> precision, so money should be worked from <see cref="FundedPlaceTwelfths"/>.
    /// </summary>
    /// <param name="placesIn">The number of commissioned places in an academic year.</param>
    /// <exception cref="ArgumentNullException"><paramref name="placesIn"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="placesIn"/> gives a negative number.</exception>
    public decimal PlacesFunded(Func<AcademicYear, int> placesIn) => FundedPlaceTwelfths(placesIn) / 12m;

    /// <summary><c>FY 2025/26 = 5/12 AY 2024/25 + 7/12 AY 2025/26</c>.</summary>
    public override string ToString() =>
        $"FY {Year} = {EarlierTwelfths}/12 AY {EarlierAcademicYear} + {LaterTwelfths}/12 AY {LaterAcademicYear}";

    private static int Places(Func<AcademicYear, int> placesIn, AcademicYear year)
    {
        var places = placesIn(year);
        return places >= 0
            ? places
            : throw new ArgumentOutOfRangeException(
                nameof(placesIn), places, $"Academic year {year} cannot have a negative number of places.");
    }
}
