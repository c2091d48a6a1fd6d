using Dapr;
using Dapr.Client;

namespace Sandbox.Sidecar.Tests.Conformance;

/// <summary>State behaviour through the Dapr SDK, run against the stand-in and, where installed, against daprd.</summary>
public static class StateCases
{
    public const string Store = "statestore";

    private sealed record Draft(string Title, int Step);

    private static string NewKey() => "k-" + Guid.NewGuid().ToString("N");

    public static async Task SaveThenGet_ReturnsValueAndEtag(DaprClient client)
    {
        var key = NewKey();
        await client.SaveStateAsync(Store, key, new Draft("parking permit", 2));
        var (value, etag) = await client.GetStateAndETagAsync<Draft>(Store, key);
        Assert.Equal(new Draft("parking permit", 2), value);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    public static async Task TrySave_WithStaleEtag_ReturnsFalseAndKeepsValue(DaprClient client)
    {
        var key = NewKey();
        await client.SaveStateAsync(Store, key, new Draft("a", 1));
        var (_, first) = await client.GetStateAndETagAsync<Draft>(Store, key);
        Assert.True(await client.TrySaveStateAsync(Store, key, new Draft("b", 2), first));
        Assert.False(await client.TrySaveStateAsync(Store, key, new Draft("c", 3), first));
        Assert.False(await client.TryDeleteStateAsync(Store, key, first));
        Assert.Equal(new Draft("b", 2), await client.GetStateAsync<Draft>(Store, key));
    }

    public static async Task Transaction_WithStaleEtag_RollsBackEveryOperation(DaprClient client)
    {
        var (kept, created, conflicting) = (NewKey(), NewKey(), NewKey());
        await client.SaveStateAsync(Store, kept, new Draft("kept", 1));
        await client.SaveStateAsync(Store, conflicting, new Draft("old", 1));
        var operations = new List<StateTransactionRequest>
        {
            new(created, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Draft("new", 1)), StateOperationType.Upsert),
            new(kept, null, StateOperationType.Delete),
            new(conflicting, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Draft("new", 2)), StateOperationType.Upsert, etag: "not-the-etag"),
        };
        await Assert.ThrowsAsync<global::Dapr.DaprException>(() => client.ExecuteStateTransactionAsync(Store, operations));
        Assert.Null(await client.GetStateAsync<Draft>(Store, created));
        Assert.Equal(new Draft("kept", 1), await client.GetStateAsync<Draft>(Store, kept));
        Assert.Equal(new Draft("old", 1), await client.GetStateAsync<Draft>(Store, conflicting));
    }

    public static async Task Transaction_Applies_AllOperations(DaprClient client)
    {
        var (a, b) = (NewKey(), NewKey());
        await client.SaveStateAsync(Store, b, new Draft("b", 1));
        await client.ExecuteStateTransactionAsync(Store,
        [
            new(a, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Draft("a", 1)), StateOperationType.Upsert),
            new(b, null, StateOperationType.Delete),
        ]);
        Assert.Equal(new Draft("a", 1), await client.GetStateAsync<Draft>(Store, a));
        Assert.Null(await client.GetStateAsync<Draft>(Store, b));
    }

    public static async Task BulkGet_ReturnsFoundAndMissingKeys_AndBulkDeleteRemoves(DaprClient client)
    {
        var (a, b, missing) = (NewKey(), NewKey(), NewKey());
        await client.SaveBulkStateAsync(Store, new List<SaveStateItem<Draft>> { new(a, new Draft("a", 1), ""), new(b, new Draft("b", 2), "") });
        var items = await client.GetBulkStateAsync<Draft>(Store, [a, b, missing], parallelism: 1);
        Assert.Equal(new Draft("a", 1), items.Single(i => i.Key == a).Value);
        Assert.Equal(new Draft("b", 2), items.Single(i => i.Key == b).Value);
        Assert.Null(items.Single(i => i.Key == missing).Value);
        await client.DeleteBulkStateAsync(Store, [new BulkDeleteStateItem(a, ""), new BulkDeleteStateItem(b, "")]);
        Assert.All(await client.GetBulkStateAsync<Draft>(Store, [a, b], parallelism: 1), item => Assert.Null(item.Value));
    }

    public static async Task FirstWrite_WithoutEtag_DoesNotOverwrite(DaprClient client)
    {
        var key = NewKey();
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };
        await client.SaveStateAsync(Store, key, new Draft("first", 1), firstWrite);
        await Assert.ThrowsAsync<global::Dapr.DaprException>(() => client.SaveStateAsync(Store, key, new Draft("second", 2), firstWrite));
        Assert.Equal(new Draft("first", 1), await client.GetStateAsync<Draft>(Store, key));
    }

    public static async Task UnknownStore_FailsNamingTheStore(DaprClient client)
    {
        var error = await Assert.ThrowsAsync<global::Dapr.DaprException>(() => client.GetStateAsync<Draft>("no-such-store", "k"));
        Assert.Contains("no-such-store", error.InnerException?.Message ?? error.Message);
    }
}
