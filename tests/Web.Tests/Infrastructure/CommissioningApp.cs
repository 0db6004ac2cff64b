using Placements.Accounts;
using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on an empty database (no demo county) with one user per role that the commissioning pages
/// care about, for tests that write: each test adds its own providers and children, so they never depend on
/// the random demo or on each other.
/// </summary>
public abstract class CommissioningApp(DatabaseProvider provider) : StaffedEmptyApp(provider, Users)
{
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["commissioner"] = Roles.Commissioner,
        ["finance.officer"] = Roles.FinanceOfficer,
        ["admin"] = Roles.Administrator,
    };
}

public sealed class CommissioningSqliteApp() : CommissioningApp(DatabaseProvider.Sqlite);

public sealed class CommissioningPostgresApp() : CommissioningApp(DatabaseProvider.Postgres);
