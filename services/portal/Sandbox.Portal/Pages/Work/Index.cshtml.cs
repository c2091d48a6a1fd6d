using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Work;

/// <summary>The caseworker's inbox: open tasks of their tenant, filtered by candidate group, sorted by due date.</summary>
public sealed class IndexModel(WorkflowClient workflow) : PageModel
{
    /// <summary>Candidate groups a task can name (role names).</summary>
    public static readonly string[] Groups = ["caseworker", "tenant-admin"];

    public string? Group { get; private set; }

    /// <summary><c>due</c> (soonest first, default), <c>due-desc</c> or <c>created</c>.</summary>
    public string Sort { get; private set; } = "due";

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The page shown, 1-based (the workflow pages the inbox soonest due first).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>How many pages the inbox has (at least 1).</summary>
    public int PageCount { get; private set; } = 1;

    // "page" is also Razor Pages' own route value (the page's path), so the query value is named explicitly.
    public async Task OnGetAsync(string? group, string? sort, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Group = Groups.Contains(group) ? group : null;
        Sort = sort is "due-desc" or "created" ? sort : "due";
        PageNumber = Math.Max(1, pageNumber ?? 1);
        var tasks = await workflow.GetTasksAsync(Group, PageNumber, ct);
        Total = tasks.Total;
        PageCount = Math.Max(1, (int)Math.Ceiling(tasks.Total / (double)Math.Max(1, tasks.PageSize)));
        var never = DateTimeOffset.MaxValue;
        Tasks = Sort switch
        {
            "due-desc" => tasks.Items.OrderByDescending(t => t.DueDate ?? DateTimeOffset.MinValue).ToList(),
            "created" => tasks.Items.OrderBy(t => t.CreatedAt).ToList(),
            _ => tasks.Items.OrderBy(t => t.DueDate ?? never).ToList(),
        };
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
        if (Sort != "due") query.Add("sort=" + Sort);
        if (n > 1) query.Add("page=" + n);
        return query.Count == 0 ? "/work" : "/work?" + string.Join("&", query);
    }
}
