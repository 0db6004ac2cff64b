using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on the demo county with a database and a Quartz scheduler of its own, for the payment run pages: runs
/// prepared, held and approved here change no other test's data (a month, once approved, closes the months before it).
/// </summary>
public sealed class PaymentsApp() : PlacementsApp(DatabaseProvider.Sqlite)
{
    /// <summary>
    /// The first month paid here is fixed, because otherwise it is the earliest month with a run: a test preparing May
    /// before another prepares April would make April a month before go-live, which pays nothing.
    /// </summary>
    public static readonly NodaTime.YearMonth FirstMonth = new(2026, 4);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Payments:FirstMonth", "2026-04")];
}
