using System.Xml.Linq;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

// Reads one executable process: its flow elements (recursively through subprocesses) and sequence flows.
internal static class ProcessReader
{
    // Elements that describe or decorate a model but never change how it runs.
    private static readonly HashSet<string> Artifacts =
    [
        "laneSet", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "documentation", "ioSpecification", "property", "extensionElements",
    ];

    public static ProcessDefinition? Read(XElement process, ParseContext context)
    {
        ReadProcessExtensions(process, context);
        var id = ParseContext.Id(process) ?? "";
        var nodes = new List<FlowNode>();
        var flows = new List<(XElement Element, SequenceFlow Flow)>();
        ReadScope(process, id, nodes, flows, context);
        var root = new FlowNode { Id = id, Name = (string?)process.Attribute("name"), Kind = ElementKind.Process, Line = ParseContext.Line(process) };
        var problemsBefore = context.Problems.Count;
        var definition = DefinitionLinker.Link(root, nodes, flows, context);
        return context.Problems.Count > problemsBefore ? null : definition;
    }

    public static void ReadScope(XElement container, string scopeId, List<FlowNode> nodes,
        List<(XElement, SequenceFlow)> flows, ParseContext context)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.NamespaceName != ParseContext.Bpmn)
            {
                context.Problem(child, $"Element {child.Name} is not BPMN and is not supported here");
                continue;
            }
            var name = child.Name.LocalName;
            if (Artifacts.Contains(name) || name is "incoming" or "outgoing" or "multiInstanceLoopCharacteristics"
                || name.EndsWith("EventDefinition", StringComparison.Ordinal)) continue;
            context.ElementCount++;
            if (name == "sequenceFlow")
            {
                if (FlowReader.Read(child, context) is { } flow) flows.Add((child, flow));
                continue;
            }
            if (NodeReader.Read(child, scopeId, context) is { } node)
            {
                nodes.Add(node);
                if (node.IsContainer) ReadScope(child, node.Id, nodes, flows, context);
            }
        }
    }

    private static void ReadProcessExtensions(XElement process, ParseContext context)
    {
        var extensions = process.Element(XName.Get("extensionElements", ParseContext.Bpmn));
        if (extensions is null) return;
        foreach (var element in extensions.Elements())
        {
            if (element.Name == XName.Get("userTaskForm", ParseContext.Zeebe) && ParseContext.Id(element) is { } formId)
            {
                context.EmbeddedForms[formId] = element.Value;
            }
            else if (element.Name != XName.Get("properties", ParseContext.Zeebe) && element.Name != XName.Get("versionTag", ParseContext.Zeebe))
            {
                var name = element.Name.NamespaceName == ParseContext.Zeebe ? $"zeebe:{element.Name.LocalName}" : element.Name.ToString();
                context.Problem(process, $"Extension {name} on the process is not supported");
            }
        }
    }
}

internal static class FlowReader
{
    public static SequenceFlow? Read(XElement element, ParseContext context)
    {
        var id = ParseContext.Id(element);
        var source = (string?)element.Attribute("sourceRef");
        var target = (string?)element.Attribute("targetRef");
        if (id is null || source is null || target is null)
        {
            context.Problem(element, "A sequence flow needs an id, a sourceRef and a targetRef");
            return null;
        }
        var conditionElement = element.Element(XName.Get("conditionExpression", ParseContext.Bpmn));
        var condition = conditionElement is null ? null : context.Expression(element, conditionElement.Value, "The condition");
        if (conditionElement is not null && condition is null) context.Rejected.Add(id);
        return new SequenceFlow(id, source, target, condition);
    }
}
