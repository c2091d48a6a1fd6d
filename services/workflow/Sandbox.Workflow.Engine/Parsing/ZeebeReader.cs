using System.Collections.Immutable;
using System.Xml.Linq;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

// The zeebe:* extension elements found on one flow element.
internal sealed class ZeebeParts
{
    public HashSet<string> Present { get; } = new(StringComparer.Ordinal);
    public IoMapping Mapping { get; set; } = IoMapping.Empty;
    public JobDefinition? Job { get; set; }
    public ScriptDefinition? Script { get; set; }
    public CallDefinition? Call { get; set; }
    public XElement? Form { get; set; }
    public XElement? Assignment { get; set; }
    public XElement? Schedule { get; set; }
    public XElement? Loop { get; set; }

    public UserTaskDefinition UserTask(ParseContext context)
    {
        var formKey = (string?)Form?.Attribute("formKey");
        string? embedded = null;
        const string prefix = "camunda-forms:bpmn:";
        if (formKey is not null && formKey.StartsWith(prefix, StringComparison.Ordinal)
            && !context.EmbeddedForms.TryGetValue(formKey[prefix.Length..], out embedded))
        {
            context.Problem(Form!, $"The form key '{formKey}' points at no zeebe:userTaskForm in the process");
        }
        return new UserTaskDefinition(
            (string?)Form?.Attribute("formId"), formKey ?? (string?)Form?.Attribute("externalReference"), embedded,
            Checked(Assignment, "assignee", context), Checked(Assignment, "candidateGroups", context),
            Checked(Assignment, "candidateUsers", context), Checked(Schedule, "dueDate", context),
            Checked(Schedule, "followUpDate", context));
    }

    private static string? Checked(XElement? element, string attribute, ParseContext context) =>
        element is null ? null : context.Property(element, (string?)element.Attribute(attribute), attribute);
}

internal static class ZeebeReader
{
    private static readonly HashSet<string> Known =
    [
        "taskDefinition", "taskHeaders", "ioMapping", "formDefinition", "userTask", "assignmentDefinition",
        "taskSchedule", "script", "calledElement", "loopCharacteristics", "properties",
    ];

    public static ZeebeParts Read(XElement element, ParseContext context)
    {
        var parts = new ZeebeParts();
        foreach (var extension in element.Element(XName.Get("extensionElements", ParseContext.Bpmn))?.Elements() ?? [])
        {
            var name = extension.Name.LocalName;
            if (extension.Name.NamespaceName != ParseContext.Zeebe || !Known.Contains(name))
            {
                var prefix = extension.Name.NamespaceName == ParseContext.Zeebe ? "zeebe:" : $"{{{extension.Name.NamespaceName}}}";
                context.Problem(element, $"Extension {prefix}{name} is not supported");
                continue;
            }
            parts.Present.Add(name);
            switch (name)
            {
                case "taskDefinition": parts.Job = Job(element, extension, parts.Job, context); break;
                case "taskHeaders": parts.Job = (parts.Job ?? new("", "3", ImmutableDictionary<string, string>.Empty)) with { Headers = Headers(extension) }; break;
                case "ioMapping": parts.Mapping = Mappings(element, extension, context); break;
                case "formDefinition": parts.Form = extension; break;
                case "assignmentDefinition": parts.Assignment = extension; break;
                case "taskSchedule": parts.Schedule = extension; break;
                case "script": parts.Script = Script(element, extension, context); break;
                case "calledElement": parts.Call = Call(element, extension, context); break;
                case "loopCharacteristics": parts.Loop = extension; break;
            }
        }
        return parts;
    }

    private static JobDefinition Job(XElement element, XElement extension, JobDefinition? headersSoFar, ParseContext context)
    {
        var type = (string?)extension.Attribute("type");
        if (string.IsNullOrWhiteSpace(type)) context.Problem(element, "zeebe:taskDefinition needs a type");
        var retries = (string?)extension.Attribute("retries") ?? "3";
        if (!Sandbox.Feel.FeelEngine.IsExpression(retries) && !int.TryParse(retries, out _))
        {
            context.Problem(element, $"zeebe:taskDefinition retries '{retries}' is not a number");
        }
        return new JobDefinition(context.Property(element, type, "The job type") ?? "", context.Property(element, retries, "The retries")!,
            headersSoFar?.Headers ?? ImmutableDictionary<string, string>.Empty);
    }

    private static ImmutableDictionary<string, string> Headers(XElement extension) =>
        extension.Elements(XName.Get("header", ParseContext.Zeebe))
            .Select(h => ((string?)h.Attribute("key") ?? "", (string?)h.Attribute("value") ?? ""))
            .GroupBy(h => h.Item1).ToImmutableDictionary(g => g.Key, g => g.Last().Item2);

    private static IoMapping Mappings(XElement element, XElement extension, ParseContext context)
    {
        ImmutableArray<VariableMapping> Read(string kind) =>
        [
            .. extension.Elements(XName.Get(kind, ParseContext.Zeebe)).Select(m =>
            {
                var target = (string?)m.Attribute("target");
                var source = (string?)m.Attribute("source");
                if (string.IsNullOrWhiteSpace(target)) context.Problem(element, $"A zeebe:{kind} mapping needs a target");
                // Camunda treats a source without "=" as a FEEL expression too (Modeler always writes the "=").
                var expression = context.Expression(element, string.IsNullOrWhiteSpace(source) ? "null" : source, $"The {kind} mapping to '{target}'");
                return expression is null || string.IsNullOrWhiteSpace(target) ? null : new VariableMapping(expression, target);
            }).OfType<VariableMapping>(),
        ];
        return new IoMapping(Read("input"), Read("output"));
    }

    private static ScriptDefinition? Script(XElement element, XElement extension, ParseContext context)
    {
        var expression = context.Expression(element, (string?)extension.Attribute("expression"), "The script");
        var result = (string?)extension.Attribute("resultVariable");
        if (string.IsNullOrWhiteSpace(result)) context.Problem(element, "zeebe:script needs a resultVariable");
        return expression is null || string.IsNullOrWhiteSpace(result) ? null : new ScriptDefinition(expression, result);
    }

    private static CallDefinition? Call(XElement element, XElement extension, ParseContext context)
    {
        var processId = (string?)extension.Attribute("processId");
        if (string.IsNullOrWhiteSpace(processId))
        {
            context.Problem(element, "zeebe:calledElement needs a processId");
            return null;
        }
        if ((string?)extension.Attribute("bindingType") is { } binding && binding != "latest")
        {
            context.Problem(element, $"zeebe:calledElement bindingType '{binding}' is not supported; only 'latest'");
        }
        return new CallDefinition(context.Property(element, processId, "The called process id")!,
            (string?)extension.Attribute("propagateAllChildVariables") != "false",
            (string?)extension.Attribute("propagateAllParentVariables") != "false");
    }
}
