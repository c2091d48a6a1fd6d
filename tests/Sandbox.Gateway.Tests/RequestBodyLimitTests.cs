using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sandbox.Gateway.Tests;

public class RequestBodyLimitTests
{
    private static readonly GatewayOptions Options = new() { MaxRequestBodyBytes = 1000 };

    [Fact]
    public async Task Invoke_DeclaredBodyOverLimit_Answers413ProblemWithoutForwarding()
    {
        var (middleware, forwarded) = Create();
        var context = NewContext(contentLength: 1001);

        await middleware.InvokeAsync(context);

        Assert.False(forwarded());
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("1000 bytes", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(1000L)]
    public async Task Invoke_BodyWithinLimitOrUndeclared_Forwards(long? contentLength)
    {
        var (middleware, forwarded) = Create();
        var context = NewContext(contentLength);

        await middleware.InvokeAsync(context);

        Assert.True(forwarded());
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static readonly IServiceProvider Services =
        new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    private static (RequestBodyLimitMiddleware Middleware, Func<bool> Forwarded) Create()
    {
        var forwarded = false;
        var middleware = new RequestBodyLimitMiddleware(_ => { forwarded = true; return Task.CompletedTask; },
            Microsoft.Extensions.Options.Options.Create(Options), Services.GetRequiredService<IProblemDetailsService>());
        return (middleware, () => forwarded);
    }

    private static DefaultHttpContext NewContext(long? contentLength)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = "POST";
        context.Request.ContentLength = contentLength;
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        return context;
    }
}
