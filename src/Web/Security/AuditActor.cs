using Placements.Commissioning.Auditing;

namespace Placements.Web.Security;

/// <summary>
/// Who the audit trail names: the signed-in user on a page, or the name a CLI verb or job
/// sets with <see cref="ActingAs"/> for work done outside a request.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http) : IAuditActor
{
    private string? _actingAs;

    public string Name => _actingAs ?? http.HttpContext?.User.Identity?.Name ?? "system";

    public void ActingAs(string name) => _actingAs = name;
}
