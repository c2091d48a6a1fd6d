using System.Text;
using System.Text.Json;
using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.State;

namespace Sandbox.Sidecar.Http;

/// <summary>The state API over HTTP: <c>/v1.0/state/{store}</c>.</summary>
public static class StateHttpApi
{
    public static void MapStateApi(this IEndpointRouteBuilder routes)
    {
        var state = routes.MapGroup("/v1.0/state/{store}");
        state.MapGet("/{key}", Get);
        state.MapPost("/", Save);
        state.MapDelete("/{key}", Delete);
        state.MapPost("/bulk", BulkGet);
        state.MapPost("/transaction", Transaction);
    }

    public static Concurrency ParseConcurrency(string? text) => text switch
    {
        "first-write" => Concurrency.FirstWrite,
        "last-write" => Concurrency.LastWrite,
        null or "" => Concurrency.Unspecified,
        _ => throw DaprErrors.BadRequest("ERR_MALFORMED_REQUEST", $"unknown concurrency '{text}'"),
    };

    private static IResult Get(HttpContext context, ComponentHost host, string store, string key)
    {
        var entry = host.StateStore(context.App().Id, store).Get(context.App().Id, key);
        if (entry is null) return Results.NoContent();
        context.Response.Headers.ETag = entry.Etag;
        foreach (var (name, value) in entry.Metadata) context.Response.Headers[$"metadata.{name}"] = value;
        return Results.Bytes(entry.Value, "application/json");
    }

    private static async Task<IResult> Save(HttpContext context, ComponentHost host, string store)
    {
        var stateStore = host.StateStore(context.App().Id, store);
        using var body = await context.Request.ReadJsonAsync();
        if (body.RootElement.ValueKind != JsonValueKind.Array) throw DaprErrors.Malformed("expected an array of state items");
        var operations = body.RootElement.EnumerateArray().Select(Upsert).ToList();
        await stateStore.ApplyAsync(context.App().Id, operations);
        return Results.NoContent();
    }

    private static async Task<IResult> Delete(HttpContext context, ComponentHost host, string store, string key)
    {
        var etag = context.Request.Headers.IfMatch.ToString();
        var remove = new StateRemove(key, etag.Length == 0 ? null : etag, ParseConcurrency(context.Request.Query["concurrency"]));
        await host.StateStore(context.App().Id, store).ApplyAsync(context.App().Id, [remove]);
        return Results.NoContent();
    }

    private static async Task<IResult> BulkGet(HttpContext context, ComponentHost host, string store)
    {
        var stateStore = host.StateStore(context.App().Id, store);
        using var body = await context.Request.ReadJsonAsync();
        if (!body.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw DaprErrors.Malformed("expected {\"keys\": [...]}");
        var items = stateStore.BulkGet(context.App().Id, keys.EnumerateArray().Select(k => k.GetString() ?? "")).Select(item => item.Entry is null
            ? new Dictionary<string, object?> { ["key"] = item.Key }
            : new Dictionary<string, object?> { ["key"] = item.Key, ["data"] = JsonValue(item.Entry.Value), ["etag"] = item.Entry.Etag });
        return Results.Json(items);
    }

    private static async Task<IResult> Transaction(HttpContext context, ComponentHost host, string store)
    {
        var stateStore = host.StateStore(context.App().Id, store);
        using var body = await context.Request.ReadJsonAsync();
        if (!body.RootElement.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
            throw DaprErrors.Malformed("expected {\"operations\": [...]}");
        var changes = operations.EnumerateArray().Select(op => op.String("operation") switch
        {
            "upsert" => Upsert(op.GetProperty("request")),
            "delete" => (StateOperation)Remove(op.GetProperty("request")),
            var other => throw DaprErrors.BadRequest("ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {other} not supported"),
        }).ToList();
        await stateStore.ApplyAsync(context.App().Id, changes);
        return Results.NoContent();
    }

    private static StateUpsert Upsert(JsonElement item)
    {
        var key = item.String("key") is { Length: > 0 } k ? k : throw DaprErrors.Malformed("a state item needs a key");
        var value = item.TryGetProperty("value", out var v) ? Encoding.UTF8.GetBytes(v.GetRawText()) : [];
        var options = item.TryGetProperty("options", out var o) ? o : default;
        return new StateUpsert(key, value, item.String("etag"), ParseConcurrency(options.String("concurrency")), item.StringMap("metadata"));
    }

    private static StateRemove Remove(JsonElement item)
    {
        var options = item.TryGetProperty("options", out var o) ? o : default;
        return new StateRemove(item.String("key") ?? throw DaprErrors.Malformed("a state item needs a key"), item.String("etag"),
            ParseConcurrency(options.String("concurrency")));
    }

    private static object? JsonValue(byte[] value)
    {
        try
        {
            return JsonDocument.Parse(value).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(value);
        }
    }
}
