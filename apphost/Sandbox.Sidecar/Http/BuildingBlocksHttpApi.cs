using System.Text;
using System.Text.Json;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Http;

/// <summary>Publish, output bindings and secrets over HTTP.</summary>
public static class BuildingBlocksHttpApi
{
    public static void MapBuildingBlocksApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1.0/publish/{pubsub}/{**topic}", Publish);
        routes.MapPost("/v1.0/bindings/{name}", InvokeBinding);
        routes.MapPut("/v1.0/bindings/{name}", InvokeBinding);
        routes.MapGet("/v1.0/secrets/{store}/bulk", BulkSecret);
        routes.MapGet("/v1.0/secrets/{store}/{key}", Secret);
    }

    private static async Task<IResult> Publish(HttpContext context, ComponentHost host, string pubsub, string topic)
    {
        var broker = host.PubSub(context.App().Id, pubsub);
        var data = await context.Request.ReadBytesAsync();
        await broker.PublishAsync(context.App().Id, topic, data, context.Request.ContentType, context.Request.Headers["traceparent"].FirstOrDefault());
        return Results.NoContent();
    }

    private static async Task<IResult> InvokeBinding(HttpContext context, ComponentHost host, string name)
    {
        var binding = host.Binding(context.App().Id, name);
        using var body = await context.Request.ReadJsonAsync();
        var request = body.RootElement;
        var operation = request.String("operation") ?? throw DaprErrors.Malformed("a binding request needs an operation");
        var data = request.TryGetProperty("data", out var d)
            ? d.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(d.GetString()!) : Encoding.UTF8.GetBytes(d.GetRawText())
            : [];
        var result = await binding.InvokeAsync(operation, data, request.StringMap("metadata"), context.RequestAborted);
        foreach (var (key, value) in result.Metadata) context.Response.Headers[$"Metadata.{key}"] = value;
        return result.Data.Length == 0 ? Results.NoContent() : Results.Bytes(result.Data);
    }

    private static IResult Secret(HttpContext context, ComponentHost host, string store, string key) =>
        host.SecretStore(context.App().Id, store).Get(key) is { } secret
            ? Results.Json(secret)
            : throw new DaprException("ERR_SECRET_GET", $"failed getting secret with key {key} from secret store {store}: secret not found", 500, global::Grpc.Core.StatusCode.Internal);

    private static IResult BulkSecret(HttpContext context, ComponentHost host, string store) =>
        Results.Json(host.SecretStore(context.App().Id, store).GetAll());
}
