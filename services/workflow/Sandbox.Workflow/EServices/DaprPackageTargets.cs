using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapr.Client;

namespace Sandbox.Workflow.EServices;

/// <summary>Deploys forms to app <c>forms</c> and templates to app <c>notifications</c> through the Dapr sidecar.</summary>
public sealed class DaprPackageTargets(DaprClient dapr, ILogger<DaprPackageTargets> logger) : IPackageTargets
{
    /// <summary>The Dapr app id of the forms service.</summary>
    public const string FormsApp = "forms";

    /// <summary>The Dapr app id of the notifications service.</summary>
    public const string NotificationsApp = "notifications";

    /// <inheritdoc />
    public Task<TargetResult> PublishFormAsync(FormPart form, string authorization, CancellationToken ct) =>
        SendAsync(FormsApp, HttpMethod.Post, "api/forms/definitions", form.Envelope, authorization, ct);

    /// <inheritdoc />
    public Task<TargetResult> PutTemplateAsync(TemplatePart template, string authorization, CancellationToken ct) =>
        SendAsync(NotificationsApp, HttpMethod.Put, $"api/notifications/templates/{Uri.EscapeDataString(template.Id)}", template.Body, authorization, ct);

    private async Task<TargetResult> SendAsync(string app, HttpMethod method, string path, JsonObject body, string authorization, CancellationToken ct)
    {
        // The instance method keeps the dapr-api-token; the static CreateInvokeHttpClient drops it.
        using var client = dapr.CreateInvokableHttpClient(app);
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (!string.IsNullOrEmpty(authorization)) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        try
        {
            using var response = await client.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return TargetResult.Ok;
            var text = await response.Content.ReadAsStringAsync(ct);
            logger.LogWarning("{App} answered {Status} to {Method} {Path}", app, (int)response.StatusCode, method, path);
            var rejected = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict;
            return new TargetResult(false, rejected, $"{app} answered {(int)response.StatusCode}: {Shorten(text)}");
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "{App} could not be reached for {Method} {Path}", app, method, path);
            return new TargetResult(false, false, $"{app} could not be reached");
        }
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000];
}
