using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on the demo county with a database and a Quartz scheduler of its own, for the payment run pages: runs
/// prepared, held and approved here change no other test's data (a month, once approved, closes the months before it).
/// </summary>
public sealed class PaymentsApp() : PlacementsApp(DatabaseProvider.Sqlite);
