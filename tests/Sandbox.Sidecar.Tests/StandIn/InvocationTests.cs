using System.Net;
using System.Net.Http.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class InvocationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Greeting(string Text, string? Token);

    /// <summary>An app answering <c>GET /hello/{name}</c> with the <c>dapr-api-token</c> it was sent (APP_API_TOKEN).</summary>
    private static Task<SubscriberApp> GreeterAsync(string who) => SubscriberApp.StartAsync((web, _) =>
        web.MapGet("/hello/{name}", (string name, HttpRequest request) =>
            Results.Ok(new Greeting($"{who} greets {name}", request.Headers["dapr-api-token"].FirstOrDefault()))));

    [Fact]
    public async Task Invoke_AppOfTheSameSidecar_ThroughSdkClient()
    {
        await using var greeter = await GreeterAsync("workflow");
        await using var run = await Run.StartAsync([TestResources.StateStore], greeter);
        var http = run.Client.CreateInvokableHttpClient("subscriber0");
        var greeting = await http.GetFromJsonAsync<Greeting>("/hello/anna", Cancel);
        Assert.Equal("workflow greets anna", greeting!.Text);
    }

    [Fact]
    public async Task GrpcInvokeService_IsSentToTheHttpApp()
    {
        await using var greeter = await GreeterAsync("forms");
        await using var run = await Run.StartAsync([TestResources.StateStore], greeter);
        using var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{run.Publisher.GrpcPort}");
        var dapr = new global::Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel);
        var request = new global::Dapr.Client.Autogen.Grpc.v1.InvokeServiceRequest
        {
            Id = "subscriber0",
            Message = new global::Dapr.Client.Autogen.Grpc.v1.InvokeRequest
            {
                Method = "hello/mia",
                HttpExtension = new global::Dapr.Client.Autogen.Grpc.v1.HTTPExtension { Verb = global::Dapr.Client.Autogen.Grpc.v1.HTTPExtension.Types.Verb.Get },
            },
        };
        var headers = new global::Grpc.Core.Metadata { { "dapr-api-token", SidecarProcess.Token } };
        var response = await dapr.InvokeServiceAsync(request, headers, cancellationToken: Cancel);
        Assert.Contains("forms greets mia", response.Data.Value.ToStringUtf8());
    }

    [Fact]
    public async Task Invoke_WithDaprAppIdHeader_ReachesTheApp()
    {
        await using var greeter = await GreeterAsync("portal");
        await using var run = await Run.StartAsync([TestResources.StateStore], greeter);
        using var http = new HttpClient { BaseAddress = run.Publisher.HttpEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hello/liisa");
        request.Headers.Add("dapr-app-id", "subscriber0");
        request.Headers.Add("dapr-api-token", SidecarProcess.Token);
        using var response = await http.SendAsync(request, Cancel);
        Assert.Equal("portal greets liisa", (await response.Content.ReadFromJsonAsync<Greeting>(Cancel))!.Text);
    }

    [Fact]
    public async Task Invoke_AppOfAnotherSidecarProcess_SharingTheDataFolder()
    {
        await using var greeter = await GreeterAsync("notifications");
        using var resources = TestResources.Folder(TestResources.StateStore);
        using var data = new TempFolder();
        var caller = SidecarApp.Create("forms");
        var callee = SidecarApp.Create("notifications", greeter.Port);
        var env = new Dictionary<string, string?> { ["APP_API_TOKEN"] = "app-secret" };
        await using var first = await SidecarProcess.StartAsync(resources.Path, data.Path, [caller]);
        await using var second = await SidecarProcess.StartAsync(resources.Path, data.Path, [callee], env);
        using var client = caller.Client(SidecarProcess.Token);
        var greeting = await client.CreateInvokableHttpClient("notifications").GetFromJsonAsync<Greeting>("/hello/sven", Cancel);
        Assert.Equal("notifications greets sven", greeting!.Text);
        Assert.Equal("app-secret", greeting.Token);
    }

    [Fact]
    public async Task Invoke_HttpEndpointResource_ReachesTheExternalService()
    {
        await using var external = await GreeterAsync("ict-company");
        var endpoint = $"""
            apiVersion: dapr.io/v1alpha1
            kind: HTTPEndpoint
            metadata:
              name: plugin
            spec:
              baseUrl: http://127.0.0.1:{external.Port}
              headers:
                - name: dapr-api-token
                  value: plugin-key
            """;
        await using var run = await Run.StartAsync([TestResources.StateStore, endpoint]);
        var greeting = await run.Client.CreateInvokableHttpClient("plugin").GetFromJsonAsync<Greeting>("/hello/aino", Cancel);
        Assert.Equal("ict-company greets aino", greeting!.Text);
        Assert.Equal("plugin-key", greeting.Token);
    }

    [Fact]
    public async Task Invoke_UnknownApp_FailsNamingIt()
    {
        await using var run = await Run.StartAsync([TestResources.StateStore]);
        using var response = await run.Client.CreateInvokableHttpClient("nobody").GetAsync("/hello/x", Cancel);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("ERR_DIRECT_INVOKE", body);
        Assert.Contains("nobody", body);
    }
}
