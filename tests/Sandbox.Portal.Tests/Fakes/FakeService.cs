using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sandbox.Portal.Tests.Fakes;

/// <summary>A stand-in for one service: routes by method and path pattern, and keeps every request it got.</summary>
public abstract class FakeService : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Regex Path, Func<HttpRequestMessage, Match, Task<HttpResponseMessage>> Answer)> routes = [];

    /// <summary>Requests received, with the body read as text.</summary>
    public List<(HttpRequestMessage Request, string Body)> Received { get; } = [];

    /// <summary>When set, every request is answered with this status (a service refusing the token, or down).</summary>
    public HttpStatusCode? FailWith { get; set; }

    protected void On(HttpMethod method, string pattern, Func<HttpRequestMessage, Match, Task<HttpResponseMessage>> answer) =>
        routes.Add((method, new Regex("^" + pattern + "$"), answer));

    protected void On(HttpMethod method, string pattern, Func<HttpRequestMessage, Match, HttpResponseMessage> answer) =>
        On(method, pattern, (r, m) => Task.FromResult(answer(r, m)));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Received) Received.Add((request, body));
        if (FailWith is { } status) return Problem(status);
        var path = request.RequestUri!.AbsolutePath;
        foreach (var (method, pattern, answer) in routes)
        {
            if (method == request.Method && pattern.Match(path) is { Success: true } match) return await answer(request, match);
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    /// <summary>The body of a JSON request.</summary>
    protected static JsonObject BodyOf(HttpRequestMessage request) =>
        JsonNode.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())!.AsObject();

    protected static HttpResponseMessage Json(object value, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json") };

    protected static HttpResponseMessage Problem(HttpStatusCode status, Dictionary<string, string[]>? errors = null) =>
        Json(new { title = "Refused", status = (int)status, errors }, status);
}
