using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sandbox.Forms.Validation;

/// <summary>The viewer's per-field checks, in its order, plus the type checks a browser cannot skip.</summary>
internal static class FieldValidator
{
    public static void Validate(FormComponent field, JsonNode? value, JsonObject variables, Action<ValidationError, object[]> report)
    {
        if (!CheckType(field, value, report)) return;
        if (field.Type == ComponentTypes.Number) CheckNumber(field, value, report);

        var rules = field.Rules;
        var text = value is null ? null : JsonValues.AsString(value) ?? (value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : null);
        var truthy = JsonValues.IsTruthy(value);

        if (rules.Pattern is { } pattern && truthy && text is not null && !Matches(pattern, text))
            report(ValidationError.Pattern, [pattern]);
        if (rules.Required?.ResolveTrue(variables) == true && IsEmpty(field, value))
            report(ValidationError.Required, []);

        var number = NumberOf(value);
        if (number is not null)
        {
            if (rules.Min?.ResolveNumber(variables) is { } min && number < min) report(ValidationError.Min, [Show(min)]);
            if (rules.Max?.ResolveNumber(variables) is { } max && number > max) report(ValidationError.Max, [Show(max)]);
        }
        if (truthy && JsonValues.AsString(value) is { } s)
        {
            var length = s.Trim().Length;
            if (rules.MinLength?.ResolveNumber(variables) is { } minLength && length < minLength) report(ValidationError.MinLength, [Show(minLength)]);
            if (rules.MaxLength?.ResolveNumber(variables) is { } maxLength && length > maxLength) report(ValidationError.MaxLength, [Show(maxLength)]);
            if (rules.ValidationType == "phone" && !ValuePatterns.Phone.IsMatch(s)) report(ValidationError.Phone, []);
            if (rules.ValidationType == "email" && !ValuePatterns.Email.IsMatch(s)) report(ValidationError.Email, []);
        }
    }

    private static bool IsEmpty(FormComponent field, JsonNode? value) =>
        JsonValues.IsNull(value)
        || JsonValues.AsString(value) == ""
        || (field.Type == ComponentTypes.Checkbox && value!.GetValueKind() == JsonValueKind.False)
        || value is JsonArray { Count: 0 };

    private static bool CheckType(FormComponent field, JsonNode? value, Action<ValidationError, object[]> report)
    {
        if (JsonValues.IsNull(value)) return true;
        var kind = value!.GetValueKind();
        string? expected = field.Type switch
        {
            ComponentTypes.Number when kind == JsonValueKind.Number => null,
            ComponentTypes.Number when kind == JsonValueKind.String && (field.SerializeToString || value.GetValue<string>() is "NaN" or "") => null,
            ComponentTypes.Number => "number",
            ComponentTypes.Checkbox => kind is JsonValueKind.True or JsonValueKind.False ? null : "boolean",
            ComponentTypes.Checklist or ComponentTypes.Taglist => kind == JsonValueKind.Array ? null : "list",
            ComponentTypes.Select or ComponentTypes.Radio => kind is JsonValueKind.Object or JsonValueKind.Array ? "text" : null,
            ComponentTypes.Filepicker => kind == JsonValueKind.String || (kind == JsonValueKind.Array && value.AsArray().All(f => JsonValues.AsString(f) is not null)) ? null : "text",
            _ => kind == JsonValueKind.String ? null : "text",
        };
        if (expected is not null) { report(ValidationError.WrongType, [expected]); return false; }

        if (ComponentTypes.SingleSelect.Contains(field.Type) && field.Values is { } options && !IsOption(options, value))
        {
            report(ValidationError.NotAnOption, []);
            return false;
        }
        if (ComponentTypes.MultiSelect.Contains(field.Type) && field.Values is { } choices && value.AsArray().Any(v => !IsOption(choices, v)))
        {
            report(ValidationError.NotAnOption, []);
            return false;
        }
        if (field.Type == ComponentTypes.Datetime && value.GetValue<string>() is { Length: > 0 } when && !DateTimes.IsValid(field.Subtype, when))
        {
            report(ValidationError.InvalidDate, [field.Subtype ?? "date"]);
            return false;
        }
        return true;
    }

    private static void CheckNumber(FormComponent field, JsonNode? value, Action<ValidationError, object[]> report)
    {
        if (JsonValues.AsString(value) == "NaN") { report(ValidationError.NotANumber, []); return; }
        if (NumberOf(value) is not { } number || number == 0) return;
        if (field.DecimalDigits is { } digits && digits >= 0 && Decimals(number) > digits)
            report(digits == 0 ? ValidationError.Integer : ValidationError.DecimalDigits, [digits]);
        if (field.Increment is { } step && step != 0)
        {
            var offset = number % step;
            if (offset != 0)
            {
                var previous = number - offset;
                report(ValidationError.Increment, [Show(previous), Show(previous + step)]);
            }
        }
    }

    internal static decimal? NumberOf(JsonNode? value) =>
        JsonValues.AsNumber(value)
        ?? (JsonValues.AsString(value) is { Length: > 0 } s && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null);

    private static bool IsOption(IReadOnlyList<JsonNode?> options, JsonNode? value) =>
        options.Any(o => JsonNode.DeepEquals(o, value));

    private static bool Matches(string pattern, string text)
    {
        try { return Patterns.Create(pattern).IsMatch(text); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static int Decimals(decimal d) => (d / 1.0000000000000000000000000000m).Scale;

    private static string Show(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);
}
