using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Work;

/// <summary>The caseworker's inbox: open tasks of their tenant, filtered by candidate group, sorted and paged by workflow.</summary>
public sealed class IndexModel(WorkflowClient workflow) : PageModel
{
    /// <summary>Candidate groups a task can name (role names).</summary>
    public static readonly string[] Groups = ["caseworker", "tenant-admin"];

    /// <summary>A choice of the "Sort by" select: its value in the address, its text, and the workflow's sort and order.</summary>
    public sealed record SortOption(string Value, string Text, string Key, string Order);

    /// <summary>The sort choices; the first is the default.</summary>
    public static readonly SortOption[] Sorts =
    [
        new("due", "SortDueSoonest", "due", "asc"),
        new("due-desc", "SortDueLatest", "due", "desc"),
        new("created", "SortCreated", "created", "asc"),
        new("created-desc", "SortCreatedNewest", "created", "desc"),
        new("reference", "SortReference", "reference", "asc"),
    ];

    public string? Group { get; private set; }

    /// <summary>The value of one of <see cref="Sorts"/> (<c>due</c>, soonest first, by default).</summary>
    public string Sort { get; private set; } = "due";

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The page shown, 1-based (the workflow sorts the whole inbox, then pages it).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>How many pages the inbox has (at least 1).</summary>
    public int PageCount { get; private set; } = 1;

    // "page" is also Razor Pages' own route value (the page's path), so the query value is named explicitly.
    public async Task OnGetAsync(string? group, string? sort, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Group = Groups.Contains(group) ? group : null;
        var option = Sorts.FirstOrDefault(o => o.Value == sort) ?? Sorts[0];
        Sort = option.Value;
        PageNumber = Math.Max(1, pageNumber ?? 1);
        var tasks = await workflow.GetTasksAsync(Group, option.Key, option.Order, PageNumber, ct);
        Total = tasks.Total;
        PageCount = Math.Max(1, (int)Math.Ceiling(tasks.Total / (double)Math.Max(1, tasks.PageSize)));
        Tasks = tasks.Items;
    }

    /// <summary>The page numbers to link: the first, the last, and two either side of the current one (0 = a gap).</summary>
    public IEnumerable<int> PageLinks()
    {
        var previous = 0;
        for (var n = 1; n <= PageCount; n++)
        {
            if (n != 1 && n != PageCount && Math.Abs(n - PageNumber) > 2) continue;
            if (n - previous > 1) yield return 0;
            yield return previous = n;
        }
    }

    /// <summary>The inbox's address for page <paramref name="n"/>, keeping the filter and sort.</summary>
    public string PageUrl(int n)
    {
        var query = new List<string>();
        if (Group is not null) query.Add("group=" + Uri.EscapeDataString(Group));
        if (Sort != Sorts[0].Value) query.Add("sort=" + Sort);
        if (n > 1) query.Add("page=" + n);
        return query.Count == 0 ? "/work" : "/work?" + string.Join("&", query);
    }
}
