using System.Xml;
using System.Xml.Linq;

namespace Sandbox.Workflow.Engine.Parsing;

// Loads XML with no DTD, no entity expansion, no external resolution, and bounded size and depth.
internal static class SafeXml
{
    public static XDocument? Load(byte[] bytes, BpmnParserOptions options, List<DeploymentProblem> problems) =>
        Load(bytes.Length, settings => XmlReader.Create(new MemoryStream(bytes), settings), options, problems);

    // Text is read as text, so an encoding named in its declaration does not matter.
    public static XDocument? Load(string text, BpmnParserOptions options, List<DeploymentProblem> problems) =>
        Load(text.Length, settings => XmlReader.Create(new StringReader(text), settings), options, problems);

    private static XDocument? Load(long size, Func<XmlReaderSettings, XmlReader> open, BpmnParserOptions options, List<DeploymentProblem> problems)
    {
        if (size > options.MaxBytes)
        {
            problems.Add(new(null, "definitions", 0, $"The file is {size} bytes; at most {options.MaxBytes} are accepted"));
            return null;
        }
        try
        {
            CheckDepth(open(Settings(options)), options);
            using var reader = open(Settings(options));
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            problems.Add(new(null, "definitions", e.LineNumber, $"The XML cannot be read safely: {e.Message}"));
            return null;
        }
    }

    // A first pass with a streaming reader, so a deeply nested file is refused before any tree is built.
    private static void CheckDepth(XmlReader opened, BpmnParserOptions options)
    {
        using var reader = opened;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= options.MaxDepth)
            {
                var line = ((IXmlLineInfo)reader).LineNumber;
                throw new XmlException($"Elements are nested deeper than {options.MaxDepth} levels", null, line, 0);
            }
        }
    }

    private static XmlReaderSettings Settings(BpmnParserOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1,
        MaxCharactersInDocument = options.MaxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };
}
