using System.Xml.Linq;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

internal sealed record EventParts(EventTrigger Trigger, TimerDefinition? Timer, MessageDefinition? Message, string? ErrorCode);

// Reads the event definition of an event (and the message of a receive task).
internal static class EventReader
{
    public static EventParts Read(XElement element, ElementKind kind, ParseContext context)
    {
        if (kind == ElementKind.ReceiveTask) return new(EventTrigger.Message, null, Message(element, element, true, context), null);
        var definitions = element.Elements().Where(e => e.Name.NamespaceName == ParseContext.Bpmn
            && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
        if (element.Elements(XName.Get("eventDefinitionRef", ParseContext.Bpmn)).Any())
        {
            context.Problem(element, "Event definitions referenced by eventDefinitionRef are not supported");
        }
        if (definitions.Count == 0) return new(EventTrigger.None, null, null, null);
        if (definitions.Count > 1)
        {
            context.Problem(element, "An event with more than one event definition (multiple event) is not supported");
            return new(EventTrigger.None, null, null, null);
        }
        var definition = definitions[0];
        return definition.Name.LocalName switch
        {
            "timerEventDefinition" => new(EventTrigger.Timer, Timer(element, definition, context), null, null),
            "messageEventDefinition" => new(EventTrigger.Message, null,
                Message(element, definition, NeedsCorrelationKey(element, kind), context), null),
            "errorEventDefinition" => new(EventTrigger.Error, null, null, ErrorCode(element, definition, context)),
            "terminateEventDefinition" => new(EventTrigger.Terminate, null, null, null),
            var other => Unsupported(element, other, context),
        };
    }

    // Catch events correlate by key; a process's message start event does not (it starts a new instance).
    private static bool NeedsCorrelationKey(XElement element, ElementKind kind) =>
        kind is not (ElementKind.StartEvent or ElementKind.EndEvent or ElementKind.IntermediateThrowEvent)
        || (kind == ElementKind.StartEvent && (string?)element.Parent?.Attribute("triggeredByEvent") == "true");

    private static EventParts Unsupported(XElement element, string definition, ParseContext context)
    {
        var what = definition.Replace("EventDefinition", "", StringComparison.Ordinal);
        context.Problem(element, $"{char.ToUpperInvariant(what[0])}{what[1..]} events are not supported");
        return new(EventTrigger.None, null, null, null);
    }

    private static TimerDefinition? Timer(XElement element, XElement definition, ParseContext context)
    {
        var values = definition.Elements().ToList();
        if (values.Count != 1)
        {
            context.Problem(element, "A timer needs exactly one of timeDuration, timeDate or timeCycle");
            return null;
        }
        var kind = values[0].Name.LocalName switch
        {
            "timeDuration" => TimerKind.Duration,
            "timeDate" => TimerKind.Date,
            "timeCycle" => TimerKind.Cycle,
            _ => (TimerKind?)null,
        };
        var text = values[0].Value.Trim();
        if (kind is null || text.Length == 0)
        {
            context.Problem(element, "A timer needs a timeDuration, timeDate or timeCycle value");
            return null;
        }
        var timer = new TimerDefinition(kind.Value, context.Property(element, text, "The timer expression")!);
        if (!Sandbox.Feel.FeelEngine.IsExpression(text) && Execution.TimerSchedule.CheckLiteral(timer) is { } error)
        {
            context.Problem(element, error);
        }
        return timer;
    }

    private static MessageDefinition? Message(XElement element, XElement definition, bool needsKey, ParseContext context)
    {
        var reference = (string?)definition.Attribute("messageRef");
        if (reference is null || !context.Messages.TryGetValue(reference, out var message) || (string?)message.Attribute("name") is not { Length: > 0 } name)
        {
            if (needsKey || element.Name.LocalName == "startEvent") context.Problem(element, "The message event needs a messageRef to a message with a name");
            return null;
        }
        context.Property(element, name, "The message name");
        var subscription = message.Element(XName.Get("extensionElements", ParseContext.Bpmn))?.Element(XName.Get("subscription", ParseContext.Zeebe));
        var key = (string?)subscription?.Attribute("correlationKey");
        if (needsKey && string.IsNullOrWhiteSpace(key))
        {
            context.Problem(element, $"Message '{name}' needs a zeebe:subscription correlationKey");
        }
        return new MessageDefinition(name, needsKey ? context.Property(element, key, "The correlation key") : null);
    }

    private static string? ErrorCode(XElement element, XElement definition, ParseContext context)
    {
        var reference = (string?)definition.Attribute("errorRef");
        string? code = null;
        if (reference is not null && context.Errors.TryGetValue(reference, out var error)) code = (string?)error.Attribute("errorCode");
        if (element.Name.LocalName == "endEvent" && string.IsNullOrEmpty(code))
        {
            context.Problem(element, "An error end event needs an errorRef to an error with an errorCode");
        }
        return string.IsNullOrEmpty(code) ? null : code;
    }
}
