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
    public static async Task<IDbContextTransaction> BeginAsync(CommissioningDb commissioning, FinanceDb finance, CancellationToken cancellationToken = default)
    {
        var transaction = await commissioning.Database.BeginTransactionAsync(cancellationToken);
        finance.Database.SetDbConnection(commissioning.Database.GetDbConnection());
        await finance.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        return transaction;
    }
}
