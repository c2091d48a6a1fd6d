using System.Xml;
using System.Xml.Linq;
using Sandbox.Feel;

namespace Sandbox.Workflow.Engine.Parsing;

// What the readers share while one file is parsed: the FEEL compiler, definitions-level references and the problems.
internal sealed class ParseContext(FeelEngine feel, List<DeploymentProblem> problems)
{
    public const string Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public const string Zeebe = "http://camunda.org/schema/zeebe/1.0";

    public Dictionary<string, XElement> Messages { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, XElement> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> EmbeddedForms { get; } = new(StringComparer.Ordinal);
    public List<DeploymentProblem> Problems => problems;

    // Elements already reported as unsupported: flows to them are not reported again.
    public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);
    public int ElementCount { get; set; }

    public static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static string? Id(XElement element) => (string?)element.Attribute("id");

    public void Problem(XElement element, string reason) =>
        problems.Add(new(Id(element), element.Name.LocalName, Line(element), reason));

    // Compiles a FEEL expression; a compile error becomes a problem on the element.
    public FeelExpression? Expression(XElement element, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(element, $"{what} is empty");
            return null;
        }
        try
        {
            return feel.Compile(text);
        }
        catch (FeelException e)
        {
            Problem(element, $"{what} is not valid FEEL: {e.Message}");
            return null;
        }
    }

    // A property that may be a literal or an expression: only an expression is compiled (to check it).
    public string? Property(XElement element, string? text, string what)
    {
        if (FeelEngine.IsExpression(text)) Expression(element, text, what);
        return text;
    }
}
