using Microsoft.AspNetCore.Identity;

namespace Placements.Accounts;

/// <summary>A member of council staff who signs in to the product.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown in the header and written to the audit trail.</summary>
    public string DisplayName { get; set; } = "";
}
