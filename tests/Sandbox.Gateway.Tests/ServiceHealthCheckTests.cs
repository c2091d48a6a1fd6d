using Sandbox.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Sandbox.Gateway.Tests;

/// <summary>Runs the check against a real local HTTP server that answers as told.</summary>
public sealed class ServiceHealthCheckTests : IAsyncLifetime
{
    private readonly WebApplication _service = CreateService();
    private static readonly GatewayOptions Options = new() { HealthTimeout = TimeSpan.FromMilliseconds(500) };

    [Theory]
    [InlineData(200, HealthStatus.Healthy)]
    [InlineData(503, HealthStatus.Unhealthy)]
    [InlineData(500, HealthStatus.Unhealthy)]
    public async Task Check_ReportsWhatTheServiceAnswers(int answer, HealthStatus expected)
    {
        var result = await Check(new Uri($"{_service.Urls.First()}/status/{answer}/"));

        Assert.Equal(expected, result.Status);
        Assert.Contains(answer.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Description);
    }

    [Fact]
    public async Task Check_ServiceTooSlow_IsUnhealthyAfterTimeout()
    {
        var result = await Check(new Uri($"{_service.Urls.First()}/slow/"));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer", result.Description);
    }

    [Fact]
    public async Task Check_NothingListening_IsUnhealthy()
    {
        var result = await Check(new Uri($"http://127.0.0.1:{Ports.Free()}"));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("could not be reached", result.Description);
    }

    private static async Task<HealthCheckResult> Check(Uri address)
    {
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var check = new ServiceHealthCheck(services.GetRequiredService<IHttpClientFactory>(),
            Microsoft.Extensions.Options.Options.Create(Options), "forms", address);
        return await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
    }

    private static WebApplication CreateService()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        // The check asks for "/health" relative to the address, so each address is its own behaviour.
        app.MapGet("/status/{code:int}/health", (int code) => Results.StatusCode(code));
        app.MapGet("/slow/health", async (CancellationToken ct) => { await Task.Delay(Timeout.Infinite, ct); });
        return app;
    }


    public async ValueTask InitializeAsync() => await _service.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _service.DisposeAsync();
}
