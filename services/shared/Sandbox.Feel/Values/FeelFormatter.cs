using System.Runtime.CompilerServices;
using System.Text;
using Sandbox.Feel.Temporal;

namespace Sandbox.Feel;

/// <summary>Text forms of values: FEEL literal form for display, and the form <c>string()</c> returns.</summary>
internal static class FeelFormatter
{
    public static string Format(FeelValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value, quoteStrings: true);
        return sb.ToString();
    }

    /// <summary>The result of FEEL's <c>string(from)</c>: strings as they are, temporal values in ISO form.</summary>
    public static string? ToText(FeelValue value)
    {
        if (value.IsNull) return null;
        if (value.Kind == FeelValueKind.String) return value.RawString;
        var sb = new StringBuilder();
        Write(sb, value, quoteStrings: false);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, FeelValue value, bool quoteStrings)
    {
        switch (value.Kind)
        {
            case FeelValueKind.Null: sb.Append("null"); break;
            case FeelValueKind.Boolean: sb.Append(value.IsTrue ? "true" : "false"); break;
            case FeelValueKind.Number: sb.Append(NumberFormat.Format(value.RawNumber)); break;
            case FeelValueKind.String:
                if (quoteStrings) WriteQuoted(sb, value.RawString); else sb.Append(value.RawString);
                break;
            case FeelValueKind.List: WriteList(sb, value.RawList); break;
            case FeelValueKind.Context: WriteContext(sb, value.RawContext); break;
            case FeelValueKind.Range: WriteRange(sb, value.RawRange); break;
            case FeelValueKind.Function: sb.Append("function(").Append(string.Join(", ", value.RawFunction.ParameterNames)).Append(')'); break;
            default:
                var iso = IsoText(value);
                if (quoteStrings) sb.Append("@\"").Append(iso).Append('"'); else sb.Append(iso);
                break;
        }
    }

    /// <summary>The ISO text of a date, time, date-time or duration.</summary>
    public static string IsoText(FeelValue value) => value.Kind switch
    {
        FeelValueKind.Date => TemporalFormat.Date(value.RawDate),
        FeelValueKind.Time => TemporalFormat.Time(value.RawTime),
        FeelValueKind.DateTime => TemporalFormat.DateTime(value.RawDateTime),
        FeelValueKind.YearsMonthsDuration => TemporalFormat.YearsMonths(value.RawNumber),
        FeelValueKind.DaysTimeDuration => TemporalFormat.DaysTime(value.RawNumber),
        _ => throw new InvalidOperationException($"{value.Kind} has no ISO form."),
    };

    private static void WriteList(StringBuilder sb, FeelValue[] items)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        sb.Append('[');
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, items[i], quoteStrings: true);
        }
        sb.Append(']');
    }

    private static void WriteContext(StringBuilder sb, FeelContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        sb.Append('{');
        var first = true;
        foreach (var (key, item) in context.Entries)
        {
            if (!first) sb.Append(", ");
            first = false;
            if (FeelNames.IsPlainName(key)) sb.Append(key); else WriteQuoted(sb, key);
            sb.Append(": ");
            Write(sb, item, quoteStrings: true);
        }
        sb.Append('}');
    }

    private static void WriteRange(StringBuilder sb, FeelRange range)
    {
        if (!range.HasStart || !range.HasEnd)
        {
            sb.Append(range.HasStart ? (range.StartIncluded ? ">= " : "> ") : (range.EndIncluded ? "<= " : "< "));
            Write(sb, range.HasStart ? range.Start : range.End, quoteStrings: true);
            return;
        }
        sb.Append(range.StartIncluded ? '[' : '(');
        Write(sb, range.Start, quoteStrings: true);
        sb.Append("..");
        Write(sb, range.End, quoteStrings: true);
        sb.Append(range.EndIncluded ? ']' : ')');
    }

    public static void WriteQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4")); else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
