using System.Xml.Linq;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

// Attributes and child elements that would change behaviour in ways the engine does not implement.
internal static class AttributeRules
{
    private static readonly HashSet<string> AllowedChildren =
    [
        "incoming", "outgoing", "documentation", "extensionElements", "multiInstanceLoopCharacteristics",
        "dataInputAssociation", "dataOutputAssociation", "ioSpecification", "property", "dataInput", "dataOutput",
        "inputSet", "outputSet",
    ];

    public static void Check(XElement element, ElementKind kind, ParseContext context)
    {
        if ((string?)element.Attribute("isForCompensation") == "true") context.Problem(element, "Compensation is not supported");
        foreach (var quantity in new[] { "startQuantity", "completionQuantity" })
        {
            if ((string?)element.Attribute(quantity) is { } value && value != "1") context.Problem(element, $"{quantity}={value} is not supported (only 1)");
        }
        if ((string?)element.Attribute("parallelMultiple") == "true") context.Problem(element, "Parallel multiple events are not supported");
        if (kind is ElementKind.SubProcess or ElementKind.EventSubProcess) return;
        foreach (var child in element.Elements().Where(c => c.Name.NamespaceName == ParseContext.Bpmn))
        {
            var name = child.Name.LocalName;
            if (AllowedChildren.Contains(name) || name.EndsWith("EventDefinition", StringComparison.Ordinal) || name == "eventDefinitionRef") continue;
            context.Problem(element, name switch
            {
                "script" => "Inline scripts are not supported; give a FEEL expression in zeebe:script",
                "standardLoopCharacteristics" => "Standard loops are not supported; use multi-instance",
                "humanPerformer" or "potentialOwner" or "performer" => "BPMN resource assignments are not supported; use zeebe:assignmentDefinition",
                _ => $"Child element {name} is not supported",
            });
        }
    }
}

// What each element type needs in order to run.
internal static class KindRules
{
    public static void Check(XElement element, FlowNode node, ZeebeParts zeebe, ParseContext context)
    {
        void Need(bool ok, string reason)
        {
            if (!ok) context.Problem(element, reason);
        }
        var trigger = node.Trigger;
        switch (node.Kind)
        {
            case ElementKind.ServiceTask or ElementKind.SendTask:
                Need(node.Job is { Type.Length: > 0 }, "The task needs a zeebe:taskDefinition with a type");
                break;
            case ElementKind.ScriptTask:
                Need(node.Script is not null || node.Job is { Type.Length: > 0 }, "The script task needs a zeebe:script expression or a zeebe:taskDefinition");
                break;
            case ElementKind.CallActivity:
                Need(node.Call is not null, "The call activity needs a zeebe:calledElement processId");
                break;
            case ElementKind.StartEvent:
                Need(trigger is EventTrigger.None or EventTrigger.Message or EventTrigger.Timer or EventTrigger.Error, $"{trigger} start events are not supported");
                break;
            case ElementKind.EndEvent or ElementKind.IntermediateThrowEvent:
                Need(trigger is EventTrigger.None or EventTrigger.Message or EventTrigger.Error or EventTrigger.Terminate, $"{trigger} throw events are not supported");
                Need(node.Kind == ElementKind.EndEvent || trigger is EventTrigger.None or EventTrigger.Message, $"{trigger} intermediate throw events are not supported");
                Need(trigger != EventTrigger.Message || node.Job is { Type.Length: > 0 }, "A message throw event needs a zeebe:taskDefinition (a worker sends the message)");
                break;
            case ElementKind.IntermediateCatchEvent:
                Need(trigger is EventTrigger.Timer or EventTrigger.Message, "An intermediate catch event needs a timer or message definition");
                break;
            case ElementKind.BoundaryEvent:
                Need(node.AttachedToId is not null, "The boundary event needs an attachedToRef");
                Need(trigger is EventTrigger.Timer or EventTrigger.Error or EventTrigger.Message, $"{trigger} boundary events are not supported");
                Need(trigger != EventTrigger.Error || node.Interrupting, "An error boundary event is always interrupting");
                break;
        }
        var startForm = node.Kind == ElementKind.StartEvent && trigger == EventTrigger.None && zeebe.Assignment is null && zeebe.Schedule is null;
        if (node.Kind != ElementKind.UserTask && !startForm && (zeebe.Form ?? zeebe.Assignment ?? zeebe.Schedule) is not null)
        {
            context.Problem(element, "Form, assignment and schedule extensions belong on user tasks (a form also on a none start event)");
        }
    }
}

internal static class LoopReader
{
    public static MultiInstanceDefinition? Read(XElement element, ZeebeParts zeebe, ParseContext context)
    {
        var loop = element.Element(XName.Get("multiInstanceLoopCharacteristics", ParseContext.Bpmn));
        if (loop is null) return null;
        if (loop.Element(XName.Get("loopCardinality", ParseContext.Bpmn)) is not null)
        {
            context.Problem(element, "A loop cardinality is not supported; give zeebe:loopCharacteristics inputCollection");
        }
        var settings = loop.Element(XName.Get("extensionElements", ParseContext.Bpmn))?.Element(XName.Get("loopCharacteristics", ParseContext.Zeebe)) ?? zeebe.Loop;
        var collection = context.Expression(element, (string?)settings?.Attribute("inputCollection"), "The multi-instance inputCollection");
        var outputElement = (string?)settings?.Attribute("outputElement");
        var completion = loop.Element(XName.Get("completionCondition", ParseContext.Bpmn))?.Value;
        var definition = collection is null ? null : new MultiInstanceDefinition(
            (string?)loop.Attribute("isSequential") == "true", collection, (string?)settings?.Attribute("inputElement"),
            (string?)settings?.Attribute("outputCollection"),
            outputElement is null ? null : context.Expression(element, outputElement, "The multi-instance outputElement"),
            string.IsNullOrWhiteSpace(completion) ? null : context.Expression(element, completion, "The completion condition"));
        return definition;
    }
}
