using NodaTime;

namespace Placements.Commissioning.Auditing;

/// <summary>
/// One append-only row of the audit trail: who changed what, when, from what to what.
/// Rows are only ever inserted; nothing in the product updates or deletes them.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Instant at, string actor, string action, string entityType, string entityKey, string? before, string? after)
    {
        At = at;
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public Instant At { get; private set; }
    /// <summary>The signed-in user, or <c>cli:…</c> / <c>job:…</c> for work not done through a page.</summary>
    public string Actor { get; private set; } = "";
    /// <summary><c>Created</c>, <c>Changed</c> or <c>Deleted</c>.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    /// <summary>JSON of the changed properties before the change; null when created.</summary>
    public string? Before { get; private set; }
    /// <summary>JSON of the changed properties after the change; null when deleted.</summary>
    public string? After { get; private set; }
}

/// <summary>Who is making the current change: supplied by the host (page user, CLI, job).</summary>
public interface IAuditActor
{
    string Name { get; }
}
