using System.Xml.Linq;
using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML as Camunda Modeler 5 and bpmn-js with zeebe-bpmn-moddle write it, into validated
/// <see cref="ProcessDefinition"/>s. The XML is read safely (no DTD, no entities, bounded size and depth).
/// Anything that would change behaviour and is not supported is reported, never ignored.
/// </summary>
public sealed class BpmnParser
{
    private readonly FeelEngine _feel;
    private readonly BpmnParserOptions _options;

    /// <summary>Creates a parser that compiles expressions with the given FEEL engine.</summary>
    public BpmnParser(FeelEngine feel, BpmnParserOptions? options = null)
    {
        _feel = feel;
        _options = options ?? new BpmnParserOptions();
    }

    /// <summary>Parses BPMN XML text (the size limit counts characters).</summary>
    public DeploymentResult Parse(string xml)
    {
        var problems = new List<DeploymentProblem>();
        return Read(SafeXml.Load(xml, _options, problems), problems);
    }

    /// <summary>Parses BPMN XML from a stream; reading stops as soon as the size limit is passed.</summary>
    public DeploymentResult Parse(Stream xml)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = xml.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxBytes) break;
        }
        return Parse(buffer.ToArray());
    }

    /// <summary>Parses BPMN XML bytes (the encoding declared in the file is honoured).</summary>
    public DeploymentResult Parse(byte[] xml)
    {
        var problems = new List<DeploymentProblem>();
        return Read(SafeXml.Load(xml, _options, problems), problems);
    }

    private DeploymentResult Read(XDocument? document, List<DeploymentProblem> problems)
    {
        if (document?.Root is not { } root) return new([], problems);
        if (root.Name != XName.Get("definitions", ParseContext.Bpmn))
        {
            problems.Add(new(null, root.Name.LocalName, ParseContext.Line(root), "The root element is not BPMN 2.0 definitions"));
            return new([], problems);
        }
        var context = new ParseContext(_feel, problems);
        var processes = ReadDefinitions(root, context);
        if (context.ElementCount > _options.MaxElements)
        {
            problems.Add(new(null, "definitions", 0, $"The file has {context.ElementCount} elements; at most {_options.MaxElements} are accepted"));
        }
        return problems.Count > 0 ? new([], problems) : new(processes, problems);
    }

    private static List<ProcessDefinition> ReadDefinitions(XElement root, ParseContext context)
    {
        foreach (var element in root.Elements(XName.Get("message", ParseContext.Bpmn))) Remember(context.Messages, element);
        foreach (var element in root.Elements(XName.Get("error", ParseContext.Bpmn))) Remember(context.Errors, element);
        var processes = root.Elements(XName.Get("process", ParseContext.Bpmn)).ToList();
        var executable = processes.Where(p => (string?)p.Attribute("isExecutable") == "true").ToList();
        if (executable.Count == 0)
        {
            if (processes.Count == 0) context.Problem(root, "The file has no process");
            foreach (var process in processes)
            {
                context.Problem(process, "The process is not executable (isExecutable is not \"true\"); nothing in this file can run");
            }
            return [];
        }
        var result = new List<ProcessDefinition>();
        foreach (var process in executable)
        {
            var definition = ProcessReader.Read(process, context);
            if (definition is not null) result.Add(definition);
        }
        return result;
    }

    private static void Remember(Dictionary<string, XElement> byId, XElement element)
    {
        if (ParseContext.Id(element) is { } id) byId[id] = element;
    }
}
