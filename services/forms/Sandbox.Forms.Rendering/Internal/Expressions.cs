using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Feel;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Evaluates hide rules and FEEL-valued properties with the viewer's variables over the current data.</summary>
internal sealed class Expressions(JsonObject root)
{
    private readonly ViewerVariables _variables = new(root);

    /// <summary>The whole form data.</summary>
    public JsonObject Root => root;

    public JsonObject Variables(Scope scope) => _variables.For(scope.Path, scope.Local, scope.Parent, scope.Indexes);

    /// <summary>Forgets cached variables (after the data changed).</summary>
    public void Reset() => _variables.Reset();

    public bool IsHidden(Node node, Scope scope) => node.Model.IsHidden(Variables(scope));

    public bool IsRequired(Node node, Scope scope) => node.Model.Rules.Required?.ResolveTrue(Variables(scope)) == true;

    public bool IsReadonly(Node node, Scope scope) => node.Model.Readonly?.ResolveTrue(Variables(scope)) == true;

    /// <summary>A text property; when it starts with <c>=</c> it is FEEL and its result is shown.</summary>
    public string? Text(string? value, Scope scope)
    {
        if (value is null || !FeelEngine.IsExpression(value)) return value;
        try { return Show(FeelEngine.Default.Compile(value).EvaluateToJson(Variables(scope))); }
        catch (FeelException) { return null; }
    }

    /// <summary>The content of a text or html component: FEEL when it starts with <c>=</c>, else a template.</summary>
    public string? Content(string? value, Scope scope, Func<string, string> encode) =>
        value is null || FeelEngine.IsExpression(value) ? Text(value, scope) : Templates.Apply(value, Variables(scope), encode);

    /// <summary>A FEEL expression's JSON result, or null.</summary>
    public JsonNode? Evaluate(string expression, Scope scope)
    {
        try { return FeelEngine.Default.Compile(expression).EvaluateToJson(Variables(scope)); }
        catch (FeelException) { return null; }
    }

    private static string? Show(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
