using System.Xml.Linq;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

// Reads one flow element into a FlowNode, reporting what is missing or not supported.
internal static class NodeReader
{
    private static readonly Dictionary<string, ElementKind> Kinds = new()
    {
        ["startEvent"] = ElementKind.StartEvent,
        ["endEvent"] = ElementKind.EndEvent,
        ["intermediateCatchEvent"] = ElementKind.IntermediateCatchEvent,
        ["intermediateThrowEvent"] = ElementKind.IntermediateThrowEvent,
        ["boundaryEvent"] = ElementKind.BoundaryEvent,
        ["serviceTask"] = ElementKind.ServiceTask,
        ["sendTask"] = ElementKind.SendTask,
        ["userTask"] = ElementKind.UserTask,
        ["scriptTask"] = ElementKind.ScriptTask,
        ["receiveTask"] = ElementKind.ReceiveTask,
        ["manualTask"] = ElementKind.ManualTask,
        ["task"] = ElementKind.ManualTask,
        ["exclusiveGateway"] = ElementKind.ExclusiveGateway,
        ["parallelGateway"] = ElementKind.ParallelGateway,
        ["inclusiveGateway"] = ElementKind.InclusiveGateway,
        ["eventBasedGateway"] = ElementKind.EventBasedGateway,
        ["subProcess"] = ElementKind.SubProcess,
        ["callActivity"] = ElementKind.CallActivity,
    };

    private static readonly Dictionary<string, string> KnownUnsupported = new()
    {
        ["businessRuleTask"] = "Business rule tasks (DMN decisions) are not supported yet",
        ["transaction"] = "Transaction subprocesses are not supported",
        ["adHocSubProcess"] = "Ad-hoc subprocesses are not supported",
        ["complexGateway"] = "Complex gateways are not supported",
        ["callChoreography"] = "Choreographies are not executable",
    };

    public static FlowNode? Read(XElement element, string scopeId, ParseContext context)
    {
        var type = element.Name.LocalName;
        if (!Kinds.TryGetValue(type, out var kind))
        {
            context.Problem(element, KnownUnsupported.GetValueOrDefault(type, $"Element {type} is not supported"));
            if (ParseContext.Id(element) is { } rejected) context.Rejected.Add(rejected);
            return null;
        }
        if (ParseContext.Id(element) is not { } id)
        {
            context.Problem(element, "The element has no id");
            return null;
        }
        if (kind == ElementKind.SubProcess && (string?)element.Attribute("triggeredByEvent") == "true") kind = ElementKind.EventSubProcess;
        var problemsBefore = context.Problems.Count;
        AttributeRules.Check(element, kind, context);
        var events = EventReader.Read(element, kind, context);
        var zeebe = ZeebeReader.Read(element, context);
        var node = new FlowNode
        {
            Id = id,
            Name = (string?)element.Attribute("name"),
            Kind = kind,
            Trigger = events.Trigger,
            ScopeId = scopeId,
            Line = ParseContext.Line(element),
            DefaultFlowId = (string?)element.Attribute("default"),
            AttachedToId = (string?)element.Attribute("attachedToRef"),
            Interrupting = (string?)element.Attribute(kind == ElementKind.BoundaryEvent ? "cancelActivity" : "isInterrupting") != "false",
            Mapping = zeebe.Mapping,
            Job = zeebe.Job,
            UserTask = kind == ElementKind.UserTask ? zeebe.UserTask(context) : null,
            StartForm = kind == ElementKind.StartEvent && zeebe.Form is { } form
                ? new StartFormDefinition((string?)form.Attribute("formId"), (string?)form.Attribute("formKey")) : null,
            Script = zeebe.Script,
            Timer = events.Timer,
            Message = events.Message,
            ErrorCode = events.ErrorCode,
            Call = zeebe.Call,
            Loop = LoopReader.Read(element, zeebe, context),
        };
        // What an element lacks is only worth saying when what it has is supported.
        if (context.Problems.Count == problemsBefore) KindRules.Check(element, node, zeebe, context);
        return node;
    }
}
