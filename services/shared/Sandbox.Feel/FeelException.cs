namespace Sandbox.Feel;

/// <summary>An expression could not be compiled; <see cref="Line"/> and <see cref="Column"/> point at the problem.</summary>
public class FeelException : Exception
{
    /// <summary>Creates the exception for a problem at a position (1-based line and column).</summary>
    public FeelException(string reason, string expression, int line, int column)
        : base($"{reason} (line {line}, column {column})")
    {
        Reason = reason;
        Expression = expression;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception for a problem without a position.</summary>
    public FeelException(string reason, string expression)
        : base(reason)
    {
        Reason = reason;
        Expression = expression;
    }

    /// <summary>What went wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The expression text.</summary>
    public string Expression { get; }

    /// <summary>1-based line of the problem; 0 when there is no position.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem; 0 when there is no position.</summary>
    public int Column { get; }
}

/// <summary>
/// Evaluation stopped because the expression exceeded a limit (steps, call depth, collection or string size).
/// Ordinary type mismatches never throw; they give FEEL <c>null</c>.
/// </summary>
public sealed class FeelLimitException(string reason, string expression) : FeelException(reason, expression);
