using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.Events;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.Sending;

namespace Sandbox.Notifications.Apis;

/// <summary>The body of <c>POST /api/notifications</c>.</summary>
public sealed record SendRequest(string? Template, string? Language, Recipient? Recipient, JsonObject? Data, string? Reference);

/// <summary>The answer to a request: the notification's id.</summary>
public sealed record Accepted(Guid Id);

/// <summary>A notification's status as staff see it.</summary>
public sealed record NotificationView(Guid Id, string Status, string Channel, string Template, int TemplateVersion, string? Language,
    string? To, string? Reference, int Attempts, string? FailureReason, DateTime RequestedAt, DateTime? SentAt, DateTime? DeliveredAt);

/// <summary><c>/api/notifications</c>: request a notification and follow its status.</summary>
public static class NotificationsApi
{
    /// <summary>The header a caller may send to make retries of one request safe.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications");
        api.MapServiceInfo("notifications");
        api.MapPost("/", Send).RequireAuthorization(NotificationsPolicies.Sender);
        api.MapGet("/{id:guid}", Get).RequireAuthorization(NotificationsPolicies.Sender);
        api.MapTemplatesApi();
        api.MapMineApi();
        api.MapOutboxApi();
        api.MapSubscriptionApi();
        return app;
    }

    private static async Task<Results<Accepted<Accepted>, ValidationProblem, ProblemHttpResult>> Send(SendRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user, NotificationIntake intake, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        if (string.IsNullOrWhiteSpace(request.Template)) return Problems.Invalid("template", "A template id is required.");
        if (request.Recipient is not { } recipient || (recipient.Subject ?? recipient.Email ?? recipient.Phone) is null)
            return Problems.Invalid("recipient", "Name a person (subject), an email address or a phone number.");
        if (idempotencyKey is { Length: > 200 }) return Problems.Invalid(IdempotencyHeader, "At most 200 characters.");
        if (request.Reference is { Length: > 100 }) return Problems.Invalid("reference", "At most 100 characters.");
        var data = request.Data ?? [];
        if (request.Reference is { } reference && !data.ContainsKey("reference")) data["reference"] = reference;
        var key = idempotencyKey is { Length: > 0 } ? $"key:{idempotencyKey}"
            : request.Reference is { Length: > 0 } ? $"ref:{request.Reference}:{request.Template}:{recipient.Subject ?? recipient.Email ?? recipient.Phone}"
            : $"req:{Guid.NewGuid()}";
        var result = await intake.AcceptAsync(new NotificationRequest(tenant, request.Template, request.Language, recipient, data,
            request.Reference, null, key), ct);
        if (result.TemplateNotFound) return Problems.Invalid("template", $"No template '{request.Template}' in this tenant.");
        if (result.MissingVariables is { } missing) return Problems.MissingVariables(missing);
        if (result.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Accepted($"/api/notifications/{result.Id}", new Accepted(result.Id!.Value));
    }

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, NotificationsDb db, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.TenantId == tenant, ct);
        return n is null
            ? Problems.NotFound("No such notification in this tenant.")
            : TypedResults.Ok(new NotificationView(n.Id, n.Status, n.Channel, n.TemplateId, n.TemplateVersion, n.Language, n.To, n.Reference,
                n.Attempts, n.FailureReason, n.RequestedAt, n.SentAt, n.DeliveredAt));
    }
}
