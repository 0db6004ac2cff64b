using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Placements.Commissioning.Auditing;
using Placements.Commissioning.Persistence;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;

namespace Placements.Finance.Persistence;

/// <summary>Every amount: rates, bands, funding, budgets (and later payments, invoices, pooled funding).</summary>
public sealed class FinanceDb(DbContextOptions<FinanceDb> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__FinanceMigrations";

    public DbSet<TopUpBand> TopUpBands => Set<TopUpBand>();
    public DbSet<PlaceRate> PlaceRates => Set<PlaceRate>();
    public DbSet<PlacementFunding> PlacementFunding => Set<PlacementFunding>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ProviderFundingTerms> ProviderFundingTerms => Set<ProviderFundingTerms>();
    public DbSet<Payments.PaymentRun> PaymentRuns => Set<Payments.PaymentRun>();
    public DbSet<Payments.PaymentRunEvent> PaymentRunEvents => Set<Payments.PaymentRunEvent>();
    public DbSet<Payments.PaymentLine> PaymentLines => Set<Payments.PaymentLine>();
    public DbSet<Payments.PaymentRunProblem> PaymentRunProblems => Set<Payments.PaymentRunProblem>();
    public DbSet<Payments.PaymentHold> PaymentHolds => Set<Payments.PaymentHold>();
    public DbSet<Agreements.PlacementAgreement> PlacementAgreements => Set<Agreements.PlacementAgreement>();
    public DbSet<Agreements.AgreementFee> AgreementFees => Set<Agreements.AgreementFee>();
    public DbSet<Agreements.AgreementExtra> AgreementExtras => Set<Agreements.AgreementExtra>();
    public DbSet<Invoices.Invoice> Invoices => Set<Invoices.Invoice>();
    public DbSet<Invoices.InvoiceLine> InvoiceLines => Set<Invoices.InvoiceLine>();
    public DbSet<Invoices.InvoicePayment> InvoicePayments => Set<Invoices.InvoicePayment>();
    public DbSet<Invoices.BaseRate> BaseRates => Set<Invoices.BaseRate>();
    public DbSet<BudgetRevision> BudgetRevisions => Set<BudgetRevision>();
    public DbSet<DsgYear> DsgYears => Set<DsgYear>();
    public DbSet<Budgets.Snapshots.BudgetSnapshot> BudgetSnapshots => Set<Budgets.Snapshots.BudgetSnapshot>();
    public DbSet<Budgets.Snapshots.BudgetSnapshotLine> BudgetSnapshotLines => Set<Budgets.Snapshots.BudgetSnapshotLine>();
    public DbSet<Budgets.Snapshots.BudgetSnapshotProvisionType> BudgetSnapshotProvisionTypes => Set<Budgets.Snapshots.BudgetSnapshotProvisionType>();
    public DbSet<Budgets.Snapshots.BudgetSnapshotPlacement> BudgetSnapshotPlacements => Set<Budgets.Snapshots.BudgetSnapshotPlacement>();
    public DbSet<Budgets.Snapshots.BudgetSnapshotNote> BudgetSnapshotNotes => Set<Budgets.Snapshots.BudgetSnapshotNote>();
    public DbSet<PooledFunding.Referral> Referrals => Set<PooledFunding.Referral>();
    public DbSet<PooledFunding.PanelMeeting> PanelMeetings => Set<PooledFunding.PanelMeeting>();
    public DbSet<PooledFunding.PanelDecision> PanelDecisions => Set<PooledFunding.PanelDecision>();
    public DbSet<PooledFunding.RechargeStatement> RechargeStatements => Set<PooledFunding.RechargeStatement>();
    public DbSet<PooledFunding.RechargeLine> RechargeLines => Set<PooledFunding.RechargeLine>();
    public DbSet<PooledFunding.RechargedMonth> RechargedMonths => Set<PooledFunding.RechargedMonth>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Budgets.Snapshots.SnapshotImmutability.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Budgets.Snapshots.SnapshotImmutability.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        PersistenceConventions.ApplyCommon(builder);
        builder.Properties<Money>().HaveConversion<MoneyConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinanceDb).Assembly);
        // The audit table belongs to CommissioningDb's migrations; Finance only writes to it.
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration { OwnsTable = false });
    }

    /// <summary>Money is stored as integer pence: exact on every database.</summary>
    public sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Pence, p => new Money(p));
}
