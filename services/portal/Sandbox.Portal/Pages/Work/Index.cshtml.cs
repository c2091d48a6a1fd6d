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

    public async Task OnGetAsync(string? group, string? sort, CancellationToken ct)
    {
        Group = Groups.Contains(group) ? group : null;
        Sort = sort is "due-desc" or "created" ? sort : "due";
        var page = await workflow.GetTasksAsync(Group, 1, ct);
        Total = page.Total;
        var never = DateTimeOffset.MaxValue;
        Tasks = Sort switch
        {
            "due-desc" => page.Items.OrderByDescending(t => t.DueDate ?? DateTimeOffset.MinValue).ToList(),
            "created" => page.Items.OrderBy(t => t.CreatedAt).ToList(),
            _ => page.Items.OrderBy(t => t.DueDate ?? never).ToList(),
        };
    }
}
