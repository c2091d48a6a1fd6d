using System.Runtime.CompilerServices;
using System.Text;
using Sandbox.Feel.Builtins;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Nodes;

/// <summary>A function value: built-in, or defined in the expression with <c>function(a, b) ...</c>.</summary>
internal abstract class FeelFunction
{
    public abstract IReadOnlyList<string> ParameterNames { get; }

    public abstract FeelValue Invoke(ReadOnlySpan<FeelValue> args, ref EvalState st);
}

internal sealed class UserFunction(string[] parameters, Node body, Scope? closure) : FeelFunction
{
    public override IReadOnlyList<string> ParameterNames => parameters;

    public override FeelValue Invoke(ReadOnlySpan<FeelValue> args, ref EvalState st)
    {
        if (args.Length != parameters.Length) return FeelValue.Null;
        if (st.CallDepth >= st.Options.MaxCallDepth) throw st.Limit($"Function calls nested deeper than {st.Options.MaxCallDepth}");
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw st.Limit("Function calls nested too deeply");
        var saved = st.Scope;
        var scope = closure;
        for (var i = 0; i < parameters.Length; i++) scope = new Scope(scope, parameters[i], args[i]);
        st.Scope = scope;
        st.CallDepth++;
        try
        {
            return body.Eval(ref st);
        }
        finally
        {
            st.CallDepth--;
            st.Scope = saved;
        }
    }
}

internal sealed class FunctionDefinitionNode(string[] parameters, Node body) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        return FeelValue.FunctionOf(new UserFunction(parameters, body, st.Scope));
    }

    public override void Print(StringBuilder sb)
    {
        sb.Append("(function(");
        for (var i = 0; i < parameters.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            FeelNames.Print(sb, parameters[i]);
        }
        sb.Append(") ");
        body.Print(sb);
        sb.Append(')');
    }
}

[InlineArray(8)]
internal struct ArgumentBuffer
{
    private FeelValue _first;
}

/// <summary>A call of a value that evaluates to a function (a parameter, a context entry).</summary>
internal sealed class CallNode(Node callee, Node[] args, string[]? names) : Node
{
    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        var target = callee.Eval(ref st);
        if (target.Kind != FeelValueKind.Function) return FeelValue.Null;
        var function = target.RawFunction;
        FeelValue[] values;
        if (names is null)
        {
            values = new FeelValue[args.Length];
            for (var i = 0; i < args.Length; i++) values[i] = args[i].Eval(ref st);
        }
        else
        {
            var parameters = function.ParameterNames;
            values = new FeelValue[parameters.Count];
            for (var i = 0; i < args.Length; i++)
            {
                var position = IndexOf(parameters, names[i]);
                if (position < 0) return FeelValue.Null;
                values[position] = args[i].Eval(ref st);
            }
        }
        return function.Invoke(values, ref st);
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == name) return i;
        }
        return -1;
    }

    public override bool UsesInput => callee.UsesInput || args.Any(a => a.UsesInput);

    public override void Print(StringBuilder sb)
    {
        callee.Print(sb);
        Arguments.Print(sb, args, names);
    }
}

/// <summary>A call of a built-in function, with its overload chosen at compile time.</summary>
internal sealed class BuiltinCallNode : Node
{
    private readonly Builtin _builtin;
    private readonly Node[] _args;
    private readonly string[]? _names;
    private readonly BuiltinOverload? _overload;
    private readonly int[] _positions;

    public BuiltinCallNode(Builtin builtin, Node[] args, string[]? names)
    {
        _builtin = builtin;
        _args = args;
        _names = names;
        (_overload, _positions) = builtin.Resolve(args.Length, names);
    }

    public override FeelValue Eval(ref EvalState st)
    {
        st.Tick();
        if (_overload is null) return FeelValue.Null;
        var count = _overload.Variadic ? _args.Length : _overload.Parameters.Length;
        var buffer = new ArgumentBuffer();
        Span<FeelValue> values = count <= 8 ? buffer[..count] : new FeelValue[count];
        for (var i = 0; i < _args.Length; i++)
        {
            var value = _args[i].Eval(ref st);
            Costs.ChargeArgument(value, ref st);
            values[_positions[i]] = value;
        }
        return _overload.Body(values, ref st);
    }

    public override bool UsesInput => _args.Any(a => a.UsesInput);

    public override void Print(StringBuilder sb)
    {
        sb.Append(_builtin.Name);
        Arguments.Print(sb, _args, _names);
    }
}

internal static class Arguments
{
    public static void Print(StringBuilder sb, Node[] args, string[]? names)
    {
        sb.Append('(');
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            if (names is not null) sb.Append(names[i]).Append(": ");
            args[i].Print(sb);
        }
        sb.Append(')');
    }
}
