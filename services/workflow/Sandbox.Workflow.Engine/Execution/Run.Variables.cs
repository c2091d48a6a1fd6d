using System.Text.Json.Nodes;
using Sandbox.Feel;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Execution;

// Variable scopes as Camunda 8 defines them: names resolve from the element outwards; a written variable goes
// to the nearest scope that already has it, else to the process instance.
internal sealed partial class Run
{
    public ScopeVariables VariablesOf(ElementInstance instance, JsonObject? innermost = null)
    {
        var layers = new List<JsonObject>(4);
        if (innermost is not null) layers.Add(innermost);
        for (var scope = instance; scope is not null; scope = ParentOf(scope))
        {
            if (scope.Variables is { } variables) layers.Add(variables);
        }
        return new ScopeVariables(layers);
    }

    public static void SetLocal(ElementInstance scope, string name, JsonNode? value)
    {
        scope.Variables ??= [];
        scope.Variables[name] = value;
    }

    // Writes each variable to the nearest scope (from `from` outwards) that defines it, else to the root.
    public void Propagate(ElementInstance from, JsonObject? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables) Propagate(from, name, value?.DeepClone());
    }

    public void Propagate(ElementInstance from, string path, JsonNode? value)
    {
        var dot = path.IndexOf('.');
        var name = dot < 0 ? path : path[..dot];
        var target = Root;
        for (var scope = from; scope is not null; scope = ParentOf(scope))
        {
            if (scope.Variables?.ContainsKey(name) == true)
            {
                target = scope;
                break;
            }
        }
        if (dot < 0)
        {
            SetLocal(target, name, value);
            return;
        }
        // A dotted target such as "order.total" updates one entry of a context variable.
        var current = target.Variables?[name] as JsonObject ?? [];
        var copy = (JsonObject)current.DeepClone();
        var node = copy;
        var parts = path[(dot + 1)..].Split('.');
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next) node[part] = next = [];
            node = next;
        }
        node[parts[^1]] = value;
        SetLocal(target, name, copy);
    }

    // Variables a job, task, message or error hands back: local when the element maps outputs, else propagated.
    public void ApplyResult(ElementInstance instance, JsonObject? variables)
    {
        if (variables is null || variables.Count == 0) return;
        if (NodeOf(instance).Mapping.Outputs.Length > 0 && !instance.IsMultiInstanceBody)
        {
            foreach (var (name, value) in variables) SetLocal(instance, name, value?.DeepClone());
        }
        else
        {
            Propagate(instance, variables);
        }
    }

    // Input mappings become local variables of the element; each sees the ones before it.
    public bool ApplyInputs(ElementInstance instance)
    {
        var inputs = NodeOf(instance).Mapping.Inputs;
        if (inputs.Length == 0 || instance.IsMultiInstanceBody) return true;
        var local = new JsonObject();
        foreach (var mapping in inputs)
        {
            var context = VariablesOf(ParentOf(instance)!, instance.Variables is null ? local : Combine(instance.Variables, local));
            if (!TryEvaluate(instance, () => mapping.Source.Evaluate(context).ToJsonNode(), out var value)) return false;
            SetPath(local, mapping.Target, value);
        }
        foreach (var (name, value) in local) SetLocal(instance, name, value?.DeepClone());
        return true;
    }

    // Output mappings are evaluated in the element's scope and written outwards from its flow scope.
    public bool ApplyOutputs(ElementInstance instance)
    {
        var outputs = NodeOf(instance).Mapping.Outputs;
        if (outputs.Length == 0 || instance.IsMultiInstanceBody) return true;
        var context = VariablesOf(instance);
        var results = new List<(string, JsonNode?)>(outputs.Length);
        foreach (var mapping in outputs)
        {
            if (!TryEvaluate(instance, () => mapping.Source.Evaluate(context).ToJsonNode(), out var value)) return false;
            results.Add((mapping.Target, value));
        }
        foreach (var (target, value) in results) Propagate(ParentOf(instance)!, target, value);
        return true;
    }

    private static JsonObject Combine(JsonObject outer, JsonObject inner)
    {
        var result = (JsonObject)outer.DeepClone();
        foreach (var (name, value) in inner) result[name] = value?.DeepClone();
        return result;
    }

    private static void SetPath(JsonObject target, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = target;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next) node[part] = next = [];
            node = next;
        }
        node[parts[^1]] = value;
    }

    public string? Text(ElementInstance instance, string? property) =>
        property is null ? null
        : FeelEngine.IsExpression(property) ? AsText(Feel.Compile(property).Evaluate(VariablesOf(instance)), property)
        : property;

    public static string AsText(FeelValue value, string expression) =>
        value.TryGetString(out var s) ? s
        : value.TryGetNumber(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw new ExpressionResultException($"'{expression}' gave {value}, not a string or number");
}
