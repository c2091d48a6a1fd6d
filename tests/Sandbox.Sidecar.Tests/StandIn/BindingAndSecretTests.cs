using System.Text;
using System.Text.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.StandIn;

public sealed class BindingAndSecretTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string LocalStorage(string root) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: attachments
        spec:
          type: bindings.localstorage
          version: v1
          metadata:
            - name: rootPath
              value: "{root}"
        """;

    private static Task<BindingResponse> Invoke(DaprClient client, string name, string operation, string data = "", params (string, string)[] metadata)
    {
        var request = new BindingRequest(name, operation) { Data = Encoding.UTF8.GetBytes(data) };
        foreach (var (key, value) in metadata) request.Metadata[key] = value;
        return client.InvokeBindingAsync(request, Cancel);
    }

    [Fact]
    public async Task LocalStorage_CreatesGetsListsAndDeletesFiles()
    {
        using var root = new TempFolder();
        await using var run = await Run.StartAsync([LocalStorage(root.Path)]);
        await Invoke(run.Client, "attachments", "create", "hello", ("fileName", "case-1/form.txt"));
        Assert.Equal("hello", Encoding.UTF8.GetString((await Invoke(run.Client, "attachments", "get", "", ("fileName", "case-1/form.txt"))).Data.Span));
        var list = JsonSerializer.Deserialize<string[]>((await Invoke(run.Client, "attachments", "list")).Data.Span);
        Assert.Contains(Path.Combine("case-1", "form.txt"), list!);
        await Invoke(run.Client, "attachments", "delete", "", ("fileName", "case-1/form.txt"));
        Assert.False(File.Exists(Path.Combine(root.Path, "case-1", "form.txt")));
    }

    [Fact]
    public async Task LocalStorage_RefusesPathTraversal()
    {
        using var root = new TempFolder();
        var storage = Path.Combine(root.Path, "storage");
        await using var run = await Run.StartAsync([LocalStorage(storage)]);
        var write = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => Invoke(run.Client, "attachments", "create", "x", ("fileName", "../escaped.txt")));
        Assert.Contains("outside rootPath", write.InnerException?.Message);
        Assert.False(File.Exists(Path.Combine(root.Path, "escaped.txt")));
        var read = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => Invoke(run.Client, "attachments", "get", "", ("fileName", "/etc/hostname")));
        Assert.Contains("outside rootPath", read.InnerException?.Message);
    }

    [Fact]
    public async Task ComponentScopedToAnotherApp_IsNotFound()
    {
        using var root = new TempFolder();
        var scoped = LocalStorage(root.Path) + "\nscopes:\n  - somebody-else\n";
        await using var run = await Run.StartAsync([scoped]);
        var error = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => Invoke(run.Client, "attachments", "list"));
        Assert.Contains("couldn't find output binding attachments", error.InnerException?.Message);
    }

    [Fact]
    public async Task Smtp_SendsTheMailToTheConfiguredServer()
    {
        await using var smtp = new FakeSmtpServer();
        var email = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: email
            spec:
              type: bindings.smtp
              version: v1
              metadata:
                - name: host
                  value: "127.0.0.1"
                - name: port
                  value: "{smtp.Port}"
                - name: emailFrom
                  value: "no-reply@sandbox.local"
            """;
        await using var run = await Run.StartAsync([email]);
        await Invoke(run.Client, "email", "create", "<p>Your case is approved</p>", ("emailTo", "citizen@example.org"), ("subject", "Decision"));
        var mail = await smtp.FirstMail.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Contains("To: citizen@example.org", mail);
        Assert.Contains("Subject: Decision", mail);
        Assert.Contains("Your case is approved", mail);
    }

    [Fact]
    public async Task Http_SendsTheRequestAndReturnsTheAnswer()
    {
        await using var target = await SubscriberApp.StartAsync((web, _) =>
            web.MapPost("/api/echo", async (HttpRequest request) => Results.Text("echo:" + await new StreamReader(request.Body).ReadToEndAsync())));
        var http = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: registry
            spec:
              type: bindings.http
              version: v1
              metadata:
                - name: url
                  value: "http://127.0.0.1:{target.Port}/api"
            """;
        await using var run = await Run.StartAsync([http]);
        var response = await Invoke(run.Client, "registry", "post", "ping", ("path", "echo"));
        Assert.Equal("echo:ping", Encoding.UTF8.GetString(response.Data.Span));
        Assert.Equal("200", response.Metadata["statusCode"]);
    }

    [Fact]
    public async Task Secrets_FromLocalFileAndLocalEnv()
    {
        using var files = new TempFolder();
        var secretsFile = files.Write("secrets.json", """{"db": {"password": "s3cret"}}""");
        var stores = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: secrets
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
                - name: secretsFile
                  value: "{secretsFile}"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: env
            spec:
              type: secretstores.local.env
              version: v1
              metadata:
                - name: prefix
                  value: "SANDBOX_TEST_"
            """;
        using var resources = TestResources.Folder(stores);
        using var data = new TempFolder();
        var app = SidecarApp.Create("forms");
        await using var sidecar = await SidecarProcess.StartAsync(resources.Path, data.Path, [app], new Dictionary<string, string?> { ["SANDBOX_TEST_API_KEY"] = "k-123" });
        using var client = app.Client(SidecarProcess.Token);
        Assert.Equal("s3cret", (await client.GetSecretAsync("secrets", "db:password", cancellationToken: Cancel))["db:password"]);
        Assert.Equal("k-123", (await client.GetSecretAsync("env", "API_KEY", cancellationToken: Cancel))["API_KEY"]);
        Assert.Contains("db:password", (await client.GetBulkSecretAsync("secrets", cancellationToken: Cancel)).Keys);
    }
}
