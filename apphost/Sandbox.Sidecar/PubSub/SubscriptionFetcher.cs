using System.Net;
using System.Text.Json;
using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.PubSub;

/// <summary>
/// Learns each app's subscriptions: declarative <c>Subscription</c> resources scoped to it, plus what the app answers on
/// <c>GET /dapr/subscribe</c>. The app is asked again until it answers, so it may start after the sidecar.
/// </summary>
public sealed partial class SubscriptionFetcher(AppChannels apps, ResourceSet resources, ILogger<SubscriptionFetcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(apps.All.Select(app => LoadAsync(app, stoppingToken)));

    private async Task LoadAsync(AppChannel app, CancellationToken cancellation)
    {
        var subscriptions = resources.Subscriptions.Where(s => s.Scopes.Count == 0 || s.Scopes.Contains(app.Id)).ToList();
        if (app.HasApp) subscriptions.AddRange(await AskAppAsync(app, cancellation));
        foreach (var rule in subscriptions.SelectMany(s => s.Rules).Where(r => !RouteMatcher.IsSupported(r.Match)))
            LogUnsupportedRule(app.Id, rule.Match);
        app.SetSubscriptions(subscriptions);
        LogSubscriptions(app.Id, subscriptions.Count, string.Join(", ", subscriptions.Select(s => $"{s.PubsubName}/{s.Topic}")));
    }

    private async Task<IReadOnlyList<Subscription>> AskAppAsync(AppChannel app, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, app.UriFor("dapr/subscribe"));
                using var response = await app.SendAsync(request, cancellation);
                if (response.StatusCode == HttpStatusCode.NotFound) return [];
                if (response.IsSuccessStatusCode) return Parse(app.Id, await response.Content.ReadAsByteArrayAsync(cancellation));
                LogAppNotReady(app.Id, $"status {(int)response.StatusCode}");
            }
            catch (HttpRequestException error)
            {
                LogAppNotReady(app.Id, error.Message);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }

    private List<Subscription> Parse(string appId, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "[]"u8.ToArray() : body);
            return document.RootElement.EnumerateArray().Select(FromJson).ToList();
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            LogBadSubscribeAnswer(appId, error.Message);
            return [];
        }
    }

    private static Subscription FromJson(JsonElement item)
    {
        var routes = Property(item, "routes");
        var rules = Property(routes, "rules") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(rule => new RouteRule(Text(rule, "match") ?? "", Text(rule, "path") ?? "")).ToList()
            : [];
        var defaultPath = Text(routes, "default") ?? Text(item, "route") ?? "";
        var metadata = Property(item, "metadata") is { ValueKind: JsonValueKind.Object } m
            ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
            : new Dictionary<string, string>();
        return new Subscription(Text(item, "pubsubname") ?? throw new KeyNotFoundException("pubsubname"),
            Text(item, "topic") ?? throw new KeyNotFoundException("topic"), rules, defaultPath,
            Text(item, "deadLetterTopic") is { Length: > 0 } dlt ? dlt : null, metadata, [], Declarative: false);
    }

    /// <summary>Apps write these names in different cases (Dapr.AspNetCore writes <c>pubsubName</c>); daprd accepts them all.</summary>
    private static JsonElement Property(JsonElement element, string name) => element.ValueKind == JsonValueKind.Object
        ? element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value
        : default;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    [LoggerMessage(LogLevel.Debug, "App {AppId} not answering /dapr/subscribe yet: {Reason}")]
    private partial void LogAppNotReady(string appId, string reason);

    [LoggerMessage(LogLevel.Error, "App {AppId} answered /dapr/subscribe with something that is not a subscription list: {Reason}")]
    private partial void LogBadSubscribeAnswer(string appId, string reason);

    [LoggerMessage(LogLevel.Warning, "App {AppId} has routing rule '{Match}' that is not supported (only event.field == \"value\"); it never matches")]
    private partial void LogUnsupportedRule(string appId, string match);

    [LoggerMessage(LogLevel.Information, "App {AppId} subscribes to {Count} topic(s): {Topics}")]
    private partial void LogSubscriptions(string appId, int count, string topics);
}
