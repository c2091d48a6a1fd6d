using System.Text.Json.Nodes;

namespace Sandbox.Feel.Evaluation;

/// <summary>
/// Everything one evaluation needs, passed by reference through the node tree so that an
/// evaluation over a JSON object allocates nothing of its own.
/// </summary>
internal struct EvalState
{
    public JsonObject? RootJson;
    public FeelContext? RootContext;
    public Scope? Scope;
    public FeelValue Input;
    public FeelEngineOptions Options;
    public string Expression;
    public int Steps;
    public int CallDepth;
    private DateTimeOffset? _now;

    public EvalState(FeelEngineOptions options, string expression)
    {
        Options = options;
        Expression = expression;
    }

    /// <summary>Counts one unit of work and stops a runaway evaluation.</summary>
    public void Tick()
    {
        if (++Steps > Options.MaxEvaluationSteps) ThrowStepLimit();
    }

    /// <summary>Counts work proportional to a collection size.</summary>
    public void Charge(int units)
    {
        Steps += units;
        if (Steps > Options.MaxEvaluationSteps || Steps < 0) ThrowStepLimit();
    }

    public readonly void CheckCollectionSize(long count)
    {
        if (count > Options.MaxCollectionSize) throw Limit($"A list would have {count} items; the limit is {Options.MaxCollectionSize}");
    }

    public readonly void CheckStringLength(long length)
    {
        if (length > Options.MaxStringLength) throw Limit($"A string would have {length} characters; the limit is {Options.MaxStringLength}");
    }

    /// <summary>The sandbox clock, read once per evaluation so that <c>now()</c> is stable within it.</summary>
    public DateTimeOffset Now => _now ??= Options.TimeProvider.GetLocalNow();

    public readonly bool TryLookup(string name, out FeelValue value)
    {
        for (var scope = Scope; scope is not null; scope = scope.Parent)
        {
            if (scope.TryGet(name, out value)) return true;
        }
        if (RootJson is not null && RootJson.TryGetPropertyValue(name, out var node))
        {
            value = FeelValue.FromJson(node);
            return true;
        }
        if (RootContext is not null) return RootContext.TryGetValue(name, out value);
        value = FeelValue.Null;
        return false;
    }

    /// <summary>Looks for a variable whose name, without white space, is <paramref name="compactName"/>.</summary>
    public readonly bool TryLookupCompact(string compactName, out FeelValue value)
    {
        var root = RootJson is not null ? FeelContext.FromJson(RootJson) : RootContext;
        foreach (var key in root?.Keys ?? [])
        {
            if (FeelNames.Compact(key) == compactName) return root!.TryGetValue(key, out value);
        }
        value = FeelValue.Null;
        return false;
    }

    public readonly FeelLimitException Limit(string reason) => new(reason, Expression);

    private readonly void ThrowStepLimit() =>
        throw Limit($"Evaluation exceeded {Options.MaxEvaluationSteps} steps");
}
