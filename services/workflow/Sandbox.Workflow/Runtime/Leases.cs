namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Background work (due timers, outbox events, push jobs) is claimed before it is done, so that replicas on one
/// database do not do it twice: a conditional UPDATE sets <c>LeaseOwner</c> and <c>LeaseUntil</c> only on rows
/// nobody holds (PostgreSQL re-checks the condition after waiting for a concurrent claim's row lock; SQLite
/// writes one at a time), then the claimer reads back the rows that carry its own lease token. A replica that
/// dies leaves its lease to expire, and another replica takes the work over. Leases run on the real clock,
/// not the sandbox clock, which is per replica.
/// </summary>
public static class Leases
{
    /// <summary>This process's name in lease and worker columns.</summary>
    public static readonly string Replica = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    /// <summary>A fresh token for one claim.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("n");

    /// <summary>The real time, for leases.</summary>
    public static DateTime Now => DateTime.UtcNow;
}
