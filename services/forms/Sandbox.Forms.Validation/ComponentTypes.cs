namespace Sandbox.Forms.Validation;

/// <summary>The form-js component types the sandbox understands, and how each binds data.</summary>
public static class ComponentTypes
{
    public const string Textfield = "textfield";
    public const string Textarea = "textarea";
    public const string Number = "number";
    public const string Select = "select";
    public const string Radio = "radio";
    public const string Checkbox = "checkbox";
    public const string Checklist = "checklist";
    public const string Taglist = "taglist";
    public const string Datetime = "datetime";
    public const string Filepicker = "filepicker";
    public const string Group = "group";
    public const string DynamicList = "dynamiclist";

    /// <summary>Components that hold a value under their <c>key</c>.</summary>
    public static IReadOnlySet<string> Inputs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Textfield, Textarea, Number, Select, Radio, Checkbox, Checklist, Taglist, Datetime, Filepicker,
    };

    /// <summary>Components that only show something and hold no value.</summary>
    public static IReadOnlySet<string> Presentational { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "html", "image", "spacer", "separator", "button",
    };

    /// <summary>Components whose value is a list of options.</summary>
    public static IReadOnlySet<string> MultiSelect { get; } = new HashSet<string>(StringComparer.Ordinal) { Checklist, Taglist };

    /// <summary>Components whose value is one of their options.</summary>
    public static IReadOnlySet<string> SingleSelect { get; } = new HashSet<string>(StringComparer.Ordinal) { Select, Radio };

    /// <summary>True for a type the parser accepts.</summary>
    public static bool IsKnown(string type) =>
        Inputs.Contains(type) || Presentational.Contains(type) || type is Group or DynamicList;
}
