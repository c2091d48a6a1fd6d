namespace Sandbox.Workflow.Runtime;

/// <summary>
/// The service's clock: the system clock plus an offset a pilot moves forward, so "14 days later" takes seconds.
/// Timers, job locks and back-offs all read it. The offset lives in this process only (not shared between
/// replicas, not kept over a restart) and never goes backwards except by a reset.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
