namespace Sandbox.Feel.Evaluation;

/// <summary>One level of local names: a single binding (iteration variable, parameter) or a context's entries.</summary>
internal sealed class Scope
{
    private readonly string? _name;
    private readonly FeelValue _value;
    private readonly FeelContext? _context;
    private readonly List<FeelValue>? _results;

    public Scope(Scope? parent, string name, FeelValue value)
    {
        Parent = parent;
        _name = name;
        _value = value;
    }

    public Scope(Scope? parent, FeelContext context)
    {
        Parent = parent;
        _context = context;
    }

    /// <summary>A filter item: its entries by name (when it is a context), and the item itself as <paramref name="name"/>.</summary>
    public Scope(Scope? parent, string name, FeelValue value, FeelContext? context)
        : this(parent, name, value) => _context = context;

    /// <summary>The results of a <c>for</c> so far, read as the list <paramref name="name"/> (<c>partial</c>).</summary>
    public Scope(Scope? parent, string name, List<FeelValue> results)
    {
        Parent = parent;
        _name = name;
        _results = results;
    }

    public Scope? Parent { get; }

    public bool TryGet(string name, out FeelValue value)
    {
        if (_context is not null && _context.TryGetValue(name, out value)) return true;
        var found = _name is not null && string.Equals(_name, name, StringComparison.Ordinal);
        value = found && _results is not null ? FeelValue.ListOf([.. _results]) : _value;
        return found;
    }
}
