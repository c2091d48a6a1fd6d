namespace Sandbox.Feel.Tests.Features;

/// <summary>
/// Expressions as they appear in the shared form-js and Camunda 8 sample models (hide rules, validation
/// bounds, gateway conditions, input mappings), evaluated through the property resolver the services use.
/// </summary>
public class ModelExpressionTests
{
    [Theory]
    [InlineData("=amount <= 2", """{"amount": 1}""", "true")]
    [InlineData("=not(approved)", """{"approved": false}""", "true")]
    [InlineData("=totalPrice > 100", """{"totalPrice": 100}""", "false")]
    [InlineData("=some item in cargo_items satisfies not(item.is_legal)", """{"cargo_items": [{"is_legal": true}]}""", "false")]
    [InlineData("={\n  item: item,\n  is_legal: is_legal\n}", """{"item": "crate", "is_legal": true}""", """{"item":"crate","is_legal":true}""")]
    [InlineData("={\nremainingAllowance: loanOptions.maxAllowance - loanOptions.currentlyUsed,\nrestAfterNewLoan: remainingAllowance - offeredAdditionalLoan\n        }.restAfterNewLoan < 0",
        """{"loanOptions": {"maxAllowance": 20000, "currentlyUsed": 5000}, "offeredAdditionalLoan": 18000}""", "true")]
    [InlineData("=this.hideElement", """{"this": {"hideElement": true}}""", "true")]
    [InlineData("=minLength", """{"minLength": 3}""", "3")]
    [InlineData("=null", "{}", "null")]
    [InlineData("PT2H", "{}", "\"PT2H\"")]
    [InlineData("R/P1D", "{}", "\"R/P1D\"")]
    public void ModelProperty_Resolves(string property, string variables, string expected)
    {
        var value = FeelEngine.Default.ResolveProperty(property, System.Text.Json.Nodes.JsonNode.Parse(variables)!.AsObject());
        Assert.Equal(expected, value.ToJsonNode()?.ToJsonString() ?? "null");
    }
}
