using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placements.Finance.PooledFunding;

namespace Placements.Finance.Persistence;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.Reference).HasMaxLength(20);
        b.HasIndex(r => r.Reference).IsUnique();
        b.Property(r => r.PlacementReference).HasMaxLength(40);
        b.Property(r => r.ChildReference).HasMaxLength(40);
        b.Property(r => r.ChildInitials).HasMaxLength(4);
        b.Property(r => r.ProviderReference).HasMaxLength(40);
        b.Property(r => r.NeedsSummary).HasMaxLength(4000);
        b.Property(r => r.Documents).HasMaxLength(2000);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.HasIndex(r => r.PlacementId).IsUnique(); // one referral per proposed placement
        b.Ignore(r => r.ProposedAnnualCost);
        b.Ignore(r => r.DocumentNames);
    }
}

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> b)
    {
        b.Property(m => m.Location).HasMaxLength(200);
        b.HasMany(m => m.Members).WithOne().HasForeignKey(m => m.PanelMeetingId);
    }
}

internal sealed class PanelMemberPresentConfiguration : IEntityTypeConfiguration<PanelMemberPresent>
{
    public void Configure(EntityTypeBuilder<PanelMemberPresent> b)
    {
        b.ToTable("PanelMembersPresent");
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Role).HasMaxLength(100);
    }
}

internal sealed class PanelDecisionConfiguration : IEntityTypeConfiguration<PanelDecision>
{
    public void Configure(EntityTypeBuilder<PanelDecision> b)
    {
        b.Property(d => d.PlacementReference).HasMaxLength(40);
        b.Property(d => d.Reasons).HasMaxLength(4000);
        b.Property(d => d.Conditions).HasMaxLength(4000);
        b.Property(d => d.DecidedBy).HasMaxLength(100);
        b.Property(d => d.EducationPercent).HasPrecision(7, 4);
        b.Property(d => d.HealthPercent).HasPrecision(7, 4);
        b.Property(d => d.SocialCarePercent).HasPrecision(7, 4);
        b.HasOne<Referral>().WithMany().HasForeignKey(d => d.ReferralId);
        b.HasIndex(d => new { d.ReferralId, d.EffectiveFrom });
        b.Ignore(d => d.Split);
        b.Ignore(d => d.Approves);
    }
}

internal sealed class RechargeStatementConfiguration : IEntityTypeConfiguration<RechargeStatement>
{
    public void Configure(EntityTypeBuilder<RechargeStatement> b)
    {
        b.Property(s => s.PreparedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.Partner, s.PeriodStart }).IsUnique(); // a partner's period is recharged once
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.RechargeStatementId);
        b.HasMany(s => s.Receipts).WithOne().HasForeignKey(r => r.RechargeStatementId);
        b.HasMany(s => s.Months).WithOne().HasForeignKey(m => m.RechargeStatementId);
        b.Ignore(s => s.Reference);
        b.Ignore(s => s.Received);
        b.Ignore(s => s.Outstanding);
    }
}

internal sealed class RechargedMonthConfiguration : IEntityTypeConfiguration<RechargedMonth>
{
    // A month is recharged to a partner once, whatever the length of the statement's period.
    public void Configure(EntityTypeBuilder<RechargedMonth> b) => b.HasIndex(m => new { m.Partner, m.MonthStart }).IsUnique();
}

internal sealed class RechargeLineConfiguration : IEntityTypeConfiguration<RechargeLine>
{
    public void Configure(EntityTypeBuilder<RechargeLine> b)
    {
        b.Property(l => l.PlacementReference).HasMaxLength(40);
        b.Property(l => l.ChildInitials).HasMaxLength(4);
        b.Property(l => l.Description).HasMaxLength(400);
        b.Property(l => l.Split).HasMaxLength(100);
        b.Property(l => l.S251Line).HasMaxLength(10);
    }
}

internal sealed class RechargeReceiptConfiguration : IEntityTypeConfiguration<RechargeReceipt>
{
    public void Configure(EntityTypeBuilder<RechargeReceipt> b) => b.Property(r => r.RecordedBy).HasMaxLength(100);
}
