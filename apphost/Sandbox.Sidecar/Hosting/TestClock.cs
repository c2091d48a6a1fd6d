namespace Sandbox.Sidecar.Hosting;

/// <summary>
/// The system clock plus an offset that tests move forward, so TTL expiry is tested without waiting. It is only
/// installed, with its endpoint, when <c>SANDBOX_SIDECAR_TEST_CLOCK=1</c> is set.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public const string Flag = "SANDBOX_SIDECAR_TEST_CLOCK";
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public static bool Enabled => Environment.GetEnvironmentVariable(Flag) == "1";

    public static void MapTestClock(IEndpointRouteBuilder routes, TestClock clock) =>
        routes.MapPost("/sandbox-test/clock/advance", (int seconds) =>
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            return Results.NoContent();
        });
}
