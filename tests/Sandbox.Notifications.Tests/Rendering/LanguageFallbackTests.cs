using Sandbox.Notifications.Templates;

namespace Sandbox.Notifications.Tests.Rendering;

public class LanguageFallbackTests
{
    [Theory]
    [InlineData("nn", "NO", "nn,nb,en,sv,fi,se")]
    [InlineData("nb", "NO", "nb,nn,en,sv,fi,se")]
    [InlineData("se", "NO", "se,nb,nn,en,sv,fi")]
    [InlineData("se", "SE", "se,sv,en,nb,nn,fi")]
    [InlineData("se", "FI", "se,fi,en,sv,nb,nn")]
    [InlineData("fi", "SE", "fi,sv,en,nb,nn,se")]
    [InlineData("sv", "FI", "sv,fi,en,nb,nn,se")]
    [InlineData("en", "NO", "en,nb,sv,nn,fi,se")]
    public void FallbackOrder_IsFixed(string language, string country, string expected) =>
        Assert.Equal(expected.Split(','), Languages.FallbackOrder(language, country));

    [Theory]
    [InlineData(new[] { "sv", "en" }, "nn", "NO", "en")]
    [InlineData(new[] { "sv", "nb", "en" }, "nn", "NO", "nb")]
    [InlineData(new[] { "sv", "en" }, "se", "SE", "sv")]
    [InlineData(new[] { "fi", "sv" }, "se", "FI", "fi")]
    [InlineData(new[] { "nn", "en" }, "se", "NO", "nn")]
    [InlineData(new[] { "fi" }, "nb", "NO", "fi")]
    [InlineData(new[] { "en", "fi" }, "sv", "SE", "en")]
    public void Choose_TakesTheFirstAvailableInOrder(string[] available, string language, string country, string expected) =>
        Assert.Equal(expected, Languages.Choose(available, language, country));
}
