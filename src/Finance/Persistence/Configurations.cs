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
