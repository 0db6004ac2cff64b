using Placements.Accounts;
using Placements.Web.Database;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on an empty database (no demo county) with the users the funding tables care about: the finance officer
/// and administrator add rows, the finance approver only views, and a commissioner is turned away.
/// </summary>
public abstract class FundingApp(DatabaseProvider provider) : StaffedEmptyApp(provider, Users)
{
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["finance.officer"] = Roles.FinanceOfficer,
        ["finance.approver"] = Roles.FinanceApprover,
        ["commissioner"] = Roles.Commissioner,
        ["admin"] = Roles.Administrator,
    };
}

public sealed class FundingSqliteApp() : FundingApp(DatabaseProvider.Sqlite);

public sealed class FundingPostgresApp() : FundingApp(DatabaseProvider.Postgres);
