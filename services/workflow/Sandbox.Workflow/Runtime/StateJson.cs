using System.Text.Json;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Runtime;

/// <summary>The instance snapshot as stored: the engine's state in System.Text.Json's default shape.</summary>
public static class StateJson
{
    private static readonly JsonSerializerOptions Options = new();

    public static string Write(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Read(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new InvalidOperationException("Empty instance state");
}
