using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Bindings;

/// <summary>
/// <c>bindings.http</c>: sends the request to <c>url</c> (+ the <c>path</c> metadata); other metadata entries become
/// headers, as in Dapr's binding. A non-2xx answer is an error carrying the status code.
/// </summary>
public sealed class HttpBinding(Component component, HttpClient client) : IOutputBinding
{
    private readonly Uri _url = Uri.TryCreate(component.Get("url"), UriKind.Absolute, out var url)
        ? url
        : throw new ResourceException(component.Source, $"binding '{component.Name}' needs an absolute 'url'");

    public IReadOnlyList<string> Operations { get; } = ["create", "get", "head", "post", "put", "patch", "delete", "options", "trace"];

    public async Task<BindingResult> InvokeAsync(string operation, byte[] data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation)
    {
        if (!Operations.Contains(operation))
            throw DaprErrors.Binding(component.Name, $"binding {component.Name} does not support operation {operation}; it supports {string.Join(", ", Operations)}");
        var method = operation == "create" ? HttpMethod.Post : new HttpMethod(operation.ToUpperInvariant());
        var target = metadata.TryGetValue("path", out var path) ? new Uri(_url.ToString().TrimEnd('/') + "/" + path.TrimStart('/')) : _url;
        using var request = new HttpRequestMessage(method, target);
        if (data.Length > 0 || method == HttpMethod.Post || method == HttpMethod.Put) request.Content = new ByteArrayContent(data);
        foreach (var (name, value) in metadata.Where(m => m.Key != "path"))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request, cancellation);
        var body = await response.Content.ReadAsByteArrayAsync(cancellation);
        if (!response.IsSuccessStatusCode)
            throw DaprErrors.Binding(component.Name, $"received status code {(int)response.StatusCode}");
        var answer = new Dictionary<string, string> { ["statusCode"] = ((int)response.StatusCode).ToString() };
        foreach (var header in response.Headers.Concat(response.Content.Headers)) answer[header.Key] = string.Join(", ", header.Value);
        return new BindingResult(body, answer);
    }
}
