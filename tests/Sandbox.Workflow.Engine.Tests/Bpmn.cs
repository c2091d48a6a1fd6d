namespace Sandbox.Workflow.Engine.Tests;

// Small builders for inline test models.
internal static class Bpmn
{
    public static string Start(string id = "start") => $"""<bpmn:startEvent id="{id}" />""";

    public static string End(string id = "end") => $"""<bpmn:endEvent id="{id}" />""";

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    public static string Service(string id, string? type = null, string extensions = "", string body = "") =>
        $"""<bpmn:serviceTask id="{id}"><bpmn:extensionElements><zeebe:taskDefinition type="{type ?? id}" />{extensions}</bpmn:extensionElements>{body}</bpmn:serviceTask>""";

    public static string User(string id, string extensions = "") =>
        $"""<bpmn:userTask id="{id}" name="Task {id}"><bpmn:extensionElements>{extensions}</bpmn:extensionElements></bpmn:userTask>""";

    public static string Gateway(string kind, string id, string? defaultFlow = null) => defaultFlow is null
        ? $"""<bpmn:{kind}Gateway id="{id}" />"""
        : $"""<bpmn:{kind}Gateway id="{id}" default="{defaultFlow}" />""";

    public static string Message(string id, string name, string key) =>
        $"""<bpmn:message id="{id}" name="{name}"><bpmn:extensionElements><zeebe:subscription correlationKey="{key}" /></bpmn:extensionElements></bpmn:message>""";

    public static string TimerCatch(string id, string kind, string value) =>
        $"""<bpmn:intermediateCatchEvent id="{id}"><bpmn:timerEventDefinition><bpmn:{kind}>{value}</bpmn:{kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""";

    public static string MessageCatch(string id, string messageRef) =>
        $"""<bpmn:intermediateCatchEvent id="{id}"><bpmn:messageEventDefinition messageRef="{messageRef}" /></bpmn:intermediateCatchEvent>""";

    public static string Mapping(string inputs = "", string outputs = "") => $"<zeebe:ioMapping>{inputs}{outputs}</zeebe:ioMapping>";

    public static string Input(string source, string target) => $"""<zeebe:input source="{System.Security.SecurityElement.Escape(source)}" target="{target}" />""";

    public static string Output(string source, string target) => $"""<zeebe:output source="{System.Security.SecurityElement.Escape(source)}" target="{target}" />""";

    // A chain start → a → b → … → end of the given element snippets (each must use the id given with it).
    public static string Chain(params (string Id, string Xml)[] steps) => ChainIn("", steps);

    // The same inside a subprocess: its start, end and flow ids get a prefix so they stay unique.
    public static string ChainIn(string prefix, params (string Id, string Xml)[] steps)
    {
        var ids = steps.Select(s => s.Id).Prepend(prefix + "start").Append(prefix + "end").ToArray();
        var flows = ids.Zip(ids.Skip(1)).Select((pair, i) => Flow($"{prefix}c{i}", pair.First, pair.Second));
        return string.Join("\n", steps.Select(s => s.Xml).Prepend(Start(prefix + "start")).Append(End(prefix + "end")).Concat(flows));
    }
}
