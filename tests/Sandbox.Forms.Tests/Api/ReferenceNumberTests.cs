using System.Net;
using System.Text.RegularExpressions;
using Sandbox.Forms.Tests.Infrastructure;
using Sandbox.Testing;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>
/// Reference numbers on a fresh database (first use of the prefix and year): concurrent submissions, also through two
/// replicas on one PostgreSQL database, get distinct numbers, and nothing is logged as an error on the way.
/// </summary>
public partial class ReferenceNumberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyConcurrentFirstSubmissions_Sqlite_GetDistinctReferences_AndLogNoError()
    {
        await using var app = FormsApp.Start();
        await SubmitConcurrentlyAsync([app], 50);
    }

    [Fact]
    public async Task FiftyConcurrentFirstSubmissions_Postgres_GetDistinctReferences_AndLogNoError()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        await using var app = FormsApp.Start(server.ConnectionString("forms_refs"));
        await SubmitConcurrentlyAsync([app], 50);
    }

    [Fact]
    public async Task TwoReplicasOnOneDatabase_Postgres_NeverGiveTheSameReference()
    {
        Prerequisite.Require(PostgresServer.MissingReason());
        await using var server = await PostgresServer.StartAsync();
        var database = server.ConnectionString("forms_replicas");
        await using var first = FormsApp.Start(database);
        await using var second = FormsApp.Start(database);
        await SubmitConcurrentlyAsync([first, second], 60);
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneIdempotencyKey_StoreOneSubmission_AndLogNoError()
    {
        await using var app = FormsApp.Start();
        var formId = NewFormId();
        await app.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId));
        var client = app.Client(Tokens.Citizen("persona-retries"));
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => client.PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 3 }""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new HashSet<string>();
        foreach (var r in responses) ids.Add((string)(await r.JsonAsync())["id"]!);
        var id = Assert.Single(ids);
        Assert.Single(await (await client.GetAsync("/api/forms/submissions/mine", Ct)).JsonArrayAsync());
        var stored = await client.GetAsync($"/api/forms/submissions/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        await app.Events.WaitForAsync(e => e.Payload.Contains(id, StringComparison.Ordinal));
        Assert.Single(app.Events.Published, e => e.Payload.Contains(id, StringComparison.Ordinal));
        Assert.Empty(app.Logs.Errors());
    }

    // Publishes one form (through the first app) and posts `count` submissions at once, spread over the apps.
    private static async Task SubmitConcurrentlyAsync(FormsApp[] apps, int count)
    {
        var formId = NewFormId();
        var published = await apps[0].Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", SampleForm(formId));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        var posts = Enumerable.Range(0, count).Select(i => apps[i % apps.Length].Client(Tokens.Citizen($"persona-ref-{i}"))
            .PostJsonAsync($"/api/forms/{formId}/submissions", """{ "name": "A", "age": 30, "reason": "first" }"""));
        var responses = await Task.WhenAll(posts);

        var numbers = new List<int>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var match = Reference().Match((string)(await response.JsonAsync())["reference"]!);
            Assert.True(match.Success);
            Assert.Equal(DateTimeOffset.UtcNow.Year, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            numbers.Add(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(n >= 1));
        foreach (var app in apps) Assert.Empty(app.Logs.Errors());
    }

    [GeneratedRegex(@"^SKS-(\d{4})-(\d{6})$")]
    private static partial Regex Reference();
}
