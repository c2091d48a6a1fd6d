using Microsoft.AspNetCore.Http.HttpResults;
using Sandbox.Identity.Hosting;
using Sandbox.Identity.Tokens;

namespace Sandbox.Identity.Apis;

/// <summary>
/// <c>POST /sandbox/tokens</c>: an access token for a persona or staff user without a browser,
/// for scripts, tests and plugin developers. Refused unless <c>Sandbox:TestTokens:Enabled</c> is true.
/// </summary>
public static class TestTokensApi
{
    public static IEndpointRouteBuilder MapTestTokensApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/tokens", Issue).WithTags("Sandbox").AllowAnonymous()
            .WithSummary("Issues a test access token for a persona or staff user (sandbox only)");
        return app;
    }

    private static async Task<Results<Ok<TestTokenResponse>, ValidationProblem, ProblemHttpResult>> Issue(
        TestTokenRequest request, SandboxIdentityOptions options, TestTokenIssuer issuer, Telemetry telemetry, CancellationToken ct)
    {
        if (!options.TestTokensEnabled)
        {
            telemetry.Failure("test_token", "disabled");
            return TypedResults.Problem("Test tokens are disabled here; the app host enables them with Sandbox:TestTokens:Enabled=true.",
                statusCode: StatusCodes.Status403Forbidden, title: "Test tokens disabled");
        }
        var (token, errors) = await issuer.IssueAsync(request, ct);
        if (token is null) return TypedResults.ValidationProblem(errors);
        telemetry.TokenIssued("sandbox_test_token");
        return TypedResults.Ok(token);
    }
}
