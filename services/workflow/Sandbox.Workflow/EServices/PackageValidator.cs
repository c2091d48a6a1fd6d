using Sandbox.Feel;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;

namespace Sandbox.Workflow.EServices;

/// <summary>
/// Checks every part of a package before anything is deployed: the manifest, the BPMN (with the engine's own
/// parser), the forms and templates, and that they refer to each other (start form, task forms, notify templates,
/// mapped job types).
/// </summary>
public sealed class PackageValidator(WorkflowEngine engine)
{
    /// <summary>The job type whose jobs the workflow turns into notifications.</summary>
    public const string NotifyJobType = "notify";

    /// <summary>The package, or null with the problems filled in.</summary>
    public EServicePackage? Validate(PackageFiles files, string tenant, PackageProblems problems)
    {
        const string manifestFile = EServiceManifest.FileName;
        if (files[manifestFile] is not { } yaml)
        {
            problems.Add(manifestFile, "The package has no eservice.yaml at its root");
            return null;
        }
        var manifestErrors = new List<string>();
        EServiceManifest? manifest;
        try { manifest = EServiceManifest.Read(yaml, manifestErrors); }
        catch (PackageFormatException e)
        {
            problems.Add(manifestFile, e.Message);
            return null;
        }
        foreach (var error in manifestErrors) problems.Add(manifestFile, error);
        if (manifest is null) return null;
        if (manifest.Tenant is { } declared && declared != tenant)
        {
            problems.Add(manifestFile, $"tenant '{declared}' is not the caller's tenant");
        }

        var process = ReadProcess(files, manifest.Process, problems);
        var forms = manifest.Forms.Select(f => FormReader.Read(files, f, problems)).OfType<FormPart>().ToList();
        var templates = manifest.Templates.Select(t => TemplateReader.Read(files, t, manifest.Id, problems)).OfType<TemplatePart>().ToList();
        Duplicates(forms.Select(f => (f.File, f.FormId)), "form id", problems);
        Duplicates(templates.Select(t => (t.File, t.Id)), "template id", problems);
        if (!problems.IsEmpty || process is null) return null;

        CrossCheck(manifest, process, forms, templates, problems);
        return problems.IsEmpty
            ? new EServicePackage(manifest, process, files[manifest.Process]!, forms, templates, files.Hash())
            : null;
    }

    private ProcessDefinition? ReadProcess(PackageFiles files, string path, PackageProblems problems)
    {
        if (files[path] is not { } xml)
        {
            problems.Add(path, "The package has no such file");
            return null;
        }
        var deployment = engine.Deploy(xml);
        foreach (var problem in deployment.Problems) problems.Add(path, problem.ToString());
        if (!deployment.Succeeded) return null;
        if (deployment.Processes.Count != 1)
        {
            problems.Add(path, $"The file must hold exactly one executable process; it holds {deployment.Processes.Count}");
            return null;
        }
        return deployment.Processes[0];
    }

    private static void CrossCheck(EServiceManifest manifest, ProcessDefinition process, List<FormPart> forms,
        List<TemplatePart> templates, PackageProblems problems)
    {
        var formIds = forms.Select(f => f.FormId).ToHashSet(StringComparer.Ordinal);
        var templateIds = templates.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (!formIds.Contains(manifest.StartForm))
        {
            problems.Add(EServiceManifest.FileName, $"startForm '{manifest.StartForm}' is not the id of one of the forms");
        }
        var jobTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in process.Nodes.Values)
        {
            if (node.UserTask?.FormId is { } formId && !FeelEngine.IsExpression(formId) && !formIds.Contains(formId))
            {
                problems.Add(manifest.Process, $"{node.Id}: form '{formId}' is not one of the package's forms");
            }
            if (node.Job is not { } job) continue;
            jobTypes.Add(job.Type);
            if (job.Type != NotifyJobType) continue;
            if (!job.Headers.TryGetValue("template", out var header) || string.IsNullOrWhiteSpace(header))
            {
                problems.Add(manifest.Process, $"{node.Id}: a notify task needs a 'template' header");
                continue;
            }
            foreach (var id in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(i => !templateIds.Contains(i)))
            {
                problems.Add(manifest.Process, $"{node.Id}: template '{id}' is not one of the package's templates");
            }
        }
        foreach (var type in manifest.Jobs.Keys.Where(t => !jobTypes.Contains(t)))
        {
            problems.Add(EServiceManifest.FileName, $"jobs.{type}: no task of that type in {manifest.Process}");
        }
        if (manifest.Jobs.ContainsKey(NotifyJobType)) problems.Add(EServiceManifest.FileName, "jobs.notify: notify jobs are done by the workflow itself");
    }

    private static void Duplicates(IEnumerable<(string File, string Id)> parts, string what, PackageProblems problems)
    {
        foreach (var group in parts.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            foreach (var (file, id) in group) problems.Add(file, $"The {what} '{id}' is used by more than one file");
        }
    }
}
