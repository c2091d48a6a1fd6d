using Sandbox.Sidecar.Invocation;

namespace Sandbox.Sidecar.Http;

/// <summary>Service invocation over HTTP: <c>/v1.0/invoke/{appId}/method/{path}</c> and the <c>dapr-app-id</c> header.</summary>
public static class InvokeHttpApi
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "dapr-api-token", "dapr-app-id", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "Content-Length",
    };

    public static void MapInvokeApi(this IEndpointRouteBuilder routes) =>
        routes.Map("/v1.0/invoke/{appId}/method/{**path}", (HttpContext context, string appId, string? path) =>
            ForwardAsync(context, appId, path ?? ""));

    /// <summary>Lets a request that names its target in <c>dapr-app-id</c> reach any path, as daprd does.</summary>
    public static IApplicationBuilder UseAppIdHeaderInvocation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.TryGetValue("dapr-app-id", out var appId) && !context.Request.Path.StartsWithSegments("/v1.0"))
            await ForwardAsync(context, appId.ToString(), context.Request.Path.Value ?? "");
        else
            await next(context);
    });

    private static async Task ForwardAsync(HttpContext context, string appId, string path)
    {
        var caller = context.App();
        var target = context.RequestServices.GetRequiredService<Invoker>().Resolve(caller.Id, appId, path, context.Request.QueryString.Value ?? "");
        System.Diagnostics.Activity.Current?.SetTag("dapr.invoke.target", appId);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target.Uri);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(context.Request.Body);
        foreach (var header in context.Request.Headers.Where(h => !NotForwarded.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }
        foreach (var (name, value) in target.Headers) request.Headers.TryAddWithoutValidation(name, value);
        HttpResponseMessage response;
        try
        {
            response = target.LocalApp is { } local
                ? await local.SendAsync(request, context.RequestAborted)
                : await context.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient("invoke")
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException error)
        {
            throw DaprErrors.Invoke(appId, error.Message);
        }
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !NotForwarded.Contains(h.Key)))
                context.Response.Headers[header.Key] = header.Value.ToArray();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
