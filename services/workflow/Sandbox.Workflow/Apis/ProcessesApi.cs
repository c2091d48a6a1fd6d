using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sandbox.Security;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.Parsing;
using Sandbox.Workflow.Hosting;

namespace Sandbox.Workflow.Apis;

public sealed record ProcessVersion(long Key, string BpmnProcessId, int Version, string? Name, DateTime DeployedAt);

public sealed record DeploymentResponse(IReadOnlyList<ProcessVersion> Processes);

public sealed record ProblemItem(string? ElementId, string ElementType, int Line, string Reason);

public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/processes").WithTags("Processes");
        group.MapPost("/", Deploy).RequireAuthorization(Policies.Designer)
            .Accepts<string>("application/xml", "text/xml")
            .WithSummary("Deploys a BPMN file; each executable process gets its next version");
        group.MapGet("/", List).RequireAuthorization(WorkflowPolicies.Operator)
            .WithSummary("The deployed process versions of the caller's tenant");
        return api;
    }

    private static async Task<Results<Created<DeploymentResponse>, ValidationProblem, ProblemHttpResult>> Deploy(
        HttpRequest request, ClaimsPrincipal user, WorkflowDb db, WorkflowEngine engine, CancellationToken ct)
    {
        if (Problems.Tenant(user) is not { } tenant) return Problems.NoTenant();
        var limit = new BpmnParserOptions().MaxBytes;
        var xml = await RequestBodies.ReadAsync(request.Body, limit, ct);
        if (xml is null) return TypedResults.Problem($"The BPMN file is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (xml.Length == 0) return Problems.Invalid("body", "The body must be a BPMN 2.0 XML file");

        var deployment = engine.Deploy(xml);
        if (!deployment.Succeeded) return Invalid(deployment.Problems);

        var text = System.Text.Encoding.UTF8.GetString(xml).TrimStart('\uFEFF');
        var versions = new List<ProcessDefinitionRow>();
        foreach (var process in deployment.Processes) versions.Add(await NextVersionAsync(db, tenant, process, text, ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Another deployment of the same process happened at the same time; deploy again");
        }
        var response = new DeploymentResponse(versions.Select(View).ToList());
        return TypedResults.Created($"/api/workflow/processes/{response.Processes[0].BpmnProcessId}", response);
    }

    private static async Task<Ok<IReadOnlyList<ProcessVersion>>> List(ClaimsPrincipal user, WorkflowDb db, CancellationToken ct)
    {
        var tenant = Problems.Tenant(user) ?? "";
        var rows = await db.Definitions.Where(d => d.Tenant == tenant)
            .OrderBy(d => d.BpmnProcessId).ThenByDescending(d => d.Version)
            .Select(d => new ProcessVersion(d.Id, d.BpmnProcessId, d.Version, d.Name, d.DeployedAt)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ProcessVersion>>(rows);
    }

    // Deploying the same file again keeps the latest version, as Zeebe does.
    private static async Task<ProcessDefinitionRow> NextVersionAsync(WorkflowDb db, string tenant, ProcessDefinition process, string xml, CancellationToken ct)
    {
        var latest = await db.Definitions.Where(d => d.Tenant == tenant && d.BpmnProcessId == process.Id)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Xml == xml) return latest;
        var row = new ProcessDefinitionRow
        {
            Tenant = tenant, BpmnProcessId = process.Id, Version = (latest?.Version ?? 0) + 1,
            Name = process.Name, Xml = xml, DeployedAt = DateTime.UtcNow,
        };
        db.Definitions.Add(row);
        return row;
    }

    private static ValidationProblem Invalid(IReadOnlyList<DeploymentProblem> problems)
    {
        var errors = problems.GroupBy(p => p.ElementId ?? p.ElementType)
            .ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray());
        var items = problems.Select(p => new ProblemItem(p.ElementId, p.ElementType, p.Line, p.Reason)).ToList();
        return TypedResults.ValidationProblem(errors, title: "The BPMN file cannot be deployed",
            extensions: new Dictionary<string, object?> { ["problems"] = items });
    }

    private static ProcessVersion View(ProcessDefinitionRow d) => new(d.Id, d.BpmnProcessId, d.Version, d.Name, d.DeployedAt);
}
