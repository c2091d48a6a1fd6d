using System.Xml.Linq;

namespace Sandbox.Portal.Tests;

public sealed class ResourceTests
{
    private static readonly string Resources = Path.Combine(FindRepository(), "services", "portal", "Sandbox.Portal", "Resources");

    [Fact]
    public void EveryText_ExistsInSwedishNorwegianFinnishAndEnglish_AndIsNotEmpty()
    {
        var keys = new[] { "sv", "nb", "fi", "en" }.ToDictionary(l => l, l => XDocument.Load(Path.Combine(Resources, $"SharedResource.{l}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value));

        foreach (var (language, texts) in keys)
        {
            Assert.Equal(keys["en"].Keys.Order(), texts.Keys.Order());
            Assert.DoesNotContain(texts, t => string.IsNullOrWhiteSpace(t.Value));
        }
    }

    internal static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sandbox.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Sandbox.sln not found above the test's folder");
    }
}
