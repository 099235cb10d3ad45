using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Security;

/// <summary>
/// Adds audit events to the current unit of work, so an event is saved with the change it records or not at all.
/// Callers pass codes and names, never patient values.
/// </summary>
public sealed class AuditLog(PcnDbContext db, TenantScope scope, TimeProvider clock)
{
    public void Record(string action, string subject, string? detail = null, int? pcnId = null)
    {
        var pcn = pcnId ?? scope.PcnId
            ?? throw new InvalidOperationException("An audit event needs a network: pass pcnId for install-wide work.");
        db.AuditEvents.Add(new AuditEvent(pcn, clock.GetUtcNow(), scope.ActorId, action, subject, detail));
    }
}
