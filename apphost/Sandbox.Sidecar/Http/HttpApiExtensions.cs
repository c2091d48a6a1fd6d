using System.Text.Json;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.Http;

internal static class HttpApiExtensions
{
    /// <summary>The app a request is for, from the Dapr port it arrived on.</summary>
    public static AppChannel App(this HttpContext context) =>
        context.RequestServices.GetRequiredService<AppChannels>().ForPort(context.Connection.LocalPort);

    /// <summary>Request metadata, given as <c>metadata.NAME=value</c> query parameters.</summary>
    public static Dictionary<string, string> QueryMetadata(this HttpRequest request) =>
        request.Query.Where(q => q.Key.StartsWith("metadata.", StringComparison.Ordinal))
            .ToDictionary(q => q.Key["metadata.".Length..], q => q.Value.ToString());

    public static async Task<JsonDocument> ReadJsonAsync(this HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            throw DaprErrors.Malformed(error.Message);
        }
    }

    public static async Task<byte[]> ReadBytesAsync(this HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static Dictionary<string, string> StringMap(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
            : new Dictionary<string, string>();
}
