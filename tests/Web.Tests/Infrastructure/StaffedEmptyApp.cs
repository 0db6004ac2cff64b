using Microsoft.Extensions.DependencyInjection;
using Placements.Web.Database;
using Placements.Web.Security;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on an empty database (no demo county) with the given staff (user name → role), for tests that write:
/// each test adds its own providers, children and rows, so none depends on the random demo or on another test.
/// </summary>
public abstract class StaffedEmptyApp(DatabaseProvider provider, IReadOnlyDictionary<string, string> users) : PlacementsApp(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];

    public override async ValueTask InitializeAsync()
    {
        // Starting the host migrates the empty database and creates the roles.
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var (user, role) in users)
        {
            var problems = await accounts.AddAsync(user, role, DemoPassword);
            if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
        }
    }
}
