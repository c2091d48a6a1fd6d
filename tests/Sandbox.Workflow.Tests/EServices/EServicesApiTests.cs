using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Security;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>Uploading packages and reading the catalog through HTTP, on each store.</summary>
public abstract class EServicesApiTests(Func<WorkflowApp> app)
{
    private WorkflowApp App => app();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> UploadAsync(Tenant tenant, HttpContent content)
    {
        using var designer = tenant.Designer();
        return await designer.PostAsync("eservices", content, Ct);
    }

    private async Task<EServiceStart?> FindStartAsync(string tenant)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEServiceCatalog>().FindStartAsync(tenant, "school-transport-application", Ct);
    }

    [Fact]
    public async Task Upload_SamplePackage_DeploysFormsTemplatesProcessAndCatalogRow()
    {
        var tenant = new Tenant(App, "uppsala-" + Guid.NewGuid().ToString("n")[..6]);

        var response = await UploadAsync(tenant, SamplePackage.Json());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ObjectAsync(response);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal("school-transport", body.Str("bpmnProcessId"));
        Assert.Equal("distance-check", body["jobs"]!["distance-check"].Str("appId"));

        var forms = App.Targets.Forms.Select(f => f.Form.FormId).ToList();
        Assert.Contains("school-transport-application", forms);
        Assert.All(App.Targets.Forms, f => Assert.StartsWith("Bearer ", f.Authorization));
        Assert.Contains(App.Targets.Templates, t => t.Template.Id == "rejected-email");

        using var designer = tenant.Designer();
        var processes = await designer.GetFromJsonAsync<JsonArray>("processes", Ct);
        Assert.Contains(processes!, p => p.Str("bpmnProcessId") == "school-transport");

        var start = await FindStartAsync(tenant.Id);
        Assert.NotNull(start);
        Assert.Equal(("school-transport", 1, "school-transport"), (start.EServiceId, start.EServiceVersion, start.BpmnProcessId));
        Assert.Equal(4, start.Variables["distanceLimitKm"]!.GetValue<long>());
    }

    [Fact]
    public async Task Upload_InATenantWithOwnVariables_MergesThem()
    {
        var tenant = new Tenant(App, "tampere");
        await using var scope = App.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IEServiceCatalog>();

        Assert.True((await UploadAsync(tenant, SamplePackage.Json())).IsSuccessStatusCode);

        var start = await catalog.FindStartAsync("tampere", "school-transport-application", Ct);
        Assert.Equal(5, start!.Variables["distanceLimitKm"]!.GetValue<long>());
        var route = await catalog.FindJobRouteAsync("tampere", "school-transport", "distance-check", Ct);
        Assert.Equal(new JobRoute("distance-check", "jobs/distance-check"), route);
        Assert.Null(await catalog.FindJobRouteAsync("tampere", "school-transport", "notify", Ct));
    }

    [Fact]
    public async Task Upload_SameContentAgain_KeepsTheVersion_ChangedContentGetsTheNext()
    {
        var tenant = new Tenant(App);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(tenant, SamplePackage.Json())).StatusCode);

        var again = await UploadAsync(tenant, SamplePackage.ZipContent(SamplePackage.Zip(SamplePackage.Map())));
        var changed = await UploadAsync(tenant, SamplePackage.Json(f => f["eservice.yaml"] = f["eservice.yaml"].Replace("distanceLimitKm: 4", "distanceLimitKm: 6")));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await Json.ObjectAsync(again))["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        Assert.Equal(2, (await Json.ObjectAsync(changed))["version"]!.GetValue<int>());
        Assert.Equal(6, (await FindStartAsync(tenant.Id))!.Variables["distanceLimitKm"]!.GetValue<long>());
    }

    [Fact]
    public async Task Upload_InvalidPackage_Returns400NamingTheFile_AndDeploysNothing()
    {
        var tenant = new Tenant(App);
        var formsBefore = App.Targets.Forms.Count;

        var response = await UploadAsync(tenant, SamplePackage.Json(f => f["process.bpmn"] = "<not-bpmn"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ObjectAsync(response))["errors"]!.AsObject();
        Assert.Contains("process.bpmn", errors.Select(e => e.Key));
        Assert.Equal(formsBefore, App.Targets.Forms.Count);
        Assert.Null(await FindStartAsync(tenant.Id));
    }

    [Fact]
    public async Task Upload_WhenATemplateServiceFails_Returns502_AndPublishesNothing()
    {
        var tenant = new Tenant(App);
        var id = "received-email";
        App.Targets.TemplateAnswers[id] = new TargetResult(false, false, "notifications could not be reached");
        try
        {
            var response = await UploadAsync(tenant, SamplePackage.Json());

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Contains("templates/received-email.yaml", (await Json.ObjectAsync(response)).Str("detail"));
            Assert.Null(await FindStartAsync(tenant.Id));
            using var designer = tenant.Designer();
            Assert.DoesNotContain((await designer.GetFromJsonAsync<JsonArray>("processes", Ct))!, p => p.Str("bpmnProcessId") == "school-transport");
        }
        finally
        {
            App.Targets.TemplateAnswers.TryRemove(id, out _);
        }
    }

    [Fact]
    public async Task Upload_WhenAServiceRefusesAPart_Returns400NamingIt()
    {
        var tenant = new Tenant(App);
        var id = "approved-inapp";
        App.Targets.TemplateAnswers[id] = new TargetResult(false, true, "notifications answered 400: the Liquid does not parse");
        try
        {
            var response = await UploadAsync(tenant, SamplePackage.Json());

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("templates/approved-inapp.yaml", (await Json.ObjectAsync(response))["errors"]!.AsObject().Select(e => e.Key));
        }
        finally
        {
            App.Targets.TemplateAnswers.TryRemove(id, out _);
        }
    }

    [Fact]
    public async Task Upload_OfAnotherMediaType_Returns415()
    {
        var response = await UploadAsync(new Tenant(App), new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"files\": 3}")]
    [InlineData("application/json", "{\"files\": {\"../x\": \"y\"}}")]
    [InlineData("application/zip", "not a zip")]
    public async Task Upload_Unreadable_Returns400(string contentType, string body)
    {
        var response = await UploadAsync(new Tenant(App), new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_AsCaseworker_Returns403()
    {
        using var caseworker = new Tenant(App).Caseworker();

        var response = await caseworker.PostAsync("eservices", SamplePackage.Json(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_Anonymous_NeedsATenant_AndSeesOnlyThatTenantsPublishedOnes()
    {
        var tenant = new Tenant(App);
        var other = new Tenant(App);
        await UploadAsync(tenant, SamplePackage.Json());
        using var anonymous = tenant.Anonymous();

        var without = await anonymous.GetAsync("eservices", Ct);
        var mine = await anonymous.GetFromJsonAsync<JsonArray>($"eservices?tenant={tenant.Id}", Ct);
        var others = await anonymous.GetFromJsonAsync<JsonArray>($"eservices?tenant={other.Id}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        var item = Assert.Single(mine!)!;
        Assert.Equal("Skoleskyss", item["names"].Str("nb"));
        Assert.Equal("school-transport-application", item.Str("startForm"));
        Assert.Equal("published", item.Str("status"));
        Assert.Empty(others!);
    }

    [Fact]
    public async Task Retire_TakesTheVersionOutOfTheCatalog_PublishBringsItBack()
    {
        var tenant = new Tenant(App);
        await UploadAsync(tenant, SamplePackage.Json());
        using var designer = tenant.Designer();
        using var caseworker = tenant.Caseworker();

        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsync("eservices/school-transport/versions/1/retire", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await designer.PostAsync("eservices/school-transport/versions/9/retire", null, Ct)).StatusCode);
        var retired = await designer.PostAsync("eservices/school-transport/versions/1/retire", null, Ct);

        Assert.Equal("retired", (await Json.ObjectAsync(retired)).Str("status"));
        Assert.Empty((await caseworker.GetFromJsonAsync<JsonArray>("eservices", Ct))!);
        Assert.Null(await FindStartAsync(tenant.Id));
        var detail = await caseworker.GetFromJsonAsync<JsonObject>("eservices/school-transport", Ct);
        Assert.Null(detail!["current"]);
        Assert.Equal("retired", detail["versions"]![0].Str("status"));
        using var anonymous = tenant.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"eservices/school-transport?tenant={tenant.Id}", Ct)).StatusCode);

        await designer.PostAsync("eservices/school-transport/versions/1/publish", null, Ct);
        Assert.NotNull(await FindStartAsync(tenant.Id));
        var shown = await anonymous.GetFromJsonAsync<JsonObject>($"eservices/school-transport?tenant={tenant.Id}", Ct);
        Assert.Equal(1, shown!["current"]!["version"]!.GetValue<int>());
        Assert.Null(shown["versions"]);
    }

    [Fact]
    public async Task TenantAdmin_RetiresAndPublishes_ButNotAnotherTenantsVersions()
    {
        var tenant = new Tenant(App);
        var other = new Tenant(App);
        await UploadAsync(tenant, SamplePackage.Json());
        await UploadAsync(other, SamplePackage.Json());
        using var admin = App.Client(Tokens.Create("admin-" + tenant.Id, tenant.Id, [Roles.TenantAdmin]));

        var retired = await admin.PostAsync("eservices/school-transport/versions/1/retire", null, Ct);
        Assert.Equal("retired", (await Json.ObjectAsync(retired)).Str("status"));
        Assert.Null(await FindStartAsync(tenant.Id));
        Assert.NotNull(await FindStartAsync(other.Id));

        var published = await admin.PostAsync("eservices/school-transport/versions/1/publish", null, Ct);
        Assert.Equal("published", (await Json.ObjectAsync(published)).Str("status"));
        Assert.NotNull(await FindStartAsync(tenant.Id));
    }

    [Fact]
    public async Task ListAll_ForDesignerAndAdmin_KeepsRetiredEServicesWithEveryVersionAndStatus()
    {
        var tenant = new Tenant(App);
        await UploadAsync(tenant, SamplePackage.Json());
        await UploadAsync(tenant, SamplePackage.Json(f => f["eservice.yaml"] = f["eservice.yaml"].Replace("distanceLimitKm: 4", "distanceLimitKm: 6")));
        using var designer = tenant.Designer();
        Assert.Equal(HttpStatusCode.OK, (await designer.PostAsync("eservices/school-transport/versions/1/retire", null, Ct)).StatusCode);

        var mixed = Assert.Single((await designer.GetFromJsonAsync<JsonArray>("eservices?all=true", Ct))!)!;
        Assert.Equal(("school-transport", 2), (mixed.Str("id"), mixed["current"]!["version"]!.GetValue<int>()));
        Assert.Equal([(2, "published"), (1, "retired")], mixed["versions"]!.AsArray().Select(v => (v!["version"]!.GetValue<int>(), v.Str("status"))));
        Assert.Equal("Skolskjuts", mixed["versions"]![1]!["names"].Str("sv"));

        await designer.PostAsync("eservices/school-transport/versions/2/retire", null, Ct);
        Assert.Empty((await designer.GetFromJsonAsync<JsonArray>("eservices", Ct))!);
        using var admin = App.Client(Tokens.Create("admin-" + tenant.Id, tenant.Id, [Roles.TenantAdmin]));
        var retired = Assert.Single((await admin.GetFromJsonAsync<JsonArray>("eservices?all=true", Ct))!)!;
        Assert.Null(retired["current"]);
        Assert.Equal(["retired", "retired"], retired["versions"]!.AsArray().Select(v => v.Str("status")));
        Assert.Equal("school-transport-application", retired["versions"]![0].Str("startForm"));
    }

    [Fact]
    public async Task ListAll_SeesOnlyTheCallersTenant_UnlessAPlatformAdminNamesOne()
    {
        var tenant = new Tenant(App);
        var other = new Tenant(App);
        await UploadAsync(tenant, SamplePackage.Json());
        using var designer = tenant.Designer();
        await designer.PostAsync("eservices/school-transport/versions/1/retire", null, Ct);
        using var otherDesigner = other.Designer();
        using var platform = App.Client(Tokens.Create("platform-admin", "platform", [Roles.PlatformAdmin]));

        Assert.Empty((await otherDesigner.GetFromJsonAsync<JsonArray>("eservices?all=true", Ct))!);
        Assert.Empty((await otherDesigner.GetFromJsonAsync<JsonArray>($"eservices?all=true&tenant={tenant.Id}", Ct))!);
        Assert.Single((await designer.GetFromJsonAsync<JsonArray>("eservices?all=true", Ct))!);
        Assert.Single((await platform.GetFromJsonAsync<JsonArray>($"eservices?all=true&tenant={tenant.Id}", Ct))!);
    }

    [Fact]
    public async Task ListAll_ForCitizenCaseworkerWorkerOrAnonymous_Returns403()
    {
        var tenant = new Tenant(App);
        await UploadAsync(tenant, SamplePackage.Json());
        using var citizen = App.Client(Tokens.Create("citizen-" + tenant.Id, tenant.Id, [Roles.Citizen], nationalId: "19800101-1234"));
        using var caseworker = tenant.Caseworker();
        using var worker = tenant.Worker();
        using var anonymous = tenant.Anonymous();

        foreach (var (client, url) in new[] { (citizen, "eservices?all=true"), (caseworker, "eservices?all=true"), (worker, "eservices?all=true"),
                     (anonymous, $"eservices?all=true&tenant={tenant.Id}") })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Single((await anonymous.GetFromJsonAsync<JsonArray>($"eservices?all=false&tenant={tenant.Id}", Ct))!);
    }
}

public sealed class SqliteEServicesApiTests(SqliteEServicesFixture fixture)
    : EServicesApiTests(() => fixture.App), IClassFixture<SqliteEServicesFixture>;

public sealed class PostgresEServicesApiTests(PostgresEServicesFixture fixture)
    : EServicesApiTests(() => fixture.App), IClassFixture<PostgresEServicesFixture>;
