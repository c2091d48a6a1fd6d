using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sandbox.Sidecar.Http;
using Sandbox.Sidecar.Invocation;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace Sandbox.Sidecar.Grpc;

public sealed partial class DaprGrpcService
{
    public async Task<Empty> PublishEvent(DaprProto.PublishEventRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        await components.PubSub(app, request.PubsubName).PublishAsync(app, request.Topic, request.Data.ToByteArray(), request.DataContentType, Traceparent(call));
        return new Empty();
    }

    public async Task<DaprProto.BulkPublishResponse> BulkPublishEvent(DaprProto.BulkPublishRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        var broker = components.PubSub(app, request.PubsubName);
        var response = new DaprProto.BulkPublishResponse();
        foreach (var entry in request.Entries)
        {
            try
            {
                await broker.PublishAsync(app, request.Topic, entry.Event.ToByteArray(), entry.ContentType, Traceparent(call));
            }
            catch (DaprException error)
            {
                response.FailedEntries.Add(new DaprProto.BulkPublishResponseFailedEntry { EntryId = entry.EntryId, Error = error.Message });
            }
        }
        return response;
    }

    public async Task<DaprProto.InvokeBindingResponse> InvokeBinding(DaprProto.InvokeBindingRequest request, ServerCallContext call)
    {
        var binding = components.Binding(App(call).Id, request.Name);
        var result = await binding.InvokeAsync(request.Operation, request.Data.ToByteArray(), request.Metadata, call.CancellationToken);
        var response = new DaprProto.InvokeBindingResponse { Data = ByteString.CopyFrom(result.Data) };
        response.Metadata.Add(new Dictionary<string, string>(result.Metadata));
        return response;
    }

    public Task<DaprProto.GetSecretResponse> GetSecret(DaprProto.GetSecretRequest request, ServerCallContext call)
    {
        var secret = components.SecretStore(App(call).Id, request.StoreName).Get(request.Key)
            ?? throw new DaprException("ERR_SECRET_GET", $"failed getting secret with key {request.Key} from secret store {request.StoreName}: secret not found", 500, StatusCode.NotFound);
        var response = new DaprProto.GetSecretResponse();
        response.Data.Add(new Dictionary<string, string>(secret));
        return Task.FromResult(response);
    }

    public Task<DaprProto.GetBulkSecretResponse> GetBulkSecret(DaprProto.GetBulkSecretRequest request, ServerCallContext call)
    {
        var response = new DaprProto.GetBulkSecretResponse();
        foreach (var (key, values) in components.SecretStore(App(call).Id, request.StoreName).GetAll())
        {
            var secret = new DaprProto.SecretResponse();
            secret.Secrets.Add(new Dictionary<string, string>(values));
            response.Data.Add(key, secret);
        }
        return Task.FromResult(response);
    }

    public Task<DaprProto.GetMetadataResponse> GetMetadata(DaprProto.GetMetadataRequest request, ServerCallContext call)
    {
        var app = App(call);
        var response = new DaprProto.GetMetadataResponse
        {
            Id = app.Id,
            RuntimeVersion = SidecarMetadata.RuntimeVersion,
            AppConnectionProperties = new DaprProto.AppConnectionProperties { Port = app.Endpoint.AppPort, Protocol = "http" },
        };
        foreach (var component in components.VisibleTo(app.Id))
        {
            var registered = new DaprProto.RegisteredComponents { Name = component.Name, Type = component.Type, Version = component.Version };
            registered.Capabilities.Add(SidecarMetadata.Capabilities(component.Type));
            response.RegisteredComponents.Add(registered);
        }
        foreach (var subscription in app.KnownSubscriptions)
        {
            var rules = new DaprProto.PubsubSubscriptionRules();
            rules.Rules.Add(subscription.Rules.Select(r => new DaprProto.PubsubSubscriptionRule { Match = r.Match, Path = r.Path }));
            rules.Rules.Add(new DaprProto.PubsubSubscriptionRule { Path = subscription.DefaultPath });
            response.Subscriptions.Add(new DaprProto.PubsubSubscription
            {
                PubsubName = subscription.PubsubName, Topic = subscription.Topic, Rules = rules, DeadLetterTopic = subscription.DeadLetterTopic ?? "",
                Type = subscription.Declarative ? DaprProto.PubsubSubscriptionType.Declarative : DaprProto.PubsubSubscriptionType.Programmatic,
            });
        }
        return Task.FromResult(response);
    }

    public Task<Empty> Shutdown(DaprProto.ShutdownRequest request, ServerCallContext call)
    {
        call.GetHttpContext().RequestServices.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        return Task.FromResult(new Empty());
    }

    /// <summary>The gRPC form of invocation, sent to the target as an HTTP request (apps here speak HTTP).</summary>
    public async Task<DaprProto.InvokeResponse> InvokeService(DaprProto.InvokeServiceRequest request, ServerCallContext call)
    {
        var services = call.GetHttpContext().RequestServices;
        var message = request.Message ?? throw DaprErrors.BadRequest("ERR_MALFORMED_REQUEST", "invoke request has no message");
        var query = string.IsNullOrEmpty(message.HttpExtension?.Querystring) ? "" : "?" + message.HttpExtension.Querystring;
        var target = services.GetRequiredService<Invoker>().Resolve(App(call).Id, request.Id, message.Method, query);
        var verb = message.HttpExtension is { Verb: not DaprProto.HTTPExtension.Types.Verb.None } ext ? ext.Verb.ToString().ToUpperInvariant() : "POST";
        using var http = new HttpRequestMessage(new HttpMethod(verb), target.Uri);
        if (message.Data is { } data && verb != "GET")
        {
            http.Content = new ByteArrayContent(data.Value.ToByteArray());
            if (MediaTypeHeaderValue.TryParse(message.ContentType, out var type)) http.Content.Headers.ContentType = type;
        }
        foreach (var (name, value) in target.Headers) http.Headers.TryAddWithoutValidation(name, value);
        using var response = target.LocalApp is { } local
            ? await local.SendAsync(http, call.CancellationToken)
            : await services.GetRequiredService<IHttpClientFactory>().CreateClient("invoke").SendAsync(http, call.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(call.CancellationToken);
        if (!response.IsSuccessStatusCode) throw DaprErrors.Invoke(request.Id, $"the app answered status {(int)response.StatusCode}");
        return new DaprProto.InvokeResponse
        {
            Data = new Any { Value = ByteString.CopyFrom(body) },
            ContentType = response.Content.Headers.ContentType?.ToString() ?? "",
        };
    }

    private static string? Traceparent(ServerCallContext call) => call.RequestHeaders.GetValue("traceparent");
}
