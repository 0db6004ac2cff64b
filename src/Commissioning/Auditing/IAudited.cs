namespace Placements.Commissioning.Auditing;

/// <summary>
/// An entity whose every change is written to the audit trail. <see cref="AuditKey"/> is the
/// business reference a person would search for (a placement reference, a band name and year),
/// known before the database assigns an identity.
/// </summary>
public interface IAudited
{
    string AuditKey { get; }
}
