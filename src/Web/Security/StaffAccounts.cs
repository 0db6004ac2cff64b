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
    /// <param name="approvalLimit">A finance approver's approval limit (<see cref="StaffUser.ApprovalLimitPence"/>); null: none.</param>
    public async Task<IReadOnlyList<string>> AddAsync(string userName, string role, string password, string? displayName = null, Finance.Money? approvalLimit = null)
    {
        if (Roles.Find(role) is not { } canonical)
            return [$"'{role}' is not a role. Roles: {string.Join(", ", Roles.All)}."];
        if (await users.FindByNameAsync(userName) is not null)
            return [$"A user called '{userName}' already exists."];
        await EnsureRolesAsync();
        if (approvalLimit is { } limit && (limit.IsNegative || canonical != Roles.FinanceApprover))
            return [limit.IsNegative ? "An approval limit cannot be negative." : "Only a FinanceApprover has an approval limit."];
        var user = new StaffUser { UserName = userName, DisplayName = displayName ?? userName, ApprovalLimitPence = approvalLimit?.Pence };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var inRole = await users.AddToRoleAsync(user, canonical);
        return inRole.Succeeded ? [] : inRole.Errors.Select(e => e.Description).ToList();
    }

    public Task<bool> AnyAsync() => users.Users.AnyAsync();

    /// <summary>Sets (or, with null, removes) a finance approver's approval limit; returns the problems, empty when it worked.</summary>
    public async Task<IReadOnlyList<string>> SetApprovalLimitAsync(string userName, Finance.Money? limit)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null) return [$"There is no user called '{userName}'."];
        if (limit is { IsNegative: true }) return ["An approval limit cannot be negative."];
        if (limit is not null && !await users.IsInRoleAsync(user, Roles.FinanceApprover)) return [$"{userName} is not a FinanceApprover: only approvers have a limit."];
        user.ApprovalLimitPence = limit?.Pence;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? [] : updated.Errors.Select(e => e.Description).ToList();
    }
}
