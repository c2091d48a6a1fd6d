using Grpc.Core;
using Grpc.Core.Interceptors;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.Grpc;

/// <summary>Starts a span per gRPC call and turns expected failures into daprd's gRPC status codes.</summary>
public sealed class DaprErrorInterceptor(AppChannels apps) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var app = apps.ForPort(context.GetHttpContext().Connection.LocalPort).Id;
        using var activity = Telemetry.StartApiActivity(context.Method[(context.Method.LastIndexOf('/') + 1)..], app, context.RequestHeaders.GetValue("traceparent"));
        try
        {
            return await continuation(request, context);
        }
        catch (DaprException error)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Message);
            throw new RpcException(new Status(error.GrpcStatus, error.Message));
        }
    }
}
