using Microsoft.AspNetCore.Diagnostics;

namespace Sandbox.Workflow.Hosting;

/// <summary>A body the framework could not bind (malformed JSON) is the caller's error: ProblemDetails with its 4xx status.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        });
    }
}
