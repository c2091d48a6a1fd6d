using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Sandbox.Portal.Clients;

/// <summary>The workflow service: e-services, cases, the inbox, processes and the sandbox clock.</summary>
public sealed class WorkflowClient(HttpClient http)
{
    private const string Service = "workflow";

    /// <summary>
    /// The published e-services of a municipality, asked anonymously: a signed-in caller would get their own
    /// municipality's list whatever the tenant named.
    /// </summary>
    public async Task<List<EServiceView>> GetPublicEServicesAsync(string tenant, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/workflow/eservices?tenant={Uri.EscapeDataString(tenant)}");
        request.Options.Set(ForwardingHandler.Anonymous, true);
        using var response = await http.SendAsync(request, ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<List<EServiceView>>(ct))!;
    }

    /// <summary>The published e-services of the caller's tenant.</summary>
    public Task<List<EServiceView>> GetEServicesAsync(CancellationToken ct) => GetAsync<List<EServiceView>>("/api/workflow/eservices", ct);

    /// <summary>Every e-service of the caller's tenant with all its versions, whatever their status (designers and administrators).</summary>
    public Task<List<EServiceDetail>> GetAllEServicesAsync(CancellationToken ct) =>
        GetAsync<List<EServiceDetail>>("/api/workflow/eservices?all=true", ct);

    /// <summary>An e-service with all its versions (staff).</summary>
    public Task<EServiceDetail> GetEServiceAsync(string id, CancellationToken ct) =>
        GetAsync<EServiceDetail>($"/api/workflow/eservices/{Uri.EscapeDataString(id)}", ct);

    /// <summary>Deployed process versions of the caller's tenant.</summary>
    public Task<List<ProcessVersionView>> GetProcessesAsync(CancellationToken ct) => GetAsync<List<ProcessVersionView>>("/api/workflow/processes", ct);

    /// <summary>Deploys an e-service package (zip); field errors name the file and reason.</summary>
    public async Task<FieldErrors?> DeployPackageAsync(Stream zip, CancellationToken ct)
    {
        using var content = new StreamContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await http.PostAsync("/api/workflow/eservices", content, ct);
        return await response.FieldErrorsOrThrowAsync(Service, ct);
    }

    /// <summary>Publishes a stored version of an e-service, so that citizens can start it (designer).</summary>
    public Task PublishEServiceAsync(string id, int version, CancellationToken ct) =>
        PostAsync($"/api/workflow/eservices/{Uri.EscapeDataString(id)}/versions/{version}/publish", ct);

    /// <summary>Retires a version of an e-service: citizens can no longer start it; started cases go on (designer).</summary>
    public Task RetireEServiceAsync(string id, int version, CancellationToken ct) =>
        PostAsync($"/api/workflow/eservices/{Uri.EscapeDataString(id)}/versions/{version}/retire", ct);

    /// <summary>The signed-in citizen's cases.</summary>
    public Task<List<CaseSummary>> GetMyCasesAsync(CancellationToken ct) => GetAsync<List<CaseSummary>>("/api/workflow/cases/mine", ct);

    /// <summary>One case with its history.</summary>
    public Task<CaseDetail> GetCaseAsync(string instanceId, CancellationToken ct) =>
        GetAsync<CaseDetail>($"/api/workflow/cases/{Uri.EscapeDataString(instanceId)}", ct);

    /// <summary>A page of the caller's inbox, sorted by workflow (<paramref name="sort"/> due|created|reference, <paramref name="order"/> asc|desc).</summary>
    public Task<TaskPage> GetTasksAsync(string? candidateGroup, string sort, string order, int page, CancellationToken ct) =>
        GetAsync<TaskPage>($"/api/workflow/tasks?sort={Uri.EscapeDataString(sort)}&order={Uri.EscapeDataString(order)}&page={page}"
            + (candidateGroup is null ? "" : $"&candidateGroup={Uri.EscapeDataString(candidateGroup)}"), ct);

    /// <summary>One task with the case's variables.</summary>
    public Task<TaskDetail> GetTaskAsync(long id, CancellationToken ct) => GetAsync<TaskDetail>($"/api/workflow/tasks/{id}", ct);

    /// <summary>Assigns the task to the caller.</summary>
    public Task ClaimAsync(long id, CancellationToken ct) => PostAsync($"/api/workflow/tasks/{id}/claim", ct);

    /// <summary>Gives the task back to its candidates.</summary>
    public Task UnclaimAsync(long id, CancellationToken ct) => PostAsync($"/api/workflow/tasks/{id}/unclaim", ct);

    /// <summary>Completes the task with the review form's data; field errors when the data does not fit the form.</summary>
    public async Task<FieldErrors?> CompleteAsync(long id, JsonObject variables, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"/api/workflow/tasks/{id}/complete", new JsonObject { ["variables"] = variables }, ct);
        return await response.FieldErrorsOrThrowAsync(Service, ct);
    }

    /// <summary>The BPMN XML of a process.</summary>
    public async Task<string> GetProcessXmlAsync(long key, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/workflow/processes/{key}/xml", ct);
        await response.EnsureAsync(Service, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>Tokens per element of a process.</summary>
    public Task<List<ElementStatistics>> GetStatisticsAsync(long key, CancellationToken ct) =>
        GetAsync<List<ElementStatistics>>($"/api/workflow/processes/{key}/statistics", ct);

    /// <summary>The sandbox clock.</summary>
    public Task<ClockView> GetClockAsync(CancellationToken ct) => GetAsync<ClockView>("/api/workflow/sandbox/clock", ct);

    /// <summary>Moves the sandbox clock forward by whole days.</summary>
    public async Task<ClockView> AdvanceClockAsync(int days, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/workflow/sandbox/clock", new { advance = $"P{days}D" }, ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<ClockView>(ct))!;
    }

    /// <summary>Sets the sandbox clock back to real time.</summary>
    public async Task ResetClockAsync(CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/workflow/sandbox/clock", new { reset = true }, ct);
        await response.EnsureAsync(Service, ct);
    }

    private async Task<T> GetAsync<T>(string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        await response.EnsureAsync(Service, ct);
        return (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }

    private async Task PostAsync(string url, CancellationToken ct)
    {
        using var response = await http.PostAsync(url, null, ct);
        if (response.StatusCode == HttpStatusCode.Conflict) throw new ServiceException(Service, response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        await response.EnsureAsync(Service, ct);
    }
}
