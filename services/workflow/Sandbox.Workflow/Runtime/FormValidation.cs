using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr.Client;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Runtime;

/// <summary>The forms service's verdict on task data: valid, or errors per field path.</summary>
public sealed record FormVerdict(bool Found, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Valid => Found && Errors.Count == 0;
}

/// <summary>Validates user task data against the task's form. The default asks the forms service through Dapr.</summary>
public interface IFormValidator
{
    /// <summary>
    /// Validates <paramref name="data"/> against form <paramref name="formId"/> on behalf of the caller whose
    /// <paramref name="authorization"/> header is forwarded, in <paramref name="language"/> when given.
    /// </summary>
    Task<FormVerdict> ValidateAsync(string formId, JsonObject data, string? authorization, string? language, CancellationToken ct);
}

internal sealed class DaprFormValidator(DaprClient dapr, WorkflowOptions options) : IFormValidator
{
    public async Task<FormVerdict> ValidateAsync(string formId, JsonObject data, string? authorization, string? language, CancellationToken ct)
    {
        using var client = dapr.CreateInvokableHttpClient(options.FormsAppId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/forms/definitions/{Uri.EscapeDataString(formId)}/validate")
        {
            Content = JsonContent.Create(data),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return new(false, new Dictionary<string, string[]>());
        if (response.IsSuccessStatusCode) return new(true, new Dictionary<string, string[]>());
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            var errors = body?["errors"]?.Deserialize<Dictionary<string, string[]>>() ?? [];
            return new(true, errors.Count > 0 ? errors : new Dictionary<string, string[]> { [""] = ["The forms service refused the data"] });
        }
        throw new HttpRequestException($"The forms service answered {(int)response.StatusCode} to validating form {formId}");
    }
}
