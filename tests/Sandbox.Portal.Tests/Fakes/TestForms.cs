using System.Text.Json.Nodes;

namespace Sandbox.Portal.Tests.Fakes;

/// <summary>form-js schemas used by the fakes.</summary>
public static class TestForms
{

    /// <summary>Two pages (top-level groups): the guardian and child, then the school and a medical attachment.</summary>
    public static JsonObject Application() => JsonNode.Parse("""
        {
          "id": "school-transport-application", "type": "default", "title": "Skoleskyss",
          "components": [
            { "type": "group", "id": "g1", "label": "Om deg og barnet", "components": [
              { "type": "textfield", "id": "f1", "key": "guardianName", "label": "Ditt navn", "validate": { "required": true } },
              { "type": "select", "id": "f2", "key": "child", "label": "Barn", "valuesKey": "children" },
              { "type": "textfield", "id": "f5", "key": "address", "label": "Adresse" }
            ] },
            { "type": "group", "id": "g2", "label": "Skole", "components": [
              { "type": "textfield", "id": "f3", "key": "school", "label": "Skole", "validate": { "required": true } },
              { "type": "filepicker", "id": "f4", "key": "medical", "label": "Legeerklæring" }
            ] }
          ]
        }
        """)!.AsObject();

    /// <summary>A one-page review form with a required decision.</summary>
    public static JsonObject Review() => JsonNode.Parse("""
        {
          "id": "school-transport-review", "type": "default", "title": "Vurdering",
          "components": [
            { "type": "radio", "id": "r1", "key": "decision", "label": "Vedtak", "validate": { "required": true },
              "values": [ { "label": "Innvilget", "value": "approved" }, { "label": "Avslått", "value": "rejected" } ] },
            { "type": "textarea", "id": "r2", "key": "comment", "label": "Begrunnelse" }
          ]
        }
        """)!.AsObject();
}
