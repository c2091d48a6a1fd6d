using Sandbox.Workflow.Data;

namespace Sandbox.Workflow.Apis;

/// <summary>
/// The order of the inbox (<c>GET tasks?sort=&amp;order=</c>): by due date, creation time or case reference,
/// ascending or descending. Tasks without the key (no due date, no reference) come last either way, and ties are
/// broken by the task id in the same direction, so the order is total and paging neither repeats nor skips a task.
/// </summary>
internal sealed class TaskSort : IComparer<(UserTaskRow Task, string? Reference)>
{
    public static readonly string[] Keys = ["due", "created", "reference"];
    public static readonly string[] Orders = ["asc", "desc"];

    private readonly string key;
    private readonly int sign;

    private TaskSort(string key, bool descending)
    {
        this.key = key;
        sign = descending ? -1 : 1;
    }

    /// <summary>The sort for the query values (default: due date, ascending); null when either is unknown.</summary>
    public static TaskSort? Parse(string? sort, string? order)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "due" : sort.Trim().ToLowerInvariant();
        var direction = string.IsNullOrWhiteSpace(order) ? "asc" : order.Trim().ToLowerInvariant();
        return Keys.Contains(key) && Orders.Contains(direction) ? new TaskSort(key, direction == "desc") : null;
    }

    public int Compare((UserTaskRow Task, string? Reference) x, (UserTaskRow Task, string? Reference) y)
    {
        var byKey = key switch
        {
            "due" => NullsLast(x.Task.DueDate is null, y.Task.DueDate is null) ?? sign * Nullable.Compare(x.Task.DueDate, y.Task.DueDate),
            "created" => sign * x.Task.CreatedAt.CompareTo(y.Task.CreatedAt),
            _ => NullsLast(x.Reference is null, y.Reference is null) ?? sign * string.CompareOrdinal(x.Reference, y.Reference),
        };
        return byKey != 0 ? byKey : sign * x.Task.Id.CompareTo(y.Task.Id);
    }

    // A missing key sorts after every present one whatever the direction; null when both are present.
    private static int? NullsLast(bool xMissing, bool yMissing) => (xMissing, yMissing) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => null,
    };
}
