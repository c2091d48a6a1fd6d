using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Apis;

/// <summary>A template as answered by the API.</summary>
public sealed record TemplateView(string Id, int Version, string Channel, string? Description, string? Eservice,
    IReadOnlyDictionary<string, TemplateVariant> Variants, DateTime CreatedAt);

/// <summary>One line of the template list.</summary>
public sealed record TemplateSummary(string Id, int Version, string Channel, string? Description, string? Eservice,
    IReadOnlyList<string> Languages, DateTime CreatedAt);

/// <summary>The body of a preview: a language and sample data.</summary>
public sealed record PreviewRequest(string? Language, JsonObject? Data);

/// <summary>A rendered preview.</summary>
public sealed record PreviewView(string Language, string? Subject, string Text, string? Html);

/// <summary><c>/api/notifications/templates</c>: a tenant's templates, versioned, in every language.</summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates");
        templates.MapPut("/{id}", Put).RequireAuthorization(NotificationsPolicies.TemplateEditor);
        templates.MapGet("/", List).RequireAuthorization(NotificationsPolicies.Staff);
        templates.MapGet("/{id}", Get).RequireAuthorization(NotificationsPolicies.Staff);
        templates.MapDelete("/{id}", Delete).RequireAuthorization(NotificationsPolicies.TemplateEditor);
        templates.MapPost("/{id}/preview", Preview).RequireAuthorization(NotificationsPolicies.TemplateEditor);
        return api;
    }

    private static async Task<Results<Created<SavedView>, Ok<SavedView>, ValidationProblem, ProblemHttpResult>> Put(
        string id, TemplateDocument document, ClaimsPrincipal user, TemplateStore store, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        if (!Problems.TemplateId.IsMatch(id)) return Problems.Invalid("id", "Use letters, digits, '_', '.', '-' (at most 200).");
        var errors = TemplateStore.Validate(document);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var saved = await store.PutAsync(tenant, id, document, user.Subject(), ct);
        var view = new SavedView(saved.Id, saved.Version, saved.Channel);
        return saved.Created ? TypedResults.Created($"/api/notifications/templates/{id}", view) : TypedResults.Ok(view);
    }

    /// <summary>The answer to a PUT.</summary>
    public sealed record SavedView(string Id, int Version, string Channel);

    private static async Task<Results<Ok<List<TemplateSummary>>, ProblemHttpResult>> List(ClaimsPrincipal user, TemplateStore store, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        var rows = await store.ListAsync(tenant, ct);
        return TypedResults.Ok(rows.Select(t => new TemplateSummary(t.TemplateId, t.Version, t.Channel, t.Description, t.EserviceId,
            TemplateDocument.ReadVariants(t.VariantsJson).Keys.ToList(), t.CreatedAt)).ToList());
    }

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> Get(string id, int? version, ClaimsPrincipal user,
        TemplateStore store, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        var row = await store.GetAsync(tenant, id, version, ct);
        return row is null
            ? Problems.NotFound($"No template '{id}'{(version is null ? "" : $" version {version}")} in this tenant.")
            : TypedResults.Ok(new TemplateView(row.TemplateId, row.Version, row.Channel, row.Description, row.EserviceId,
                TemplateDocument.ReadVariants(row.VariantsJson), row.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ClaimsPrincipal user, TemplateStore store, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        var (found, usedBy) = await store.DeleteAsync(tenant, id, ct);
        if (!found) return Problems.NotFound($"No template '{id}' in this tenant.");
        return usedBy is null ? TypedResults.NoContent() : Problems.Conflict($"The template is used by the e-service '{usedBy}'.");
    }

    private static async Task<Results<Ok<PreviewView>, ValidationProblem, ProblemHttpResult>> Preview(string id, PreviewRequest? request,
        ClaimsPrincipal user, TemplateStore store, MessageRenderer renderer, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return Problems.NoTenant();
        if (request?.Language is { } language && !Languages.IsSupported(language))
            return Problems.Invalid("language", $"Unknown language; use {string.Join(", ", Languages.Supported)}.");
        var row = await store.GetAsync(tenant, id, null, ct);
        if (row is null) return Problems.NotFound($"No template '{id}' in this tenant.");
        var variants = TemplateDocument.ReadVariants(row.VariantsJson);
        try
        {
            var rendered = renderer.Render(row.Channel, variants, request?.Language ?? renderer.DefaultLanguage(tenant), tenant,
                request?.Data ?? [], Guid.Empty);
            return TypedResults.Ok(new PreviewView(rendered.Language, rendered.Subject, rendered.Text, rendered.Html));
        }
        catch (MissingVariablesException missing)
        {
            return Problems.MissingVariables(missing.Names);
        }
    }
}
