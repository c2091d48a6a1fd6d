using System.Text;
using System.Text.Encodings.Web;

namespace Sandbox.Identity.Login;

/// <summary>
/// Server-rendered HTML for the login pages: plain forms and links, no script, labelled fields,
/// a visible focus outline, and look-alike eID buttons without any real brand's logo.
/// </summary>
public sealed class LoginPage(string lang, string title)
{
    private readonly StringBuilder body = new();

    public static string E(string text) => HtmlEncoder.Default.Encode(text);

    public string T(string key) => LoginText.Get(lang, key);

    public LoginPage Raw(string html)
    {
        body.Append(html);
        return this;
    }

    public LoginPage Error(string? message) =>
        message is null ? this : Raw($"<p class=\"error\" role=\"alert\" id=\"error\">{E(message)}</p>");

    /// <summary>
    /// The browser's answer when a sign-in request is rejected and cannot be sent back to the client:
    /// the OAuth error code and description on a 400 page.
    /// </summary>
    public static IResult RequestError(HttpContext http, string error, string? description)
    {
        var lang = LoginText.Pick(null, http.Request.Headers.AcceptLanguage);
        return new LoginPage(lang, LoginText.Get(lang, "requestRejected"))
            .Raw($"<p role=\"alert\">{E(LoginText.Get(lang, "requestRejectedHelp"))}</p>")
            .Raw($"<dl><dt>error</dt><dd><code>{E(error)}</code></dd><dt>error_description</dt><dd>{E(description ?? "")}</dd></dl>")
            .ToResult(StatusCodes.Status400BadRequest);
    }

    public IResult ToResult(int status = StatusCodes.Status200OK) => Results.Content(Render(), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>
    /// The pages' style sheet, served as a file of its own (<c>/identity/login.css</c>): the gateway's
    /// content security policy allows styles from the sandbox itself, not inline ones.
    /// </summary>
    public const string Css = """
        body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
        a,button,input,select{font:inherit}
        :focus-visible{outline:3px solid #1a5dad;outline-offset:2px}
        .eid{display:block;margin:.5rem 0;padding:.8rem 1rem;border:2px solid #1b1b1b;border-radius:.4rem;text-decoration:none;color:#1b1b1b;background:#f3f3f3;font-weight:600}
        .eid:hover{background:#e4e4e4}
        button{padding:.6rem 1.2rem;border:2px solid #1a5dad;border-radius:.4rem;background:#1a5dad;color:#fff;font-weight:600;cursor:pointer}
        label{display:block;margin:.6rem 0 .2rem;font-weight:600}
        fieldset{border:1px solid #999;border-radius:.4rem;margin:1rem 0}
        fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:baseline}
        input[type=text],input[type=password],select{padding:.4rem;border:2px solid #555;border-radius:.3rem;width:100%;box-sizing:border-box}
        .note{background:#fff6d5;padding:.4rem .8rem;border-radius:.3rem}
        .error{color:#a4000f;font-weight:600}
        nav a{margin-right:.8rem}
        """;

    public string Render() => $$"""
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · Sandbox</title>
        <link rel="stylesheet" href="/identity/login.css">
        </head>
        <body>
        <main>
        <h1>{{E(title)}}</h1>
        <p class="note">{{E(T("sandboxNote"))}}</p>
        {{body}}
        </main>
        </body>
        </html>
        """;
}
