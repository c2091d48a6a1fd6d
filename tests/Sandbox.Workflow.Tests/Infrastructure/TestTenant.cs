using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Security;

namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>A fresh tenant of a test, with clients for its designer, caseworkers and job worker.</summary>
public sealed class TestTenant(WorkflowApp app, string? id = null)
{
    public string Id { get; } = id ?? "t-" + Guid.NewGuid().ToString("n")[..10];

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Designer() => app.Client(Tokens.Create("designer-" + Id, Id, [Roles.Designer]));

    public HttpClient Caseworker(string? subject = null, string[]? groups = null) =>
        app.Client(Tokens.Create(subject ?? "caseworker-" + Id, Id, [Roles.Caseworker], groups));

    public HttpClient Citizen(string subject) => app.Client(Tokens.Create(subject, Id, [Roles.Citizen], nationalId: "19800101-1234"));

    public HttpClient Admin() => app.Client(Tokens.Create("admin-" + Id, Id, [Roles.TenantAdmin]));

    public HttpClient Worker() => app.Client(Tokens.Create("client-" + Id, Id, [Roles.Service]));

    public static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    /// <summary>Deploys a BPMN file and returns the first deployed process (bpmnProcessId, version, key).</summary>
    public async Task<JsonObject> DeployAsync(string xml)
    {
        using var designer = Designer();
        var response = await designer.PostAsync("processes", Xml(xml), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ObjectAsync(response);
        return body["processes"]![0]!.AsObject();
    }

    /// <summary>Starts the latest version as a caseworker; returns the instance.</summary>
    public async Task<JsonObject> StartAsync(string bpmnProcessId, object? variables = null)
    {
        using var caseworker = Caseworker();
        var response = await caseworker.PostAsJsonAsync($"processes/{bpmnProcessId}/instances", new { variables }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json.ObjectAsync(response);
    }

    public async Task<JsonObject> InstanceAsync(string id)
    {
        using var caseworker = Caseworker();
        var response = await caseworker.GetAsync($"instances/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ObjectAsync(response);
    }

    /// <summary>Activates jobs of a type as this tenant's worker.</summary>
    public async Task<JsonArray> ActivateAsync(string type, int maxJobs = 10, long timeout = 30_000)
    {
        using var worker = Worker();
        var response = await worker.PostAsJsonAsync("jobs/activate", new { type, worker = "test-worker", maxJobs, timeout }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ObjectAsync(response))["jobs"]!.AsArray();
    }
}

public static class Json
{
    public static async Task<JsonObject> ObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    public static string Str(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static long Long(this JsonNode? node, string name) => node![name]!.GetValue<long>();
}

public static class Models
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", file));

    /// <summary>A service task of <paramref name="jobType"/>, then a user task for <paramref name="candidateGroups"/>, then the end.</summary>
    public static string JobThenTask(string processId, string jobType, string? candidateGroups = null) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{processId}" name="Permit" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:serviceTask id="check" name="Check">
              <bpmn:extensionElements><zeebe:taskDefinition type="{jobType}" retries="3" /></bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="decide" />
            <bpmn:userTask id="decide" name="Decide">
              <bpmn:extensionElements><zeebe:userTask />{(candidateGroups is null ? "" : $"<zeebe:assignmentDefinition candidateGroups=\"{candidateGroups}\" />")}</bpmn:extensionElements>
              <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="decide" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A timer of <paramref name="duration"/>, then a service task of <paramref name="jobType"/>.</summary>
    public static string TimerThenJob(string processId, string duration, string jobType) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
              <bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="work" />
            <bpmn:serviceTask id="work">
              <bpmn:extensionElements><zeebe:taskDefinition type="{jobType}" /></bpmn:extensionElements>
              <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Waits for message <c>document-received</c> with the instance's <c>caseId</c>, then a job of <paramref name="jobType"/>.</summary>
    public static string MessageThenJob(string processId, string jobType) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="m1" name="document-received">
            <bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements>
          </bpmn:message>
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="work" />
            <bpmn:serviceTask id="work">
              <bpmn:extensionElements><zeebe:taskDefinition type="{jobType}" /></bpmn:extensionElements>
              <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A process with a business rule task, which the engine rejects.</summary>
    public const string WithBusinessRuleTask = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="rules" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
            <bpmn:businessRuleTask id="decide"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:businessRuleTask>
            <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
