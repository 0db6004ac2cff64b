using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Placements.Commissioning.Persistence;

namespace Placements.Finance.Persistence;

/// <summary>
/// For the rare use case that writes in both modules: one connection and one transaction shared by
/// both contexts, so the work lands whole or not at all.
/// </summary>
public static class SharedTransaction
{
    /// <summary>
    /// Begins the shared transaction. Committing, rolling back or disposing it also lets the finance context go of it, so
    /// the same pair of contexts (one request or scope) can run a second such use case, or one of their own, afterwards.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(CommissioningDb commissioning, FinanceDb finance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commissioning);
        ArgumentNullException.ThrowIfNull(finance);
        var transaction = await commissioning.Database.BeginTransactionAsync(cancellationToken);
        finance.Database.SetDbConnection(commissioning.Database.GetDbConnection());
        await finance.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        return new Shared(transaction, finance);
    }

    /// <summary>The commissioning context's transaction, which also releases the finance context when it ends.</summary>
    private sealed class Shared(IDbContextTransaction inner, FinanceDb finance) : IDbContextTransaction
    {
        public Guid TransactionId => inner.TransactionId;

        public void Commit()
        {
            inner.Commit();
            Release();
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await inner.CommitAsync(cancellationToken);
            Release();
        }

        public void Rollback()
        {
            inner.Rollback();
            Release();
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            await inner.RollbackAsync(cancellationToken);
            Release();
        }

        public void Dispose()
        {
            inner.Dispose();
            Release();
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            Release();
        }

        private void Release()
        {
            if (finance.Database.CurrentTransaction is not null) finance.Database.UseTransaction(null);
        }
    }
}
