using System.Text.Json.Nodes;
using Sandbox.Notifications.Hosting;
using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Tests.Rendering;

public class RenderingTests
{
    private static readonly NotificationsOptions Options = new()
    {
        Tenants = new(StringComparer.OrdinalIgnoreCase)
        {
            ["uppsala"] = new TenantBranding { Name = "Uppsala kommun", Country = "SE" },
            ["bergen"] = new TenantBranding { Name = "Bergen kommune", Country = "NO", LogoUrl = "https://bergen.example/logo.png" },
        },
    };

    private static readonly MessageRenderer Renderer = new(new LiquidTemplates(), Options);

    private static Dictionary<string, TemplateVariant> AllLanguages() => Languages.Supported.ToDictionary(
        l => l, l => new TemplateVariant($"[{l}] {{{{ reference }}}}", $"[{l}] Hej {{{{ name }}}}\n\nÄrende {{{{ reference }}}}"));

    private static JsonObject Data(string name = "Anna") => new() { ["name"] = name, ["reference"] = "SKS-2026-000001" };

    [Theory]
    [InlineData("sv")]
    [InlineData("nb")]
    [InlineData("nn")]
    [InlineData("fi")]
    [InlineData("en")]
    [InlineData("se")]
    public void Render_EveryLanguage_UsesItsOwnVariantAndLangAttribute(string language)
    {
        var message = Renderer.Render(Channels.Email, AllLanguages(), language, "bergen", Data(), Guid.NewGuid());
        Assert.Equal(language, message.Language);
        Assert.Equal($"[{language}] SKS-2026-000001", message.Subject);
        Assert.StartsWith($"[{language}] Hej Anna", message.Text);
        Assert.Contains($"<html lang=\"{language}\">", message.Html);
        Assert.Contains("Bergen kommune", message.Html);
    }

    [Theory]
    [InlineData("nn", "bergen", "nb")]
    [InlineData("se", "bergen", "nb")]
    [InlineData("se", "uppsala", "sv")]
    [InlineData("fi", "uppsala", "sv")]
    public void Render_MissingLanguage_FallsBackInTheDocumentedOrder(string language, string tenant, string expected)
    {
        var variants = AllLanguages().Where(v => v.Key is "sv" or "nb" or "en").ToDictionary();
        var message = Renderer.Render(Channels.Email, variants, language, tenant, Data(), Guid.NewGuid());
        Assert.Equal(expected, message.Language);
        Assert.Contains($"<html lang=\"{expected}\">", message.Html);
    }

    [Fact]
    public void Render_DataWithMarkup_ArrivesAsTextInTheHtml()
    {
        var message = Renderer.Render(Channels.Email, AllLanguages(), "sv", "uppsala", Data("<script>alert('x')</script>"), Guid.NewGuid());
        Assert.DoesNotContain("<script>", message.Html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", message.Html);
        Assert.Contains("<script>alert('x')</script>", message.Text);
    }

    [Fact]
    public void Render_HtmlVariant_KeepsTheDesignersMarkupAndEncodesTheData()
    {
        var variants = new Dictionary<string, TemplateVariant>
        {
            ["sv"] = new("Hej", "Hej {{ name }}", "<p><strong>Hej</strong> {{ name }}</p>"),
        };
        var message = Renderer.Render(Channels.Email, variants, "sv", "uppsala", Data("<b>Anna</b>"), Guid.NewGuid());
        Assert.Contains("<p><strong>Hej</strong> &lt;b&gt;Anna&lt;/b&gt;</p>", message.Html);
    }

    [Fact]
    public void Render_MissingVariables_ListsEveryNameAndRendersNothing()
    {
        var variants = new Dictionary<string, TemplateVariant>
        {
            ["sv"] = new("{{ reference }}", "Hej {{ guardianName }}, {{ child.firstName }} {{ child.lastName }}. {{ school | upcase }}"),
        };
        var data = new JsonObject { ["reference"] = "R-1", ["child"] = new JsonObject { ["firstName"] = "Ella" } };
        var error = Assert.Throws<MissingVariablesException>(() => Renderer.Render(Channels.Email, variants, "sv", "uppsala", data, Guid.NewGuid()));
        Assert.Equal(["guardianName", "child.lastName", "school"], error.Names);
    }

    [Fact]
    public void Render_OptionalValues_AreNotRequired()
    {
        var variants = new Dictionary<string, TemplateVariant>
        {
            ["sv"] = new("Hej", "{% if note %}{{ note }}{% endif %}{{ extra | default: 'inget' }}{% for c in children %}{{ c.name }},{% endfor %}{% assign x = 'y' %}{{ x }}"),
        };
        var data = new JsonObject { ["children"] = new JsonArray(new JsonObject { ["name"] = "Ella" }, new JsonObject { ["name"] = "Noah" }) };
        var message = Renderer.Render(Channels.Sms, variants, "sv", "uppsala", data, Guid.NewGuid());
        Assert.Equal("ingetElla,Noah,y", message.Text);
        Assert.Null(message.Html);
    }

    [Fact]
    public void Layout_IsAccessible_AndCarriesTheMarker()
    {
        var id = Guid.NewGuid();
        var message = Renderer.Render(Channels.Email, AllLanguages(), "se", "bergen", Data(), id);
        Assert.Contains("<html lang=\"se\">", message.Html);
        Assert.Contains("<footer lang=\"nb\"", message.Html); // no Sami footer text: the tenant's language, marked as such
        Assert.Contains("alt=\"Bergen kommune\"", message.Html);
        Assert.Contains("<h1", message.Html);
        Assert.Equal(id, EmailLayout.FindMarker(message.Html));
    }

    [Theory]
    [InlineData("error invoking output binding email: smtp binding error: 5.1.1 Recipient address rejected", true)]
    [InlineData("gomail: could not send email 1: 550 5.1.1 <x@y>: Recipient address rejected", true)]
    [InlineData("smtp binding error: 4.3.0 Temporary failure, try again later", false)]
    [InlineData("smtp binding error: Connection refused 127.0.0.1:2525", false)]
    [InlineData("smtp binding error: 421 Service not available", false)]
    public void Classifier_TellsPermanentFromTransient(string detail, bool permanent) =>
        Assert.Equal(permanent, Sending.DaprBindingSender.IsPermanent(detail));
}
