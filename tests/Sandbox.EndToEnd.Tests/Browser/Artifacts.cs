using System.Text.RegularExpressions;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>
/// Where the browser tests leave what a person should look at afterwards: a screenshot of each step
/// (<c>&lt;test&gt;/&lt;nn-step&gt;.png</c>) and the run summary (axe results per page, timings).
/// CI sets <c>SANDBOX_SCREENSHOTS</c> and keeps the folder as an artifact.
/// </summary>
public static partial class Artifacts
{
    /// <summary>Environment variable naming the folder; default <c>TestResults/screenshots</c> under the test output.</summary>
    public const string FolderVariable = "SANDBOX_SCREENSHOTS";

    /// <summary>The folder, created on first use.</summary>
    public static string Root { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <summary>The running test as a file name: class and method, with theory arguments.</summary>
    public static string CurrentTestName()
    {
        var test = TestContext.Current.Test;
        var className = TestContext.Current.TestClass?.TestClassName ?? "";
        var name = test?.TestDisplayName ?? Guid.NewGuid().ToString("n");
        // Display names start with the full class name; keep only its last part.
        if (className.Length > 0 && name.StartsWith(className, StringComparison.Ordinal))
        {
            name = className[(className.LastIndexOf('.') + 1)..] + name[className.Length..];
        }
        return FileName(name);
    }

    /// <summary>Anything as a safe file name.</summary>
    public static string FileName(string text) => Unsafe().Replace(text, "-").Trim('-');

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
