using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>The Dapr targets against a sidecar stand-in: the invocation URL, the forwarded token and the app token, the answers.</summary>
public sealed class DaprPackageTargetsTests : IAsyncLifetime
{
    private const string ApiToken = "sidecar-api-token";
    private const string UserToken = "Bearer user-token";

    private sealed record Call(string Method, string Path, string? Authorization, string? ApiToken, JsonObject Body);

    private readonly ConcurrentQueue<Call> calls = new();
    private int status = StatusCodes.Status201Created;
    private WebApplication? sidecar;
    private DaprClient? dapr;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        sidecar = builder.Build();
        sidecar.Map("/v1.0/invoke/{app}/method/{**method}", async (HttpContext context, string app, string method) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            calls.Enqueue(new Call(context.Request.Method, $"{app}/{method}", context.Request.Headers.Authorization,
                context.Request.Headers["dapr-api-token"], body!.AsObject()));
            return Results.Json(new { detail = "answer" }, statusCode: status);
        });
        await sidecar.StartAsync(Ct);
        var address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        dapr = new DaprClientBuilder().UseHttpEndpoint(address).UseDaprApiToken(ApiToken).Build();
    }

    public async ValueTask DisposeAsync()
    {
        dapr?.Dispose();
        if (sidecar is not null) await sidecar.DisposeAsync();
    }

    private DaprPackageTargets Targets() => new(dapr!, NullLogger<DaprPackageTargets>.Instance);

    private static FormPart Form() => new("forms/review.form", "school-transport-review",
        new JsonObject { ["schema"] = new JsonObject { ["id"] = "school-transport-review" }, ["translations"] = new JsonObject() });

    private static TemplatePart Template() => new("templates/received-email.yaml", "received-email",
        new JsonObject { ["channel"] = "email", ["eservice"] = "school-transport", ["variants"] = new JsonObject() });

    [Fact]
    public async Task Form_IsPostedToTheFormsApp_WithTheCallersTokenAndTheSidecarToken()
    {
        var result = await Targets().PublishFormAsync(Form(), UserToken, Ct);

        Assert.True(result.Succeeded);
        var call = Assert.Single(calls);
        Assert.Equal(("POST", "forms/api/forms/definitions", UserToken, ApiToken), (call.Method, call.Path, call.Authorization, call.ApiToken));
        Assert.Equal("school-transport-review", call.Body["schema"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Template_IsPutToTheNotificationsApp_UnderItsId()
    {
        var result = await Targets().PutTemplateAsync(Template(), UserToken, Ct);

        Assert.True(result.Succeeded);
        var call = Assert.Single(calls);
        Assert.Equal(("PUT", "notifications/api/notifications/templates/received-email"), (call.Method, call.Path));
        Assert.Equal("school-transport", call.Body["eservice"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest, true)]
    [InlineData(StatusCodes.Status422UnprocessableEntity, true)]
    [InlineData(StatusCodes.Status401Unauthorized, false)]
    [InlineData(StatusCodes.Status500InternalServerError, false)]
    public async Task Refusal_IsTheFilesFault_OnlyForA4xxAboutTheContent(int answer, bool rejected)
    {
        status = answer;

        var result = await Targets().PutTemplateAsync(Template(), UserToken, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(rejected, result.Rejected);
        Assert.Contains($"answered {answer}", result.Detail);
    }

    [Fact]
    public async Task UnreachableSidecar_IsAFailureThatIsNotTheFilesFault()
    {
        using var nowhere = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{Sandbox.Testing.Ports.Free()}").Build();

        var result = await new DaprPackageTargets(nowhere, NullLogger<DaprPackageTargets>.Instance).PublishFormAsync(Form(), UserToken, Ct);

        Assert.False(result.Succeeded);
        Assert.False(result.Rejected);
    }
}
