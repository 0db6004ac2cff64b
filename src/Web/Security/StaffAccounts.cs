using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placements.Accounts;

namespace Placements.Web.Security;

/// <summary>Creates staff accounts with one role; used by the demo seed and the <c>users add</c> verb.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Makes sure every role of <see cref="Roles.All"/> exists (idempotent).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Creates <paramref name="userName"/> in <paramref name="role"/>; returns the problems, empty when it worked.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string userName, string role, string password, string? displayName = null)
    {
        if (Roles.Find(role) is not { } canonical)
            return [$"'{role}' is not a role. Roles: {string.Join(", ", Roles.All)}."];
        if (await users.FindByNameAsync(userName) is not null)
            return [$"A user called '{userName}' already exists."];
        await EnsureRolesAsync();
        var user = new StaffUser { UserName = userName, DisplayName = displayName ?? userName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var inRole = await users.AddToRoleAsync(user, canonical);
        return inRole.Succeeded ? [] : inRole.Errors.Select(e => e.Description).ToList();
    }

    public Task<bool> AnyAsync() => users.Users.AnyAsync();
}
