using Fluid.Ast;

namespace Sandbox.Notifications.Templates;

/// <summary>Walks a template's syntax tree for the data paths its <c>{{ }}</c> outputs print outside conditions.</summary>
internal sealed class PrintedVariables : AstVisitor
{
    private readonly HashSet<string> _locals = new(StringComparer.OrdinalIgnoreCase) { "forloop", "tablerowloop" };

    public List<string> Paths { get; } = [];

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _locals.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        _locals.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        _locals.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    // A value printed inside a condition is the designer's choice to handle its absence.
    private int _conditions;

    protected override Statement VisitIfStatement(IfStatement ifStatement) => Conditional(() => base.VisitIfStatement(ifStatement));

    protected override Statement VisitUnlessStatement(UnlessStatement unlessStatement) => Conditional(() => base.VisitUnlessStatement(unlessStatement));

    protected override Statement VisitCaseStatement(CaseStatement caseStatement) => Conditional(() => base.VisitCaseStatement(caseStatement));

    private Statement Conditional(Func<Statement> visit)
    {
        _conditions++;
        try
        {
            return visit();
        }
        finally
        {
            _conditions--;
        }
    }

    protected override Statement VisitOutputStatement(OutputStatement outputStatement)
    {
        var expression = outputStatement.Expression;
        var optional = _conditions > 0 || outputStatement.Filters?.Any(f => f.Name == "default") == true;
        while (expression is FilterExpression filter)
        {
            optional |= filter.Name == "default";
            expression = filter.Input;
        }
        if (!optional && expression is MemberExpression member && Path(member) is { } path && !_locals.Contains(path.Split('.')[0]))
            Paths.Add(path);
        return base.VisitOutputStatement(outputStatement);
    }

    private static string? Path(MemberExpression member)
    {
        var names = member.Segments.TakeWhile(s => s is IdentifierSegment).Cast<IdentifierSegment>().Select(s => s.Identifier).ToList();
        return names.Count == 0 ? null : string.Join('.', names);
    }
}
