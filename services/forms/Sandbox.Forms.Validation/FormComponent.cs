using System.Text.Json.Nodes;
using Sandbox.Feel;

namespace Sandbox.Forms.Validation;

/// <summary>One form-js component, as far as binding and validation need it.</summary>
public sealed class FormComponent
{
    /// <summary>The form-js type (<see cref="ComponentTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>The component id, or null.</summary>
    public string? Id { get; init; }

    /// <summary>Where an input's value lives, dot separated (<c>applicant.name</c>).</summary>
    public string? Key { get; init; }

    /// <summary>Where a group or dynamic list keeps its children's data, dot separated; null for none.</summary>
    public string? Path { get; init; }

    /// <summary>The label the designer wrote.</summary>
    public string? Label { get; init; }

    /// <summary>The <c>conditional.hide</c> expression, or null.</summary>
    public FeelExpression? Hide { get; init; }

    /// <summary>
    /// True when <see cref="Hide"/> is true over <paramref name="variables"/> (<see cref="ViewerVariables"/>);
    /// a limit hit at run time counts as not hidden, as in the viewer.
    /// </summary>
    public bool IsHidden(JsonObject variables)
    {
        if (Hide is null) return false;
        try { return Hide.IsTrue(variables); }
        catch (FeelException) { return false; }
    }

    /// <summary>The <c>validate</c> rules.</summary>
    public FieldRules Rules { get; init; } = FieldRules.None;

    /// <summary>Static option values of a select, radio, checklist or taglist; null when bound to input data.</summary>
    public IReadOnlyList<JsonNode?>? Values { get; init; }

    /// <summary>The default value, or null.</summary>
    public JsonNode? DefaultValue { get; init; }

    /// <summary>
    /// <c>readonly</c>: the viewer shows and submits the initial value (the viewer's data, else
    /// <see cref="DefaultValue"/>) and lets nobody change it.
    /// </summary>
    public PropertyValue? Readonly { get; init; }

    /// <summary>True when the field is disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>A number field's allowed decimal digits.</summary>
    public int? DecimalDigits { get; init; }

    /// <summary>A number field's step.</summary>
    public decimal? Increment { get; init; }

    /// <summary>A number field that keeps its value as text.</summary>
    public bool SerializeToString { get; init; }

    /// <summary>A datetime field's subtype: <c>date</c>, <c>time</c> or <c>datetime</c>.</summary>
    public string? Subtype { get; init; }

    /// <summary>A filepicker's <c>accept</c> (<c>.pdf,image/*</c>), or null when it is an expression or absent.</summary>
    public string? Accept { get; init; }

    /// <summary>Children of a group or dynamic list.</summary>
    public IReadOnlyList<FormComponent> Components { get; init; } = [];

    /// <summary>True for an input component.</summary>
    public bool IsInput => ComponentTypes.Inputs.Contains(Type);

    /// <summary>A name for messages: the label, the key, the id or the type.</summary>
    public string DisplayName => Label ?? Key ?? Id ?? Type;
}

/// <summary>The <c>validate</c> block of a component.</summary>
public sealed class FieldRules
{
    /// <summary>No rules.</summary>
    public static FieldRules None { get; } = new();

    public PropertyValue? Required { get; init; }
    public string? Pattern { get; init; }
    public PropertyValue? Min { get; init; }
    public PropertyValue? Max { get; init; }
    public PropertyValue? MinLength { get; init; }
    public PropertyValue? MaxLength { get; init; }

    /// <summary><c>email</c>, <c>phone</c>, <c>custom</c> or null.</summary>
    public string? ValidationType { get; init; }
}
