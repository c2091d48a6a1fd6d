using System.Text.Json.Nodes;
using Sandbox.Feel;

namespace Sandbox.Workflow.Engine.Execution;

// The variables visible from one element instance: its own scope first, then each enclosing scope up to the
// process instance, as Camunda 8 resolves names.
internal sealed class ScopeVariables(IReadOnlyList<JsonObject> layers) : FeelContext
{
    public override bool TryGetValue(string name, out FeelValue value)
    {
        foreach (var layer in layers)
        {
            if (layer.TryGetPropertyValue(name, out var node))
            {
                value = FeelValue.FromJson(node);
                return true;
            }
        }
        value = FeelValue.Null;
        return false;
    }

    public override IEnumerable<KeyValuePair<string, FeelValue>> Entries =>
        Merged().Select(p => KeyValuePair.Create(p.Key, FeelValue.FromJson(p.Value)));

    public override int Count => Merged().Count;

    // Innermost wins; the result is a fresh object the caller may keep.
    public JsonObject Merged()
    {
        var result = new JsonObject();
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            foreach (var (name, node) in layers[i]) result[name] = node?.DeepClone();
        }
        return result;
    }
}
