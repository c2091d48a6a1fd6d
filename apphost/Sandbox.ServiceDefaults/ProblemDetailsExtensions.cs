using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error answers RFC 7807 ProblemDetails carrying the trace id, so a citizen's
    /// "something went wrong" can be found in the dashboard.
    /// </summary>
    public static IServiceCollection AddSandboxProblemDetails(this IServiceCollection services) =>
        services.AddExceptionHandler<BadRequestExceptionHandler>()
            .AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            {
                var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
                context.ProblemDetails.Extensions.TryAdd("traceId", traceId);
                context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            });
}
