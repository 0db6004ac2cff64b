using Microsoft.AspNetCore.Identity;

namespace Placements.Accounts;

/// <summary>A member of council staff who signs in to the product.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown in the header and written to the audit trail.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The largest payment run a finance approver may approve alone, in pence; set by an Administrator. Null: none set,
    /// so they cannot approve a run. Above it a second approver whose limit covers the run must also approve.
    /// </summary>
    public long? ApprovalLimitPence { get; set; }
}
