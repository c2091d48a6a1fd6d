using System.Net.Http.Headers;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Hosting;

/// <summary>
/// The sidecar's link to one app: where the app listens, the token to send it, and its subscriptions once known.
/// </summary>
public sealed class AppChannel(AppEndpoint endpoint, SidecarOptions options, HttpClient client)
{
    private readonly TaskCompletionSource<IReadOnlyList<Subscription>> _subscriptions = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppEndpoint Endpoint { get; } = endpoint;

    public string Id => Endpoint.Id;

    public bool HasApp => Endpoint.AppPort > 0;

    public Task<IReadOnlyList<Subscription>> Subscriptions => _subscriptions.Task;

    public IReadOnlyList<Subscription> KnownSubscriptions => _subscriptions.Task.IsCompletedSuccessfully ? _subscriptions.Task.Result : [];

    public void SetSubscriptions(IReadOnlyList<Subscription> subscriptions) => _subscriptions.TrySetResult(subscriptions);

    public Uri UriFor(string path) => new(Endpoint.AppBase(options.ChannelAddress), path.TrimStart('/'));

    /// <summary>Sends a request to the app, adding <c>dapr-api-token</c> when <c>APP_API_TOKEN</c> is set.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        if (options.AppApiToken is { } token) request.Headers.TryAddWithoutValidation("dapr-api-token", token);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
    }

    public static HttpContent Content(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        if (MediaTypeHeaderValue.TryParse(contentType, out var type)) content.Headers.ContentType = type;
        return content;
    }
}

/// <summary>All apps of this process, found by id or by the local port a request came in on.</summary>
public sealed class AppChannels
{
    private readonly Dictionary<string, AppChannel> _byId;
    private readonly Dictionary<int, AppChannel> _byPort = new();

    public AppChannels(SidecarOptions options, IHttpClientFactory clients)
    {
        _byId = options.Apps.ToDictionary(a => a.Id, a => new AppChannel(a, options, clients.CreateClient("app")));
        foreach (var channel in _byId.Values)
        {
            _byPort[channel.Endpoint.HttpPort] = channel;
            _byPort[channel.Endpoint.GrpcPort] = channel;
        }
    }

    public IEnumerable<AppChannel> All => _byId.Values;

    public AppChannel? Find(string appId) => _byId.GetValueOrDefault(appId);

    /// <summary>The app a request belongs to: every app has its own Dapr ports, so the local port says which.</summary>
    public AppChannel ForPort(int localPort) =>
        _byPort.TryGetValue(localPort, out var channel) ? channel : _byId.Values.First();
}
