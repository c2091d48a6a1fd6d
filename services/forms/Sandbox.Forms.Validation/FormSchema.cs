using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Feel;

namespace Sandbox.Forms.Validation;

/// <summary>A parsed form-js schema. Parse once, validate many times from any thread.</summary>
public sealed class FormSchema
{
    /// <summary>The schema's <c>id</c>, or null when it has none.</summary>
    public string? Id { get; init; }

    /// <summary>The <c>schemaVersion</c> the editor wrote, or null.</summary>
    public int? SchemaVersion { get; init; }

    /// <summary>The top-level components.</summary>
    public required IReadOnlyList<FormComponent> Components { get; init; }

    /// <summary>The JSON the schema was parsed from.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>Parses form-js JSON text.</summary>
    /// <exception cref="FormSchemaException">The text is not JSON, or a component cannot be used.</exception>
    public static FormSchema Parse(string json, FeelEngine? engine = null)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException e) { throw new FormSchemaException($"The form is not valid JSON: {e.Message}", e); }
        return Parse(node as JsonObject ?? throw new FormSchemaException("The form must be a JSON object."), engine);
    }

    /// <summary>Parses a form-js JSON object.</summary>
    /// <exception cref="FormSchemaException">A component cannot be used.</exception>
    public static FormSchema Parse(JsonObject json, FeelEngine? engine = null)
    {
        var parser = new FormSchemaParser(engine ?? FeelEngine.Default);
        return new FormSchema
        {
            Id = JsonValues.AsString(json["id"]),
            SchemaVersion = JsonValues.AsNumber(json["schemaVersion"]) is { } v ? (int)v : null,
            Components = parser.ParseComponents(json["components"], "form"),
            Json = json,
        };
    }
}
