using Microsoft.Data.Sqlite;
using NpgsqlTypes;
using Placements.Finance.Budgets.Forecasting;
using Placements.Finance.Budgets.Snapshots;
using Placements.Finance.Persistence;

namespace Placements.Web.Database;

/// <summary>A snapshot's placement rows through each database's own bulk path (<see cref="BulkRows"/>); through EF on SQL Server.</summary>
public sealed class BulkSnapshotPlacementWriter : ISnapshotPlacementWriter
{
    private static readonly BulkColumn[] Columns =
    [
        new("BudgetSnapshotId", NpgsqlDbType.Integer, SqliteType.Integer), new("PlacementId", NpgsqlDbType.Integer, SqliteType.Integer),
        new("PlacementReference", NpgsqlDbType.Varchar, SqliteType.Text), new("ProviderReference", NpgsqlDbType.Varchar, SqliteType.Text),
        new("ChildReference", NpgsqlDbType.Varchar, SqliteType.Text), new("ChildInitials", NpgsqlDbType.Varchar, SqliteType.Text),
        new("ProvisionType", NpgsqlDbType.Varchar, SqliteType.Text), new("S251Line", NpgsqlDbType.Varchar, SqliteType.Text),
        new("Stage", NpgsqlDbType.Varchar, SqliteType.Text), new("End", NpgsqlDbType.Date, SqliteType.Text),
        new("AnnualRate", NpgsqlDbType.Bigint, SqliteType.Integer), new("Actual", NpgsqlDbType.Bigint, SqliteType.Integer),
        new("Commitment", NpgsqlDbType.Bigint, SqliteType.Integer), new("Pipeline", NpgsqlDbType.Bigint, SqliteType.Integer),
        new("InvoicedAboveExpected", NpgsqlDbType.Bigint, SqliteType.Integer),
    ];

    public async Task WriteAsync(FinanceDb finance, int snapshotId, IReadOnlyList<PlacementForecast> placements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finance);
        ArgumentNullException.ThrowIfNull(placements);
        // As EF stores them (BudgetSnapshotPlacement): enums by name, money in pence, the end as DateOnly.
        var written = await BulkRows.TryWriteAsync(finance, "BudgetSnapshotPlacements", Columns, placements, p =>
        [
            snapshotId, p.Placement.PlacementId, p.Placement.Reference, p.Placement.ProviderReference, p.Placement.ChildReference,
            p.Placement.ChildInitials, p.Placement.ProvisionType.ToString(), p.Placement.S251Line, p.Placement.Stage.ToString(),
            p.Placement.End?.ToDateOnly(), p.AnnualRate.Pence, p.Actual.Pence, p.Commitment.Pence, p.Pipeline.Pence,
            p.Placement.InvoicedAboveExpected.Pence,
        ], cancellationToken);
        if (!written) await new EntitySnapshotPlacementWriter().WriteAsync(finance, snapshotId, placements, cancellationToken);
    }
}
