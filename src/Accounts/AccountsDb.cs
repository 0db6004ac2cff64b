using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Placements.Accounts;

/// <summary>
/// ASP.NET Core Identity's users and roles, on the same database as the modules.
/// Kept in its own small project so the provider migration projects can hold its migrations
/// without referencing the web host.
/// </summary>
public sealed class AccountsDb(DbContextOptions<AccountsDb> options) : IdentityDbContext<StaffUser>(options)
{
    public const string MigrationsHistoryTable = "__AccountsMigrations";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
