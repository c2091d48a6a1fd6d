using System.Security.Claims;
using System.Text.Encodings.Web;
using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sandbox.Portal.Clients;
using Sandbox.Portal.Tests.Fakes;

namespace Sandbox.Portal.Tests;

/// <summary>The portal with fake services behind its clients and a test sign-in (<c>Authorization: Bearer test-{role}</c>).</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public FakeIdentity Identity { get; } = new();
    public FakeForms Forms { get; } = new();
    public FakeWorkflow Workflow { get; } = new();
    public FakeNotifications Notifications { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Polly", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient<IdentityClient>().ConfigurePrimaryHttpMessageHandler(() => Identity);
            services.AddHttpClient<FormsClient>().ConfigurePrimaryHttpMessageHandler(() => Forms);
            services.AddHttpClient<WorkflowClient>().ConfigurePrimaryHttpMessageHandler(() => Workflow);
            services.AddHttpClient<NotificationsClient>().ConfigurePrimaryHttpMessageHandler(() => Notifications);
            services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestAuthHandler.SchemeName;
                o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName;
                o.DefaultChallengeScheme = TestAuthHandler.SchemeName;
            });
        });
    }

    /// <summary>A browser-like client (no redirects followed, cookies kept), signed in as <paramref name="role"/> or anonymous.</summary>
    public HttpClient Browser(string? role = null, string language = "nb")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", "test-" + role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Parses a response's HTML.</summary>
    public static async Task<IHtmlDocument> HtmlAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);
    }
}

/// <summary>Signs the request in from a test bearer token: <c>test-citizen</c>, <c>test-caseworker</c>, <c>test-designer</c>.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer test-", StringComparison.Ordinal)) return Task.FromResult(AuthenticateResult.NoResult());
        var role = header["Bearer test-".Length..];
        var claims = new List<Claim> { new("sub", role + "-1"), new("role", role), new("tenant", "bergen"), new("name", "Test " + role) };
        if (role == "citizen") claims.Add(new("national_id", "01010112345"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", "role"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
