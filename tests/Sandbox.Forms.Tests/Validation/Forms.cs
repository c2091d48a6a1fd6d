using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Tests.Validation;

internal static class Forms
{
    public static FormSchema Schema(string componentsJson) =>
        FormSchema.Parse($$"""{ "id": "test", "type": "default", "components": {{componentsJson}} }""");

    public static FormValidationResult Validate(string componentsJson, string dataJson, string language = "en") =>
        FormValidator.Validate(Schema(componentsJson), JsonNode.Parse(dataJson)!.AsObject(), language);

    public static FormSchema File(string name) =>
        FormSchema.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "forms", name)));

    public static FormValidationResult Validate(FormSchema schema, string dataJson) =>
        FormValidator.Validate(schema, JsonNode.Parse(dataJson)!.AsObject());
}
