using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;

namespace Placements.Finance.Persistence;

internal sealed class TopUpBandConfiguration : IEntityTypeConfiguration<TopUpBand>
{
    public void Configure(EntityTypeBuilder<TopUpBand> b)
    {
        b.Property(t => t.Band).HasMaxLength(40);
        b.HasIndex(t => new { t.ProvisionType, t.Band, t.FinancialYear }).IsUnique();
    }
}

internal sealed class PlaceRateConfiguration : IEntityTypeConfiguration<PlaceRate>
{
    public void Configure(EntityTypeBuilder<PlaceRate> b) =>
        b.HasIndex(r => new { r.ProvisionType, r.EffectiveFrom }).IsUnique();
}

internal sealed class PlacementFundingConfiguration : IEntityTypeConfiguration<PlacementFunding>
{
    public void Configure(EntityTypeBuilder<PlacementFunding> b)
    {
        b.ToTable("PlacementFunding");
        b.Property(f => f.PlacementReference).HasMaxLength(40);
        b.Property(f => f.Band).HasMaxLength(40);
        b.HasIndex(f => new { f.PlacementId, f.EffectiveFrom }).IsUnique();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(l => l.S251LineCode).HasMaxLength(10);
        b.HasIndex(l => new { l.FinancialYear, l.S251LineCode }).IsUnique();
    }
}

internal sealed class ProviderFundingTermsConfiguration : IEntityTypeConfiguration<ProviderFundingTerms>
{
    public void Configure(EntityTypeBuilder<ProviderFundingTerms> b)
    {
        b.Property(t => t.ProviderReference).HasMaxLength(40);
        b.HasIndex(t => t.ProviderId).IsUnique();
    }
}

internal sealed class BudgetRevisionConfiguration : IEntityTypeConfiguration<BudgetRevision>
{
    public void Configure(EntityTypeBuilder<BudgetRevision> b)
    {
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.RevisedBy).HasMaxLength(100);
        b.HasOne<BudgetLine>().WithMany(l => l.Revisions).HasForeignKey(r => r.BudgetLineId);
        b.HasIndex(r => new { r.BudgetLineId, r.Version }).IsUnique();
    }
}

internal sealed class DsgYearConfiguration : IEntityTypeConfiguration<DsgYear>
{
    public void Configure(EntityTypeBuilder<DsgYear> b) => b.HasIndex(d => d.FinancialYear).IsUnique();
}

internal sealed class BudgetSnapshotConfiguration : IEntityTypeConfiguration<Budgets.Snapshots.BudgetSnapshot>
{
    public void Configure(EntityTypeBuilder<Budgets.Snapshots.BudgetSnapshot> b)
    {
        b.Property(s => s.TakenBy).HasMaxLength(100);
        b.HasIndex(s => s.Month).IsUnique(); // one a month: a second taker (two nodes, a re-fired job) fails here
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.BudgetSnapshotId);
        b.HasMany(s => s.ProvisionTypes).WithOne().HasForeignKey(t => t.BudgetSnapshotId);
        b.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.BudgetSnapshotId);
        b.HasMany<Budgets.Snapshots.BudgetSnapshotPlacement>().WithOne().HasForeignKey(p => p.BudgetSnapshotId);
        b.Ignore(s => s.Alerts);
    }
}

internal sealed class BudgetSnapshotLineConfiguration : IEntityTypeConfiguration<Budgets.Snapshots.BudgetSnapshotLine>
{
    public void Configure(EntityTypeBuilder<Budgets.Snapshots.BudgetSnapshotLine> b)
    {
        b.Property(l => l.S251Line).HasMaxLength(10);
        b.Property(l => l.Basis).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Rag).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.PreviousRag).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(l => new { l.BudgetSnapshotId, l.S251Line }).IsUnique();
    }
}

internal sealed class BudgetSnapshotProvisionTypeConfiguration : IEntityTypeConfiguration<Budgets.Snapshots.BudgetSnapshotProvisionType>
{
    public void Configure(EntityTypeBuilder<Budgets.Snapshots.BudgetSnapshotProvisionType> b)
    {
        b.Property(t => t.ProvisionType).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(t => new { t.BudgetSnapshotId, t.ProvisionType }).IsUnique();
    }
}

internal sealed class BudgetSnapshotPlacementConfiguration : IEntityTypeConfiguration<Budgets.Snapshots.BudgetSnapshotPlacement>
{
    public void Configure(EntityTypeBuilder<Budgets.Snapshots.BudgetSnapshotPlacement> b)
    {
        b.Property(p => p.PlacementReference).HasMaxLength(40);
        b.Property(p => p.ProviderReference).HasMaxLength(40);
        b.Property(p => p.ChildReference).HasMaxLength(40);
        b.Property(p => p.ChildInitials).HasMaxLength(4);
        b.Property(p => p.S251Line).HasMaxLength(10);
        b.Property(p => p.ProvisionType).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => new { p.BudgetSnapshotId, p.PlacementId }).IsUnique();
        b.Ignore(p => p.Total);
    }
}

internal sealed class BudgetSnapshotNoteConfiguration : IEntityTypeConfiguration<Budgets.Snapshots.BudgetSnapshotNote>
{
    public void Configure(EntityTypeBuilder<Budgets.Snapshots.BudgetSnapshotNote> b)
    {
        b.Property(n => n.S251Line).HasMaxLength(10);
        b.Property(n => n.Text).HasMaxLength(2000);
        b.Property(n => n.WrittenBy).HasMaxLength(100);
    }
}
