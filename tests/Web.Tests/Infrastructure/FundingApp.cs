using Microsoft.Extensions.DependencyInjection;
using Placements.Accounts;
using Placements.Web.Database;
using Placements.Web.Security;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on an empty database (no demo county) with the users the funding tables care about: the finance officer
/// and administrator add rows, the finance approver only views, and a commissioner is turned away.
/// </summary>
public abstract class FundingApp(DatabaseProvider provider) : PlacementsApp(provider)
{
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["finance.officer"] = Roles.FinanceOfficer,
        ["finance.approver"] = Roles.FinanceApprover,
        ["commissioner"] = Roles.Commissioner,
        ["admin"] = Roles.Administrator,
    };

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];

    public override async ValueTask InitializeAsync()
    {
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

public sealed class FundingSqliteApp() : FundingApp(DatabaseProvider.Sqlite);

public sealed class FundingPostgresApp() : FundingApp(DatabaseProvider.Postgres);
