using Microsoft.AspNetCore.Http;

namespace Sandbox.Gateway.Tests;

public class SecurityHeadersTests
{
    [Fact]
    public void Apply_SetsBrowserProtectionsAndHidesServer()
    {
        IHeaderDictionary headers = new HeaderDictionary { ["Server"] = "Kestrel" };

        SecurityHeadersMiddleware.Apply(headers, new GatewayOptions().ContentSecurityPolicy);

        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString());
        Assert.Contains("default-src 'self'", headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions);
        Assert.Equal("DENY", headers.XFrameOptions);
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"]);
        Assert.False(headers.ContainsKey("Server"));
    }

    [Fact]
    public void Apply_UsesConfiguredPolicy()
    {
        IHeaderDictionary headers = new HeaderDictionary();

        SecurityHeadersMiddleware.Apply(headers, "default-src 'none'");

        Assert.Equal("default-src 'none'", headers.ContentSecurityPolicy);
    }
}
