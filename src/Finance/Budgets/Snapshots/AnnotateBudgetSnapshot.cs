using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance.Persistence;

namespace Placements.Finance.Budgets.Snapshots;

/// <summary>A budget holder annotates a line of a month's snapshot (why it moved, what is being done); the note stays with it.</summary>
public sealed class AnnotateBudgetSnapshot(FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException"><c>SnapshotNotFound</c>, <c>NoteNeedsText</c>, <c>NoteMustBeOnALineOfTheSnapshot</c>.</exception>
    public async Task<BudgetSnapshotNote> RunAsync(YearMonth month, string s251Line, string text, string by, CancellationToken cancellationToken = default)
    {
        var snapshot = await finance.BudgetSnapshots.Include(s => s.Lines).Include(s => s.Notes).SingleOrDefaultAsync(s => s.Month == month, cancellationToken)
            ?? throw new DomainRuleException("SnapshotNotFound", $"There is no budget snapshot for {month:MMMM yyyy}.");
        var note = snapshot.Annotate(s251Line, text, by, clock.GetCurrentInstant());
        await finance.SaveChangesAsync(cancellationToken);
        return note;
    }
}
