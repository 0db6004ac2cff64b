using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Placements.Commissioning;

namespace Placements.Finance.Budgets.Snapshots;

/// <summary>
/// A snapshot is the record of what the council was told that month: once saved, nothing in it (its lines, provision
/// types, placements or notes) may be changed or deleted. Checked on every save of <see cref="Persistence.FinanceDb"/>.
/// </summary>
internal static class SnapshotImmutability
{
    private static readonly HashSet<Type> Kept =
        [typeof(BudgetSnapshot), typeof(BudgetSnapshotLine), typeof(BudgetSnapshotProvisionType), typeof(BudgetSnapshotPlacement), typeof(BudgetSnapshotNote)];

    /// <exception cref="DomainRuleException"><c>BudgetSnapshotsAreImmutable</c>.</exception>
    public static void Check(ChangeTracker tracker)
    {
        if (!tracker.AutoDetectChangesEnabled) return; // bulk inserts of a new snapshot's placements: nothing else is tracked
        var changed = tracker.Entries().FirstOrDefault(e => Kept.Contains(e.Metadata.ClrType)
            && (e.State == EntityState.Deleted || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified))));
        if (changed is not null)
            throw new DomainRuleException("BudgetSnapshotsAreImmutable",
                $"A budget snapshot is kept as it was taken: its {changed.Metadata.ClrType.Name} cannot be changed or deleted. Add a note instead.");
    }
}
