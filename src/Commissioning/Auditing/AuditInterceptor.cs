using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using NodaTime.Text;

namespace Placements.Commissioning.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> in the same transaction as every insert, update or delete
/// of an <see cref="IAudited"/> entity, so a change and its audit row land together or not at all.
/// Both modules' contexts use it; each maps the one audit table.
/// </summary>
public sealed class AuditInterceptor(IClock clock, IAuditActor actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// An audit row for a change written outside the change tracker (a bulk update of thousands of rows): the same actor,
    /// time and wording as the rows this interceptor writes, so the trail reads the same whichever way a change was saved.
    /// </summary>
    public AuditEntry Changed(string entityType, string entityKey, IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after) =>
        new(clock.GetCurrentInstant(), actor.Name, "Changed", entityType, entityKey,
            Serialize(before.ToDictionary(kv => kv.Key, kv => kv.Value)), Serialize(after.ToDictionary(kv => kv.Key, kv => kv.Value)));

    /// <summary>The context's audit interceptor, if it has one (tests and tools may build contexts without).</summary>
    public static AuditInterceptor? Of(DbContext context) =>
        ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)context).Instance
            .GetService(typeof(Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions)) is Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions options
            ? options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>().SingleOrDefault()?.Interceptors?.OfType<AuditInterceptor>().FirstOrDefault()
            : null;

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetCurrentInstant();
        var entries = context.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => ToAuditEntry(e, now))
            .OfType<AuditEntry>()
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    private AuditEntry? ToAuditEntry(EntityEntry<IAudited> entry, Instant now)
    {
        var type = entry.Metadata.ClrType.Name;
        var key = entry.Entity.AuditKey;
        return entry.State switch
        {
            EntityState.Added => new AuditEntry(now, actor.Name, "Created", type, key, null, Snapshot(entry, p => p.CurrentValue)),
            EntityState.Deleted => new AuditEntry(now, actor.Name, "Deleted", type, key, Snapshot(entry, p => p.OriginalValue), null),
            _ => ChangedEntry(entry, now, type, key),
        };
    }

    private AuditEntry? ChangedEntry(EntityEntry<IAudited> entry, Instant now, string type, string key)
    {
        var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
        if (changed.Count == 0) return null;
        return new AuditEntry(now, actor.Name, "Changed", type, key,
            Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
            Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)));
    }

    private static string Snapshot(EntityEntry<IAudited> entry, Func<PropertyEntry, object?> value) =>
        Serialize(entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() || !p.IsTemporary)
            .ToDictionary(p => p.Metadata.Name, value));

    // Values are written as invariant text (dates ISO 8601, money as £1,234.56) so the trail reads the same on every database.
    private static string Serialize(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(values.ToDictionary(kv => kv.Key, kv => AsText(kv.Value)));

    internal static string? AsText(object? value) => value switch
    {
        null => null,
        LocalDate date => LocalDatePattern.Iso.Format(date),
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
