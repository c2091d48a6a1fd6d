using System.Text.Json.Nodes;

namespace Sandbox.Forms.Benchmarks;

/// <summary>
/// A 40-field form with 10 hide rules, shaped like a school transport application: text, numbers, choices, dates,
/// checkboxes, a group, and rules that read other fields.
/// </summary>
public static class BenchForm
{
    public static string Schema(string id)
    {
        var components = new JsonArray();
        for (var i = 0; i < 40; i++)
        {
            var c = (i % 5) switch
            {
                0 => new JsonObject { ["type"] = "textfield", ["key"] = $"text{i}", ["label"] = $"Text {i}", ["validate"] = new JsonObject { ["required"] = true, ["maxLength"] = 100 } },
                1 => new JsonObject { ["type"] = "number", ["key"] = $"number{i}", ["validate"] = new JsonObject { ["min"] = 0, ["max"] = 1000 } },
                2 => new JsonObject { ["type"] = "select", ["key"] = $"choice{i}", ["values"] = new JsonArray(Option("a"), Option("b"), Option("c")) },
                3 => new JsonObject { ["type"] = "textfield", ["key"] = $"email{i}", ["validate"] = new JsonObject { ["validationType"] = "email" } },
                _ => new JsonObject { ["type"] = "datetime", ["subtype"] = "date", ["key"] = $"date{i}" },
            };
            // Ten fields hide on a rule over an earlier number field.
            if (i % 4 == 3) c["conditional"] = new JsonObject { ["hide"] = $"=number1 > {i * 10}" };
            components.Add(c);
        }
        return new JsonObject { ["id"] = id, ["type"] = "default", ["schemaVersion"] = 16, ["components"] = components }.ToJsonString();
    }

    public static JsonObject ValidData(int salt = 0)
    {
        var data = new JsonObject();
        for (var i = 0; i < 40; i++)
        {
            switch (i % 5)
            {
                case 0: data[$"text{i}"] = $"Anna {salt}"; break;
                case 1: data[$"number{i}"] = i == 1 ? 150 : i; break;
                case 2: data[$"choice{i}"] = "b"; break;
                case 3: data[$"email{i}"] = "anna@example.se"; break;
                default: data[$"date{i}"] = "2026-05-01"; break;
            }
        }
        return data;
    }

    private static JsonObject Option(string v) => new() { ["label"] = v.ToUpperInvariant(), ["value"] = v };
}
