using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sandbox.Sidecar.Components;
using Sandbox.Sidecar.Hosting;
using Sandbox.Sidecar.State;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace Sandbox.Sidecar.Grpc;

/// <summary>The gRPC Dapr API: state, publish, bindings, secrets, metadata, shutdown and invocation.</summary>
public sealed partial class DaprGrpcService(ComponentHost components, AppChannels apps)
{
    private AppChannel App(ServerCallContext call) => apps.ForPort(call.GetHttpContext().Connection.LocalPort);

    public Task<DaprProto.GetStateResponse> GetState(DaprProto.GetStateRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        var entry = components.StateStore(app, request.StoreName).Get(app, request.Key);
        var response = new DaprProto.GetStateResponse();
        if (entry is not null)
        {
            response.Data = ByteString.CopyFrom(entry.Value);
            response.Etag = entry.Etag;
            response.Metadata.Add(new Dictionary<string, string>(entry.Metadata));
        }
        return Task.FromResult(response);
    }

    public Task<DaprProto.GetBulkStateResponse> GetBulkState(DaprProto.GetBulkStateRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        var response = new DaprProto.GetBulkStateResponse();
        foreach (var (key, entry) in components.StateStore(app, request.StoreName).BulkGet(app, request.Keys))
        {
            var item = new DaprProto.BulkStateItem { Key = key };
            if (entry is not null)
            {
                item.Data = ByteString.CopyFrom(entry.Value);
                item.Etag = entry.Etag;
                item.Metadata.Add(new Dictionary<string, string>(entry.Metadata));
            }
            response.Items.Add(item);
        }
        return Task.FromResult(response);
    }

    public async Task<Empty> SaveState(DaprProto.SaveStateRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        await components.StateStore(app, request.StoreName).ApplyAsync(app, request.States.Select(Upsert).ToList());
        return new Empty();
    }

    public async Task<Empty> DeleteState(DaprProto.DeleteStateRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        await components.StateStore(app, request.StoreName).ApplyAsync(app, [new StateRemove(request.Key, Blank(request.Etag?.Value), Concurrency(request.Options))]);
        return new Empty();
    }

    public async Task<Empty> DeleteBulkState(DaprProto.DeleteBulkStateRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        await components.StateStore(app, request.StoreName).ApplyAsync(app, request.States.Select(Remove).ToList());
        return new Empty();
    }

    public async Task<Empty> ExecuteStateTransaction(DaprProto.ExecuteStateTransactionRequest request, ServerCallContext call)
    {
        var app = App(call).Id;
        var store = components.StateStore(app, request.StoreName);
        var operations = request.Operations.Select(op => op.OperationType switch
        {
            "upsert" => Upsert(op.Request),
            "delete" => (StateOperation)Remove(op.Request),
            var other => throw DaprErrors.BadRequest("ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {other} not supported"),
        }).ToList();
        await store.ApplyAsync(app, operations);
        return new Empty();
    }

    private static StateUpsert Upsert(DaprProto.StateItem item) =>
        new(item.Key, item.Value.ToByteArray(), Blank(item.Etag?.Value), Concurrency(item.Options), item.Metadata);

    private static StateRemove Remove(DaprProto.StateItem item) => new(item.Key, Blank(item.Etag?.Value), Concurrency(item.Options));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Concurrency Concurrency(DaprProto.StateOptions? options) => options?.Concurrency switch
    {
        DaprProto.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite => State.Concurrency.FirstWrite,
        DaprProto.StateOptions.Types.StateConcurrency.ConcurrencyLastWrite => State.Concurrency.LastWrite,
        _ => State.Concurrency.Unspecified,
    };
}
