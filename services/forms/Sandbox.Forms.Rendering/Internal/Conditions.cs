using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>
/// Which components with a <c>conditional.hide</c> rule are hidden on a page: the same walk, scopes and rows as
/// <see cref="FormWriter"/> and the same evaluation (<see cref="Expressions.IsHidden"/>), so that a script showing
/// and hiding the written components always agrees with the server.
/// </summary>
internal sealed class Conditions(Expressions expressions)
{
    private readonly List<string> _hidden = [];

    public static List<string> Hidden(FormTree tree, int? pageIndex, Expressions expressions)
    {
        var walk = new Conditions(expressions);
        var page = tree.Page(pageIndex);
        var scope = Scope.Root(expressions.Root);
        foreach (var node in page.Nodes)
        {
            if (pageIndex is not null && ReferenceEquals(node, page.Group)) walk.Children(node, scope);
            else walk.Visit(node, scope);
        }
        return walk._hidden;
    }

    // Components under a hidden one are visited too: they are written (hidden) and need their own state once it shows.
    private void Visit(Node node, Scope scope)
    {
        if (node.Model.Hide is not null && expressions.IsHidden(node, scope)) _hidden.Add(node.Address(scope.Path));
        if (node.Type == ComponentTypes.Group) Children(node, scope);
        else if (node.Type == ComponentTypes.DynamicList)
        {
            var path = scope.Join(node.Model.Path!);
            var (items, _, rows) = FormWriter.Rows(node, scope);
            for (var i = 0; i < rows; i++)
            {
                var item = i < items.Count && items[i] is JsonObject existing ? existing : [];
                var row = scope.Item(item, path, i);
                foreach (var child in node.Children) Visit(child, row);
            }
        }
    }

    private void Children(Node node, Scope scope)
    {
        var inner = node.Model.Path is { } path ? scope.Nested(path, create: false) : scope;
        foreach (var child in node.Children) Visit(child, inner);
    }
}
