using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Hosting;
using Sandbox.Security;

namespace Sandbox.Forms.Apis;

/// <summary>Events a form page reports for pilot telemetry: <c>{ "type": "page", "page": 2 }</c>.</summary>
public static partial class FormEventsApi
{
    public static IEndpointRouteBuilder MapFormEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/forms/{formId}/events", Post).WithTags("Drafts").RequireAuthorization(Policies.Citizen);
        return app;
    }

    public static async Task<Results<Accepted, ProblemHttpResult, ForbidHttpResult>> Post(
        string formId, HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, FormsOptions options, Telemetry telemetry, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var (body, problem) = await JsonBody.ReadObjectAsync(request, 4096, ct);
        if (problem is not null) return problem;
        if (body!["type"]?.GetValueKind() != JsonValueKind.String || (string)body["type"]! != "page")
            return JsonBody.Bad("type must be \"page\".");
        var raw = body["page"] is { } p && p.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? p.ToString() : "";
        if (Page(raw) is not { } page) return JsonBody.Bad("page must be a page number (0–99) or a short id.");
        var form = await definitions.FindAsync(tenant, formId, null, ct);
        if (form is null) return DefinitionsApi.NotFound(formId);
        telemetry.PageReached(form.FormId, form.Version, page);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>A page tag of bounded cardinality: a number 0–99 or a group id; null for anything else.</summary>
    internal static string? Page(string value) =>
        int.TryParse(value, out var n) ? (n is >= 0 and < 100 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
        : PageId.IsMatch(value) ? value : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,49}$")]
    private static partial Regex PageId { get; }
}
