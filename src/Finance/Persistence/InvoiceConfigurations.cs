using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placements.Finance.Agreements;
using Placements.Finance.Invoices;
using Placements.Finance.Payments;

namespace Placements.Finance.Persistence;

internal sealed class PlacementAgreementConfiguration : IEntityTypeConfiguration<PlacementAgreement>
{
    public void Configure(EntityTypeBuilder<PlacementAgreement> b)
    {
        b.Property(a => a.PlacementReference).HasMaxLength(40);
        b.Property(a => a.ProviderReference).HasMaxLength(40);
        b.Property(a => a.NoticePeriod).HasMaxLength(100);
        b.Property(a => a.ContractReference).HasMaxLength(100);
        b.HasIndex(a => a.PlacementId).IsUnique();
        b.HasIndex(a => a.ProviderId);
        b.HasMany(a => a.Fees).WithOne().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Extras).WithOne().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Fees).HasField("_fees");
        b.Navigation(a => a.Extras).HasField("_extras");
    }
}

internal sealed class AgreementFeeConfiguration : IEntityTypeConfiguration<AgreementFee>
{
    public void Configure(EntityTypeBuilder<AgreementFee> b)
    {
        b.HasIndex(f => new { f.AgreementId, f.EffectiveFrom }).IsUnique();
    }
}

internal sealed class AgreementExtraConfiguration : IEntityTypeConfiguration<AgreementExtra>
{
    public void Configure(EntityTypeBuilder<AgreementExtra> b)
    {
        b.Property(e => e.Description).HasMaxLength(200);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(i => i.ProviderReference).HasMaxLength(40);
        b.Property(i => i.Number).HasMaxLength(60);
        b.Property(i => i.RecordedBy).HasMaxLength(256);
        b.Property(i => i.Source).HasMaxLength(260);
        b.Property(i => i.DeadlineFlag).HasMaxLength(20);
        b.Property(i => i.InterestRecordedBy).HasMaxLength(256);
        // Duplicates stopped by the database too: one invoice number per provider.
        b.HasIndex(i => new { i.ProviderId, i.Number }).IsUnique();
        b.HasIndex(i => i.DueOn);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(i => i.Lines).HasField("_lines");
        b.Ignore(i => i.Total);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.Property(l => l.PlacementReference).HasMaxLength(40);
        b.Property(l => l.ChildReference).HasMaxLength(40);
        b.Property(l => l.ChildInitials).HasMaxLength(4);
        b.Property(l => l.Description).HasMaxLength(200);
        b.Property(l => l.DuplicateOverrideReason).HasMaxLength(400);
        b.Property(l => l.QueryReason).HasMaxLength(400);
        b.Property(l => l.ApprovedBy).HasMaxLength(256);
        b.Property(l => l.ApprovalNote).HasMaxLength(400);
        b.Ignore(l => l.Variance);
        b.Ignore(l => l.Disputed);
        b.Ignore(l => l.IsCredit);
        b.Ignore(l => l.IsOpen);
        b.HasIndex(l => new { l.PlacementId, l.PeriodStart });
        b.HasIndex(l => l.Status);
    }
}

internal sealed class BaseRateConfiguration : IEntityTypeConfiguration<BaseRate>
{
    public void Configure(EntityTypeBuilder<BaseRate> b) => b.HasIndex(r => r.EffectiveFrom).IsUnique();
}

internal sealed class InvoicePaymentConfiguration : IEntityTypeConfiguration<InvoicePayment>
{
    public void Configure(EntityTypeBuilder<InvoicePayment> b)
    {
        b.HasOne<PaymentRun>().WithMany().HasForeignKey(p => p.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InvoiceLine>().WithMany().HasForeignKey(p => p.InvoiceLineId).OnDelete(DeleteBehavior.Restrict);
        // Exactly once: an invoice line is taken into one run only (a recomputed draft deletes its rows first).
        b.HasIndex(p => p.InvoiceLineId).IsUnique();
    }
}
