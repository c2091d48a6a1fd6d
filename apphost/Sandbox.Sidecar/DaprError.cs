using Grpc.Core;

namespace Sandbox.Sidecar;

/// <summary>
/// An expected failure, answered as daprd answers it: an error code and message, an HTTP status for the
/// HTTP API and a gRPC status for the gRPC API.
/// </summary>
public sealed class DaprException(string code, string message, int httpStatus, StatusCode grpcStatus) : Exception(message)
{
    public string Code { get; } = code;
    public int HttpStatus { get; } = httpStatus;
    public StatusCode GrpcStatus { get; } = grpcStatus;
}

/// <summary>The daprd errors this sidecar answers with, in one place.</summary>
public static class DaprErrors
{
    public static DaprException StoreNotFound(string name) =>
        new("ERR_STATE_STORE_NOT_FOUND", $"state store {name} is not found", 400, StatusCode.InvalidArgument);

    public static DaprException PubsubNotFound(string name) =>
        new("ERR_PUBSUB_NOT_FOUND", $"pubsub {name} not found", 404, StatusCode.InvalidArgument);

    public static DaprException BindingNotFound(string name) =>
        new("ERR_INVOKE_OUTPUT_BINDING", $"error invoking output binding {name}: couldn't find output binding {name}", 500, StatusCode.Internal);

    public static DaprException SecretStoreNotFound(string name) =>
        new("ERR_SECRET_STORE_NOT_FOUND", $"failed finding secret store with key {name}", 401, StatusCode.InvalidArgument);

    public static DaprException Malformed(string detail) =>
        new("ERR_MALFORMED_REQUEST", $"failed deserializing HTTP body: {detail}", 400, StatusCode.InvalidArgument);

    public static DaprException BadRequest(string code, string message) => new(code, message, 400, StatusCode.InvalidArgument);

    public static DaprException EtagMismatch(string key) =>
        new("ERR_STATE_SAVE", $"possible etag mismatch. error from state store: etag mismatch for key {key}", 409, StatusCode.Aborted);

    public static DaprException Binding(string name, string detail) =>
        new("ERR_INVOKE_OUTPUT_BINDING", $"error invoking output binding {name}: {detail}", 500, StatusCode.Internal);

    public static DaprException Invoke(string appId, string detail) =>
        new("ERR_DIRECT_INVOKE", $"failed to invoke, id: {appId}, err: {detail}", 500, StatusCode.Internal);

    public static DaprException Unauthorized(string detail) =>
        new("ERR_UNAUTHORIZED", detail, 401, StatusCode.Unauthenticated);

    public static DaprException NotSupported(string api) =>
        new("ERR_NOT_SUPPORTED", $"{api} is not supported by Sandbox.Sidecar; it needs the real daprd", 501, StatusCode.Unimplemented);
}
