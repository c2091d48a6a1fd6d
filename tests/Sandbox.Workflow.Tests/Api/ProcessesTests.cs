using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

public sealed class ProcessesTests(SqliteWorkflowFixture fixture) : IClassFixture<SqliteWorkflowFixture>
{
    private WorkflowApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Info_Anonymous_Returns200()
    {
        using var client = App.Client();
        var response = await client.GetAsync("info", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("workflow", (await Json.ObjectAsync(response)).Str("service"));
    }

    [Fact]
    public async Task Deploy_Again_SameFileKeepsVersionChangedFileGetsNext()
    {
        var tenant = new TestTenant(App);
        var first = await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var same = await tenant.DeployAsync(Models.JobThenTask("permit", "check"));
        var changed = await tenant.DeployAsync(Models.JobThenTask("permit", "check-v2"));

        Assert.Equal(("permit", 1), (first.Str("bpmnProcessId"), first["version"]!.GetValue<int>()));
        Assert.Equal(1, same["version"]!.GetValue<int>());
        Assert.Equal(2, changed["version"]!.GetValue<int>());
        using var designer = tenant.Designer();
        var list = JsonNode.Parse(await designer.GetStringAsync("processes", Ct))!.AsArray();
        Assert.Equal([2, 1], list.Select(p => p!["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Deploy_UnsupportedElement_Returns400ListingElementTypeLineAndReason()
    {
        var tenant = new TestTenant(App);
        using var designer = tenant.Designer();

        var response = await designer.PostAsync("processes", TestTenant.Xml(Models.WithBusinessRuleTask), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await Json.ObjectAsync(response))["problems"]!.AsArray().Single()!;
        Assert.Equal("decide", problem.Str("elementId"));
        Assert.Equal("businessRuleTask", problem.Str("elementType"));
        Assert.Equal(6, problem["line"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("reason")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")]
    public async Task Deploy_NotBpmn_Returns400(string body)
    {
        using var designer = new TestTenant(App).Designer();
        var response = await designer.PostAsync("processes", TestTenant.Xml(body), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deploy_LargerThanLimit_Returns413()
    {
        using var designer = new TestTenant(App).Designer();
        var response = await designer.PostAsync("processes", TestTenant.Xml(new string(' ', 6 * 1024 * 1024)), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Deploy_AsCaseworkerOrAnonymous_Refused()
    {
        var tenant = new TestTenant(App);
        using var caseworker = tenant.Caseworker();
        using var anonymous = App.Client();

        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsync("processes", TestTenant.Xml(Models.JobThenTask("p", "j")), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("processes", TestTenant.Xml(Models.JobThenTask("p", "j")), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("processes", Ct)).StatusCode);
    }

    [Fact]
    public async Task Deploy_TokenForAnotherAudience_Returns401()
    {
        using var client = App.Client(Tokens.Create("designer", "t-x", ["designer"], audience: "forms"));
        var response = await client.PostAsync("processes", TestTenant.Xml(Models.JobThenTask("p", "j")), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersTenant()
    {
        var mine = new TestTenant(App);
        var other = new TestTenant(App);
        await other.DeployAsync(Models.JobThenTask("theirs", "j"));
        await mine.DeployAsync(Models.JobThenTask("mine", "j"));

        using var designer = mine.Designer();
        var list = JsonNode.Parse(await designer.GetStringAsync("processes", Ct))!.AsArray();

        Assert.Equal(["mine"], list.Select(p => p.Str("bpmnProcessId")));
    }

    public static TheoryData<string> EngineModels() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Models"), "*.bpmn").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(EngineModels))]
    public async Task Deploy_EngineTestModel_DeploysOrListsProblems(string file)
    {
        using var designer = new TestTenant(App).Designer();
        var response = await designer.PostAsync("processes", TestTenant.Xml(Models.Read(file)), Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{file}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest) Assert.NotEmpty((await Json.ObjectAsync(response))["problems"]!.AsArray());
    }
}
