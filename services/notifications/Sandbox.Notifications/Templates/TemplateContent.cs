using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.Notifications.Templates;

/// <summary>The channels a template is written for.</summary>
public static class Channels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string InApp = "inapp";

    /// <summary>All of them.</summary>
    public static IReadOnlyList<string> All { get; } = [Email, Sms, InApp];
}

/// <summary>One language of a template: Liquid subject and plain-text body, and optionally the inner HTML of an email.</summary>
public sealed record TemplateVariant(string? Subject, string Body, string? Html = null);

/// <summary>A template as designers write it (the body of <c>PUT /api/notifications/templates/{id}</c>).</summary>
public sealed record TemplateDocument(string Channel, string? Description, string? Eservice, Dictionary<string, TemplateVariant> Variants)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The variants as stored, languages in their fixed order.</summary>
    public string VariantsJson() => JsonSerializer.Serialize(
        Languages.Supported.Where(Variants.ContainsKey).ToDictionary(l => l, l => Variants[l]), Json);

    /// <summary>Reads stored variants.</summary>
    public static Dictionary<string, TemplateVariant> ReadVariants(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, TemplateVariant>>(json, Json) ?? [];

    /// <summary>What decides whether a PUT makes a new version (the e-service mark does not).</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Channel}\n{Description}\n{VariantsJson()}")));
}
