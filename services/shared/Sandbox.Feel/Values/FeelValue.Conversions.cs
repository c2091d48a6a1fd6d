using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Feel.Temporal;

namespace Sandbox.Feel;

public readonly partial struct FeelValue
{
    /// <summary>Converts JSON to a FEEL value: objects become contexts, arrays lists, numbers decimals.</summary>
    public static FeelValue FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return Null;
            case JsonObject obj:
                return ContextOf(new JsonObjectContext(obj));
            case JsonArray array:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                var items = new FeelValue[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = FromJson(array[i]);
                return ListOf(items);
            default:
                return FromJsonValue(node.AsValue());
        }
    }

    private static FeelValue FromJsonValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True: return True;
            case JsonValueKind.False: return False;
            case JsonValueKind.String:
                // Values built from CLR dates or GUIDs are strings in JSON but not held as strings.
                return String(value.TryGetValue<string>(out var text) ? text : JsonNode.Parse(value.ToJsonString())!.GetValue<string>());
            case JsonValueKind.Number: return FromJsonNumber(value);
            default: return Null;
        }
    }

    // A parsed document converts to decimal directly; a value built from a CLR number only reads back as its own type.
    private static FeelValue FromJsonNumber(JsonValue value)
    {
        if (value.TryGetValue<decimal>(out var number)) return Number(number);
        if (value.TryGetValue<int>(out var i)) return Number(i);
        if (value.TryGetValue<long>(out var l)) return Number(l);
        if (value.TryGetValue<double>(out var d)) return FromDouble(d);
        if (value.TryGetValue<float>(out var f)) return FromDouble(f);
        return decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? Number(parsed) : Null;
    }

    /// <summary>Converts a JSON element (see <see cref="FromJson(JsonNode?)"/>).</summary>
    public static FeelValue FromJson(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? Null : FromJson(JsonNode.Parse(element.GetRawText()));

    /// <summary>
    /// Converts a CLR value: numbers become decimals; <see cref="DateOnly"/>, <see cref="DateTime"/>,
    /// <see cref="DateTimeOffset"/>, <see cref="TimeOnly"/> and <see cref="TimeSpan"/> become temporal values;
    /// dictionaries with string keys become contexts and other sequences lists. Anything else is null.
    /// </summary>
    public static FeelValue FromClr(object? value) => value switch
    {
        null => Null,
        FeelValue v => v,
        bool b => Boolean(b),
        string s => String(s),
        char c => String(c.ToString()),
        int i => Number(i),
        long l => Number(l),
        decimal d => Number(d),
        double d => FromDouble(d),
        float f => FromDouble(f),
        short or byte or sbyte or ushort or uint or ulong => Number(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly d => Date(d),
        DateTime dt => DateTimeOf(new FeelDateTime(System.DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
            dt.Kind == DateTimeKind.Utc ? TimeSpan.Zero : null, null)),
        DateTimeOffset dto => DateTimeOf(new FeelDateTime(dto.DateTime, dto.Offset, null)),
        TimeOnly t => TimeOf(new FeelTime(t, null, null)),
        TimeSpan ts => DaysTime(ts),
        JsonNode node => FromJson(node),
        JsonElement element => FromJson(element),
        IReadOnlyDictionary<string, object?> map => ContextOf(new DictionaryContext(map)),
        IDictionary<string, object?> map => ContextOf(new DictionaryContext(map.AsReadOnly())),
        IEnumerable sequence => ListOf(sequence.Cast<object?>().Select(FromClr).ToArray()),
        _ => Null,
    };

    private static FeelValue FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return Null;
        try
        {
            return Number((decimal)value);
        }
        catch (OverflowException)
        {
            return Null;
        }
    }

    /// <summary>
    /// Converts to JSON: temporal values become their ISO 8601 text, contexts objects, lists arrays;
    /// null, ranges and functions become JSON null.
    /// </summary>
    public JsonNode? ToJsonNode() => Kind switch
    {
        FeelValueKind.Boolean => JsonValue.Create(IsTrue),
        FeelValueKind.Number => JsonValue.Create(NumberFormat.Normalize(_number)),
        FeelValueKind.String => JsonValue.Create(RawString),
        FeelValueKind.Date or FeelValueKind.Time or FeelValueKind.DateTime
            or FeelValueKind.YearsMonthsDuration or FeelValueKind.DaysTimeDuration => JsonValue.Create(FeelFormatter.IsoText(this)),
        FeelValueKind.List => ListToJson(RawList),
        FeelValueKind.Context => ContextToJson(RawContext),
        _ => null,
    };

    private static JsonArray ListToJson(FeelValue[] items)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return new JsonArray(items.Select(item => item.ToJsonNode()).ToArray());
    }

    private static JsonObject ContextToJson(FeelContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (context is JsonObjectContext json) return (JsonObject)json.Json.DeepClone();
        var result = new JsonObject();
        foreach (var (key, value) in context.Entries) result[key] = value.ToJsonNode();
        return result;
    }

    /// <summary>
    /// Converts to CLR values: bool, decimal, string, <see cref="DateOnly"/>, <see cref="TimeOnly"/>,
    /// <see cref="DateTime"/> (local) or <see cref="DateTimeOffset"/> (with offset or zone), <see cref="TimeSpan"/>,
    /// ISO text for years-and-months durations, <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>.
    /// </summary>
    public object? ToClr() => Kind switch
    {
        FeelValueKind.Boolean => IsTrue,
        FeelValueKind.Number => NumberFormat.Normalize(_number),
        FeelValueKind.String => RawString,
        FeelValueKind.Date => RawDate,
        FeelValueKind.Time => RawTime.Local,
        FeelValueKind.DateTime => RawDateTime.EffectiveOffset is { } offset
            ? new DateTimeOffset(RawDateTime.Local, offset)
            : RawDateTime.Local,
        FeelValueKind.YearsMonthsDuration => FeelFormatter.IsoText(this),
        FeelValueKind.DaysTimeDuration => TimeSpan.FromTicks((long)(_number * TimeSpan.TicksPerSecond)),
        FeelValueKind.List => RawList.Select(item => item.ToClr()).ToList(),
        FeelValueKind.Context => RawContext.Entries.ToDictionary(e => e.Key, e => e.Value.ToClr()),
        _ => null,
    };
}
