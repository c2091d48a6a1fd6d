using Fluid.Ast;

namespace Sandbox.Notifications.Templates;

/// <summary>Walks a template's syntax tree for the data paths its <c>{{ }}</c> outputs print.</summary>
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

    protected override Statement VisitOutputStatement(OutputStatement outputStatement)
    {
        var expression = outputStatement.Expression;
        var optional = outputStatement.Filters?.Any(f => f.Name == "default") == true;
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
