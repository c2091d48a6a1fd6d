using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Forms.Tests.Infrastructure;

internal static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!;

    /// <summary>A small form with a fresh id: a required name, an e-mail and a hidden-when-young reason.</summary>
    public static string SampleForm(string id, string extraComponent = "") => $$"""
        { "id": "{{id}}", "type": "default", "schemaVersion": 16, "components": [
          { "type": "textfield", "key": "name", "label": "Name", "validate": { "required": true } },
          { "type": "textfield", "key": "email", "validate": { "validationType": "email" } },
          { "type": "number", "key": "age" },
          { "type": "textarea", "key": "reason", "conditional": { "hide": "=age < 18" }, "validate": { "required": true } }{{extraComponent}}
        ] }
        """;

    public static string NewFormId() => "Form_" + Guid.NewGuid().ToString("n")[..10];
}
