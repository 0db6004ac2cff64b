using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Placements.Finance.Persistence;

/// <summary>Recognises a unique-constraint violation on any of the three databases without referencing their drivers.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) =>
        exception?.InnerException is DbException db
        && (db.SqlState == "23505"                                    // PostgreSQL unique_violation
            // SQLite SQLITE_CONSTRAINT_UNIQUE: SqliteException keeps its code in SqliteErrorCode, not DbException.ErrorCode
            // (which is an HRESULT), so the stable message of sqlite3 is what can be read without the driver.
            || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
            || db.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)); // SQL Server 2601 / 2627
}
