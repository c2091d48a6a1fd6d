using Microsoft.AspNetCore.Http;
using Sandbox.Sidecar.Tests.Conformance;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class DurabilityTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Answers only when the gate opens, so a delivery stays in flight while the test kills the sidecar.</summary>
    private sealed class HeldResult(Task gate) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            await gate;
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    [Fact]
    public async Task Message_InFlightWhenSidecarIsKilled_IsRedeliveredAfterRestart()
    {
        var gate = new TaskCompletionSource();
        await using var app = await PubSubCases.OrdersAppAsync();
        app.Answer = _ => new HeldResult(gate.Task);
        await using var run = await Run.StartAsync([TestResources.PubSub], app);
        try
        {
            var order = new PubSubCases.Order(Guid.NewGuid().ToString("N"), 1);
            await run.Client.PublishEventAsync(PubSubCases.PubSub, "orders", order, Cancel);
            var inFlight = await app.NextAsync(e => e.Event["data"]?["id"]?.ToString() == order.Id);

            await run.Sidecar.KillAsync();
            app.Answer = _ => Results.Ok();
            await run.RestartAsync();

            var redelivered = await app.NextAsync(e => e.Event["data"]?["id"]?.ToString() == order.Id);
            Assert.Equal(inFlight.Id, redelivered.Id);
        }
        finally
        {
            gate.SetResult();
        }
    }

    [Fact]
    public async Task Message_PublishedWhileSubscriberIsDown_IsDeliveredWhenItStarts()
    {
        var port = Ports.Free();
        await using var run = await Run.StartWithPortsAsync([TestResources.PubSub], new SubscriberAppPort(port));
        var order = new PubSubCases.Order(Guid.NewGuid().ToString("N"), 2);
        await run.Client.PublishEventAsync(PubSubCases.PubSub, "orders", order, Cancel);

        await using var app = await PubSubCases.OrdersAppAsync(port);
        var received = await app.NextAsync(e => e.Event["data"]?["id"]?.ToString() == order.Id);
        Assert.Equal("/orders", received.Route);
    }
}
