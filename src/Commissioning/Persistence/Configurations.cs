using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Persistence;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.HasIndex(p => p.Reference).IsUnique();
        b.Property(p => p.Reference).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Urn).HasMaxLength(10);
        b.Property(p => p.Ukprn).HasMaxLength(10);
        b.Property(p => p.LaCode).HasMaxLength(10);
        b.Property(p => p.District).HasMaxLength(100);
        // Stored as "ASD;SLCN" — the import file's own spelling — so every database holds it alike.
        b.Property(p => p.DesignatedNeeds)
            .HasConversion(
                needs => string.Join(';', needs),
                text => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Need>).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Need>>(
                    (a, c) => a!.SequenceEqual(c!), l => l.Aggregate(0, (h, n) => HashCode.Combine(h, n)), l => l.ToList()))
            .HasMaxLength(200);
    }
}

internal sealed class CommissionedPlacesConfiguration : IEntityTypeConfiguration<CommissionedPlaces>
{
    public void Configure(EntityTypeBuilder<CommissionedPlaces> b)
    {
        b.HasOne<Provider>().WithMany().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProviderId, p.AcademicYear, p.Need }).IsUnique();
    }
}

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.Reference).HasMaxLength(40);
        b.Property(c => c.GivenName).HasMaxLength(100);
        b.Property(c => c.FamilyName).HasMaxLength(100);
        b.Property(c => c.ResidentLa).HasMaxLength(10);
        b.Property(c => c.District).HasMaxLength(100);
        b.Ignore(c => c.Initials);
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.HasIndex(p => p.Reference).IsUnique();
        b.Property(p => p.Reference).HasMaxLength(40);
        b.Property(p => p.ResponsibleLa).HasMaxLength(10);
        b.Property(p => p.CapacityOverrideReason).HasMaxLength(500);
        b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProviderId, p.Start });
        b.HasIndex(p => p.ChildId);
    }
}

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b)
    {
        b.Property<int>("Id");
        b.HasKey("Id");
        // Terms are immutable records: EF sets them through their constructor.
        b.Property(t => t.Year);
        b.Property(t => t.Start);
        b.Property(t => t.End);
        b.HasIndex(t => t.Start).IsUnique();
        b.Ignore(t => t.Dates);
    }
}

internal sealed class SchoolClosureConfiguration : IEntityTypeConfiguration<SchoolClosure>
{
    public void Configure(EntityTypeBuilder<SchoolClosure> b)
    {
        b.Property<int>("Id");
        b.HasKey("Id");
        b.Property(c => c.Date);
        b.HasIndex(c => c.Date).IsUnique();
        b.Property(c => c.Reason).HasMaxLength(200);
    }
}

/// <summary>The audit table. Both contexts map it; only this one creates it.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>False in every context but CommissioningDb, so only one migration creates the table.</summary>
    public bool OwnsTable { get; init; } = true;

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries", t => { if (!OwnsTable) t.ExcludeFromMigrations(); });
        b.Property(a => a.Actor).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => a.At);
    }
}
