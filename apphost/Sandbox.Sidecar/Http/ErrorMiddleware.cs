using Microsoft.AspNetCore.Http.Features;

namespace Sandbox.Sidecar.Http;

/// <summary>
/// Checks <c>dapr-api-token</c> when <c>DAPR_API_TOKEN</c> is set (health endpoints excepted, as in daprd) and turns
/// expected failures into daprd's error answers: <c>{"errorCode", "message"}</c> over HTTP, a status over gRPC.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, Hosting.SidecarOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;
        try
        {
            if (options.ApiToken is { } token && !context.Request.Path.StartsWithSegments("/v1.0/healthz")
                && context.Request.Headers["dapr-api-token"] != token)
                throw DaprErrors.Unauthorized(context.Request.Headers.ContainsKey("dapr-api-token") ? "authentication error: api token mismatch" : "missing api token in request");
            await next(context);
        }
        catch (DaprException error) when (!context.Response.HasStarted)
        {
            if (grpc)
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = ((int)error.GrpcStatus).ToString();
                context.Response.Headers["grpc-message"] = Uri.EscapeDataString(error.Message);
                return;
            }
            context.Response.StatusCode = error.HttpStatus;
            await context.Response.WriteAsJsonAsync(new { errorCode = error.Code, message = error.Message });
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted && error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.StatusCode = error.StatusCode;
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_BODY_TOO_LARGE", message = $"request body is larger than the limit of {limit} bytes" });
        }
    }
}
