using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placements.Finance.Payments;

namespace Placements.Finance.Persistence;

internal sealed class PaymentRunConfiguration : IEntityTypeConfiguration<PaymentRun>
{
    public void Configure(EntityTypeBuilder<PaymentRun> b)
    {
        // Exactly once: the database, not a check-then-insert, refuses a second run with the same month and sequence.
        b.HasIndex(r => new { r.Month, r.Sequence }).IsUnique();
        foreach (var name in new[] { nameof(PaymentRun.PreparedBy), nameof(PaymentRun.FirstApprovedBy), nameof(PaymentRun.ApprovedBy), nameof(PaymentRun.ExportedBy) })
            b.Property(name).HasMaxLength(256);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(r => r.Events).HasField("_events");
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Title);
        b.Ignore(r => r.IsApproved);
    }
}

internal sealed class PaymentRunEventConfiguration : IEntityTypeConfiguration<PaymentRunEvent>
{
    public void Configure(EntityTypeBuilder<PaymentRunEvent> b)
    {
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Note).HasMaxLength(1000);
    }
}

internal sealed class PaymentLineConfiguration : IEntityTypeConfiguration<PaymentLine>
{
    public void Configure(EntityTypeBuilder<PaymentLine> b)
    {
        b.HasOne<PaymentRun>().WithMany().HasForeignKey(l => l.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.PlacementReference).HasMaxLength(40);
        b.Property(l => l.ProviderReference).HasMaxLength(40);
        b.Property(l => l.ChildReference).HasMaxLength(40);
        b.Property(l => l.ChildInitials).HasMaxLength(4);
        b.Property(l => l.S251Line).HasMaxLength(10);
        b.Property(l => l.Reason).HasMaxLength(400);
        b.Ignore(l => l.IsHeld);
        b.Ignore(l => l.ServiceDays);
        // interchange.md: at most one row per placement, financial year and kind in a run.
        b.HasIndex(l => new { l.PaymentRunId, l.PlacementId, l.FinancialYear, l.Kind }).IsUnique();
        b.HasIndex(l => l.PlacementId);
    }
}

internal sealed class PaymentRunProblemConfiguration : IEntityTypeConfiguration<PaymentRunProblem>
{
    public void Configure(EntityTypeBuilder<PaymentRunProblem> b)
    {
        b.HasOne<PaymentRun>().WithMany().HasForeignKey(p => p.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.PlacementReference).HasMaxLength(40);
        b.Property(p => p.ProviderReference).HasMaxLength(40);
        b.Property(p => p.Message).HasMaxLength(1000);
    }
}

internal sealed class PaymentHoldConfiguration : IEntityTypeConfiguration<PaymentHold>
{
    public void Configure(EntityTypeBuilder<PaymentHold> b)
    {
        b.Property(h => h.PlacementReference).HasMaxLength(40);
        b.Property(h => h.Reason).HasMaxLength(400);
        b.Property(h => h.Team).HasMaxLength(100);
        b.Property(h => h.HeldBy).HasMaxLength(256);
        b.Property(h => h.ReleasedBy).HasMaxLength(256);
        b.Property(h => h.ReleaseNote).HasMaxLength(400);
        b.Ignore(h => h.IsActive);
        b.HasIndex(h => h.PlacementId);
    }
}
