using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr.Client;

namespace Sandbox.Workflow.Runtime;

/// <summary>The body a push-mode job is sent with (as CONTRACTS "BPMN conventions" define it).</summary>
public sealed record PushedJob(long Key, string Type, string ProcessInstanceId, string BpmnProcessId, string ElementId, string TenantId,
    int Retries, JsonObject Variables, JsonObject CustomHeaders);

/// <summary>How the app answered a pushed job.</summary>
public abstract record JobAnswer
{
    /// <summary>200: the job is done, with optional result variables.</summary>
    public sealed record Completed(JsonObject? Variables) : JobAnswer;

    /// <summary>422: a BPMN error with this code.</summary>
    public sealed record BpmnError(string ErrorCode, string? ErrorMessage) : JobAnswer;

    /// <summary>Anything else, or no answer: the job failed.</summary>
    public sealed record Failed(string Reason) : JobAnswer;
}

/// <summary>Invokes a push-mode job on its app. The default goes through Dapr service invocation.</summary>
public interface IJobInvoker
{
    /// <summary>Sends <paramref name="job"/> to <paramref name="method"/> of app <paramref name="appId"/> and reads the answer.</summary>
    Task<JobAnswer> InvokeAsync(string appId, string method, PushedJob job, CancellationToken ct);
}

internal sealed class DaprJobInvoker(DaprClient dapr) : IJobInvoker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JobAnswer> InvokeAsync(string appId, string method, PushedJob job, CancellationToken ct)
    {
        // The instance method keeps the dapr-api-token that the static CreateInvokeHttpClient drops.
        using var client = dapr.CreateInvokableHttpClient(appId);
        using var response = await client.PostAsJsonAsync(method.TrimStart('/'), job, Json, ct);
        return await ReadAsync(response, ct);
    }

    internal static async Task<JobAnswer> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        var body = TryParse(text);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => new JobAnswer.Completed(body?["variables"] as JsonObject),
            HttpStatusCode.UnprocessableEntity when body?["errorCode"] is JsonValue code && code.TryGetValue<string>(out var c) && c.Length > 0 =>
                new JobAnswer.BpmnError(c, body["errorMessage"] is JsonValue m && m.TryGetValue<string>(out var message) ? message : null),
            _ => new JobAnswer.Failed($"The app answered {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}"),
        };
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
