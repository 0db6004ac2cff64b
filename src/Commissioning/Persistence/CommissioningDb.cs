using Microsoft.EntityFrameworkCore;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Persistence;

/// <summary>Who is placed where and how many places exist. Owns the audit table for both modules.</summary>
public sealed class CommissioningDb(DbContextOptions<CommissioningDb> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__CommissioningMigrations";

    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<CommissionedPlaces> CommissionedPlaces => Set<CommissionedPlaces>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<SchoolClosure> SchoolClosures => Set<SchoolClosure>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => PersistenceConventions.ApplyCommon(builder);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommissioningDb).Assembly);
}
