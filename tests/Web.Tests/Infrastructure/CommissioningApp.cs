using Microsoft.Extensions.DependencyInjection;
using Placements.Accounts;
using Placements.Web.Database;
using Placements.Web.Security;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on an empty database (no demo county) with one user per role that the commissioning pages
/// care about, for tests that write: each test adds its own providers and children, so they never depend on
/// the random demo or on each other.
/// </summary>
public abstract class CommissioningApp(DatabaseProvider provider) : PlacementsApp(provider)
{
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["commissioner"] = Roles.Commissioner,
        ["finance.officer"] = Roles.FinanceOfficer,
        ["admin"] = Roles.Administrator,
    };

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];

    public override async ValueTask InitializeAsync()
    {
        // Starting the host migrates the empty database and creates the roles.
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var (user, role) in Users)
        {
            var problems = await accounts.AddAsync(user, role, DemoPassword);
            if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
        }
    }
}

public sealed class CommissioningSqliteApp() : CommissioningApp(DatabaseProvider.Sqlite);

public sealed class CommissioningPostgresApp() : CommissioningApp(DatabaseProvider.Postgres);
