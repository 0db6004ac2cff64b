using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Placements.Finance.Persistence;

/// <summary>Recognises a unique-constraint violation on any of the three databases without referencing their drivers.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) =>
        exception?.InnerException is DbException db
        && (db.SqlState == "23505"                                    // PostgreSQL unique_violation
            || db.ErrorCode == 19                                      // SQLite SQLITE_CONSTRAINT
            || db.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)); // SQL Server 2601 / 2627
}
