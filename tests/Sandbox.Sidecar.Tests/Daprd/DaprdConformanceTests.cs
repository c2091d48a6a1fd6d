using Dapr.Client;
using Sandbox.Sidecar.Tests.Conformance;
using Sandbox.Sidecar.Tests.Infrastructure;

namespace Sandbox.Sidecar.Tests.Daprd;

/// <summary>
/// The conformance cases against the real daprd. daprd's <c>pubsub.in-memory</c> is not shared between sidecars, so
/// the pub/sub cases here publish through the subscriber's own sidecar.
/// </summary>
[Trait("Requires", "daprd")]
public sealed class DaprdConformanceTests
{
    private static async Task WithDaprdAsync(Func<DaprClient, SidecarApp, Task> test, SubscriberApp? app = null, params string[] extra)
    {
        var daprd = DaprdSidecar.Require();
        using var data = new TempFolder();
        var state = TestResources.StateStore.Replace("\"state.db\"", $"\"{Path.Combine(data.Path, "state.db")}\"");
        using var resources = TestResources.Folder([state, TestResources.PubSub, .. extra]);
        var sidecarApp = SidecarApp.Create("conformance", app?.Port ?? 0);
        await using var sidecar = await DaprdSidecar.StartAsync(daprd, resources.Path, sidecarApp);
        using var client = sidecarApp.Client(SidecarProcess.Token);
        await test(client, sidecarApp);
    }

    [DaprdFact] public Task SaveThenGet() => WithDaprdAsync((c, _) => StateCases.SaveThenGet_ReturnsValueAndEtag(c));
    [DaprdFact] public Task StaleEtag() => WithDaprdAsync((c, _) => StateCases.TrySave_WithStaleEtag_ReturnsFalseAndKeepsValue(c));
    [DaprdFact] public Task TransactionRollback() => WithDaprdAsync((c, _) => StateCases.Transaction_WithStaleEtag_RollsBackEveryOperation(c));
    [DaprdFact] public Task Transaction() => WithDaprdAsync((c, _) => StateCases.Transaction_Applies_AllOperations(c));
    [DaprdFact] public Task BulkGetAndDelete() => WithDaprdAsync((c, _) => StateCases.BulkGet_ReturnsFoundAndMissingKeys_AndBulkDeleteRemoves(c));
    [DaprdFact] public Task FirstWrite() => WithDaprdAsync((c, _) => StateCases.FirstWrite_WithoutEtag_DoesNotOverwrite(c));
    [DaprdFact] public Task UnknownStore() => WithDaprdAsync((c, _) => StateCases.UnknownStore_FailsNamingTheStore(c));

    [DaprdFact]
    public async Task PublishDelivers_AsCloudEvents()
    {
        DaprdSidecar.Require();
        await using var app = await PubSubCases.OrdersAppAsync();
        await WithDaprdAsync((c, self) => PubSubCases.EachApp_ReceivesEveryMessage_AsCloudEvents(c, self.Id, app), app);
    }

    [DaprdFact]
    public async Task RetryThenDeadLetter()
    {
        DaprdSidecar.Require();
        await using var app = await PubSubCases.OrdersAppAsync();
        await WithDaprdAsync(async (c, _) =>
            Assert.Equal(3, await PubSubCases.FailingDelivery_EndsOnDeadLetterTopic(c, app, Microsoft.AspNetCore.Http.Results.Ok(new { status = "RETRY" }))),
            app, TestResources.QuickRetries);
    }
}
