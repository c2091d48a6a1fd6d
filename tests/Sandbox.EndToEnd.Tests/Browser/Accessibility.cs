using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>axe-core on the page as it is now, against WCAG 2.1 A and AA.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>
    /// Runs axe, adds the counts to the run summary under <paramref name="name"/>, and fails on any
    /// serious or critical violation, naming each rule, its impact and the elements it found.
    /// </summary>
    /// <param name="page">The page as it is now.</param>
    /// <param name="name">The page's name in the summary and the failure message.</param>
    /// <param name="summarize">False for pages made up by a test, which are no part of the sandbox's results.</param>
    public static async Task AssertAccessibleAsync(IPage page, string name, bool summarize = true)
    {
        var result = await page.RunAxe(Options);
        int Count(string impact) => result.Violations.Count(v => v.Impact == impact);
        if (summarize)
        {
            RunSummary.Add(new RunSummary.AxeRow(Artifacts.CurrentTestName(), name, new Uri(page.Url).AbsolutePath,
                Count("critical"), Count("serious"), Count("moderate"), Count("minor"), result.Passes.Length, result.Incomplete.Length));
        }

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0,
            $"axe found {blocking.Count} serious or critical violation(s) on {name} ({page.Url}):\n" + string.Join("\n", blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help} at " +
        string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString() ?? n.Html));
}
