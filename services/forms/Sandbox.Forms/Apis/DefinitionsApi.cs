using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Feel;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Hosting;
using Sandbox.Forms.Validation;
using Sandbox.Security;

namespace Sandbox.Forms.Apis;

/// <summary>A form version as served: the schema (translated when a language was asked), and the translation maps otherwise.</summary>
public sealed record DefinitionResponse(string FormId, int Version, DateTimeOffset PublishedAt, JsonObject Schema)
{
    /// <summary>The language of the texts in <see cref="Schema"/>, or null for the schema as published.</summary>
    public string? Language { get; init; }

    /// <summary>The translation maps published with the version (only when no language was asked).</summary>
    public Dictionary<string, Dictionary<string, string>>? Translations { get; init; }
}

public sealed record ValidationResponse(bool Valid, JsonObject Data);

/// <summary>Form definitions of the caller's tenant: publish (designers), read, and validate data against them.</summary>
public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forms/definitions").WithTags("Form definitions");
        api.MapPost("/", Publish).RequireAuthorization(Policies.Designer);
        api.MapGet("/{formId}", Get).RequireAuthorization();
        api.MapPost("/{formId}/validate", Validate).RequireAuthorization();
        return app;
    }

    public static async Task<Results<Created<DefinitionResponse>, Ok<DefinitionResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Publish(
        HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, FeelEngine feel, FormsOptions options, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        var (body, problem) = await JsonBody.ReadObjectAsync(request, options.MaxSchemaBytes, ct);
        if (problem is not null) return problem;
        // Either a bare form-js schema or the envelope { schema, translations }.
        var isEnvelope = body!["schema"] is JsonObject && body["components"] is null;
        var json = isEnvelope ? (JsonObject)body["schema"]!.DeepClone() : body;
        HtmlContent.Sanitize(json);
        FormSchema schema;
        try { schema = FormSchema.Parse(json, feel); }
        catch (FormSchemaException e) { return SchemaProblem(e.Message); }
        if (schema.Id is null || !Caller.FormId.IsMatch(schema.Id))
            return SchemaProblem("The form needs an id of letters, digits, '_', '-' or '.' (at most 200).", "id");
        var (translations, errors) = FormTranslations.Parse(isEnvelope ? body["translations"] : null, json);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The translations cannot be used.");

        var (form, created) = await definitions.PublishAsync(tenant, schema, translations, user.Subject(), ct);
        var response = new DefinitionResponse(form.FormId, form.Version, form.PublishedAt, FormDefinitions.Json(form))
        {
            Translations = translations.Count == 0 ? null : translations,
        };
        return created ? TypedResults.Created($"/api/forms/definitions/{form.FormId}?version={form.Version}", response) : TypedResults.Ok(response);
    }

    /// <summary>The latest or asked version; with <c>lang</c> (sv, nb, fi, en) its texts in that language.</summary>
    public static async Task<Results<Ok<DefinitionResponse>, ProblemHttpResult, ForbidHttpResult>> Get(
        string formId, int? version, string? lang, ClaimsPrincipal user, FormDefinitions definitions, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var form = await definitions.FindAsync(tenant, formId, version, ct);
        if (form is null) return NotFound(formId);
        if (!string.IsNullOrWhiteSpace(lang))
        {
            var language = ValidationMessages.Negotiate(lang);
            var schema = await definitions.TranslatedAsync(form, language, ct);
            return TypedResults.Ok(new DefinitionResponse(form.FormId, form.Version, form.PublishedAt, schema) { Language = language });
        }
        var translations = await definitions.TranslationsAsync(form, ct);
        return TypedResults.Ok(new DefinitionResponse(form.FormId, form.Version, form.PublishedAt, FormDefinitions.Json(form))
        {
            Translations = translations.Count == 0 ? null : translations,
        });
    }

    public static async Task<Results<Ok<ValidationResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Validate(
        string formId, int? version, HttpRequest request, ClaimsPrincipal user, FormDefinitions definitions, FormsOptions options,
        Telemetry telemetry, CancellationToken ct)
    {
        if (user.Tenant() is not { } tenant) return TypedResults.Forbid();
        if (!Caller.FormId.IsMatch(formId)) return JsonBody.Bad("Not a form id.");
        var (data, problem) = await JsonBody.ReadObjectAsync(request, options.MaxDataBytes, ct);
        if (problem is not null) return problem;
        var form = await definitions.FindAsync(tenant, formId, version, ct);
        if (form is null) return NotFound(formId);

        using var activity = telemetry.StartValidateActivity(form.FormId, form.Version);
        var result = FormValidator.Validate(form.Schema, data!, request.Language());
        if (result.IsValid) return TypedResults.Ok(new ValidationResponse(true, result.Data));
        telemetry.ValidationFailed(form.FormId, form.Version, result.Failures);
        return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The data does not fit the form.");
    }

    internal static ProblemHttpResult NotFound(string formId) =>
        TypedResults.Problem($"The tenant has no form '{formId}'.", statusCode: StatusCodes.Status404NotFound, title: "No such form");

    private static ValidationProblem SchemaProblem(string message, string field = "schema") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The form cannot be used.");
}
