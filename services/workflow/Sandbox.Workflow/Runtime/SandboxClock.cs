namespace Sandbox.Workflow.Runtime;

/// <summary>
/// The service's clock: the system clock plus an offset a pilot moves forward, so "14 days later" takes seconds.
/// Timers, job locks and back-offs all read it, so a read is one field read: the offset is stored service-wide in
/// the database (<see cref="SandboxClockStore"/>), and this replica's copy is set when it moves the clock and
/// refreshed from the database every <c>ClockRefreshInterval</c> (<see cref="SandboxClockRefresher"/>).
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Takes the offset stored for the service.</summary>
    public void Set(TimeSpan offset) => Interlocked.Exchange(ref offsetTicks, offset.Ticks);
}
