using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace Sandbox.Sidecar.Grpc;

/// <summary>
/// Binds <c>dapr.proto.runtime.v1.Dapr</c> from the message types in Dapr.Protos (which ships no server base class).
/// Methods this sidecar implements go to <see cref="DaprGrpcService"/>; every other method of the service answers
/// Unimplemented with its name, so a client never waits on a call nobody serves.
/// </summary>
public sealed class DaprMethodProvider : IServiceMethodProvider<DaprGrpcService>
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = DaprProto.Dapr.Descriptor;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprGrpcService> context)
    {
        var implemented = new HashSet<string>();
        void Unary<TRequest, TResponse>(string name, Func<DaprGrpcService, TRequest, ServerCallContext, Task<TResponse>> handler)
            where TRequest : class, IMessage<TRequest>, new() where TResponse : class, IMessage<TResponse>, new()
        {
            implemented.Add(name);
            context.AddUnaryMethod(Method<TRequest, TResponse>(MethodType.Unary, name), [], (service, request, call) => handler(service, request, call));
        }

        Unary<DaprProto.GetStateRequest, DaprProto.GetStateResponse>("GetState", (s, r, c) => s.GetState(r, c));
        Unary<DaprProto.GetBulkStateRequest, DaprProto.GetBulkStateResponse>("GetBulkState", (s, r, c) => s.GetBulkState(r, c));
        Unary<DaprProto.SaveStateRequest, Google.Protobuf.WellKnownTypes.Empty>("SaveState", (s, r, c) => s.SaveState(r, c));
        Unary<DaprProto.DeleteStateRequest, Google.Protobuf.WellKnownTypes.Empty>("DeleteState", (s, r, c) => s.DeleteState(r, c));
        Unary<DaprProto.DeleteBulkStateRequest, Google.Protobuf.WellKnownTypes.Empty>("DeleteBulkState", (s, r, c) => s.DeleteBulkState(r, c));
        Unary<DaprProto.ExecuteStateTransactionRequest, Google.Protobuf.WellKnownTypes.Empty>("ExecuteStateTransaction", (s, r, c) => s.ExecuteStateTransaction(r, c));
        Unary<DaprProto.PublishEventRequest, Google.Protobuf.WellKnownTypes.Empty>("PublishEvent", (s, r, c) => s.PublishEvent(r, c));
        Unary<DaprProto.BulkPublishRequest, DaprProto.BulkPublishResponse>("BulkPublishEvent", (s, r, c) => s.BulkPublishEvent(r, c));
        Unary<DaprProto.BulkPublishRequest, DaprProto.BulkPublishResponse>("BulkPublishEventAlpha1", (s, r, c) => s.BulkPublishEvent(r, c));
        Unary<DaprProto.InvokeBindingRequest, DaprProto.InvokeBindingResponse>("InvokeBinding", (s, r, c) => s.InvokeBinding(r, c));
        Unary<DaprProto.GetSecretRequest, DaprProto.GetSecretResponse>("GetSecret", (s, r, c) => s.GetSecret(r, c));
        Unary<DaprProto.GetBulkSecretRequest, DaprProto.GetBulkSecretResponse>("GetBulkSecret", (s, r, c) => s.GetBulkSecret(r, c));
        Unary<DaprProto.GetMetadataRequest, DaprProto.GetMetadataResponse>("GetMetadata", (s, r, c) => s.GetMetadata(r, c));
        Unary<DaprProto.ShutdownRequest, Google.Protobuf.WellKnownTypes.Empty>("Shutdown", (s, r, c) => s.Shutdown(r, c));
        Unary<DaprProto.InvokeServiceRequest, DaprProto.InvokeResponse>("InvokeService", (s, r, c) => s.InvokeService(r, c));

        var addUnsupported = typeof(DaprMethodProvider).GetMethod(nameof(AddUnsupported), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var method in Service.Methods.Where(m => !implemented.Contains(m.Name)))
            addUnsupported.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType).Invoke(null, [context, method]);
    }

    private static void AddUnsupported<TRequest, TResponse>(ServiceMethodProviderContext<DaprGrpcService> context, MethodDescriptor descriptor)
        where TRequest : class, IMessage<TRequest>, new() where TResponse : class, IMessage<TResponse>, new()
    {
        var error = new RpcException(new Status(StatusCode.Unimplemented,
            $"method {Service.FullName}/{descriptor.Name} is not supported by Sandbox.Sidecar; it needs the real daprd"));
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = Method<TRequest, TResponse>(type, descriptor.Name);
        switch (type)
        {
            case MethodType.Unary: context.AddUnaryMethod(method, [], (_, _, _) => throw error); break;
            case MethodType.ServerStreaming: context.AddServerStreamingMethod(method, [], (_, _, _, _) => throw error); break;
            case MethodType.ClientStreaming: context.AddClientStreamingMethod(method, [], (_, _, _) => throw error); break;
            default: context.AddDuplexStreamingMethod(method, [], (_, _, _, _) => throw error); break;
        }
    }

    private static Method<TRequest, TResponse> Method<TRequest, TResponse>(MethodType type, string name)
        where TRequest : class, IMessage<TRequest>, new() where TResponse : class, IMessage<TResponse>, new() =>
        new(type, Service.FullName, name, Marshaller<TRequest>(), Marshaller<TResponse>());

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
