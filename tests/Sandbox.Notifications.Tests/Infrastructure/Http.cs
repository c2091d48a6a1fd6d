using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Notifications.Tests.Infrastructure;

internal static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>(Ct))!;

    public static string NewId(string prefix = "t") => $"{prefix}-{Guid.NewGuid().ToString("n")[..10]}";

    /// <summary>An email template with a variant in every language, each saying which language it is.</summary>
    public static string EmailTemplate(params string[] languages)
    {
        var variants = new JsonObject();
        foreach (var l in languages.Length == 0 ? Templates.Languages.Supported.ToArray() : languages)
            variants[l] = new JsonObject { ["subject"] = $"[{l}] Case {{{{ reference }}}}", ["body"] = $"[{l}] Hello {{{{ name }}}}.\n\nYour case {{{{ reference }}}} is received." };
        return new JsonObject { ["channel"] = "email", ["description"] = "test", ["variants"] = variants }.ToJsonString();
    }

    /// <summary>Stores a template as a designer of the tenant and returns its id.</summary>
    public static async Task<string> PutTemplateAsync(this NotificationsApp app, string json, string tenant = "uppsala")
    {
        var id = NewId();
        var response = await app.Client(Tokens.Designer(tenant)).PutJsonAsync($"/api/notifications/templates/{id}", json);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT template: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    public static async Task<JsonObject> StatusAsync(this NotificationsApp app, string id, string tenant = "uppsala") =>
        await (await app.Client(Tokens.Caseworker(tenant)).GetAsync($"/api/notifications/{id}", Ct)).JsonAsync();

    /// <summary>Waits until the notification has left the queue for good (sent, delivered or failed).</summary>
    public static Task<JsonObject> FinishedAsync(this NotificationsApp app, string id, string tenant = "uppsala") =>
        Eventually.Until(() => app.StatusAsync(id, tenant), s => s["status"]?.GetValue<string>() is "sent" or "delivered" or "failed",
            $"notification {id} to be sent or failed");
}
