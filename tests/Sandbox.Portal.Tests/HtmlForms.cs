using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Sandbox.Portal.Tests;

/// <summary>Posts an HTML form the way a browser without JavaScript would.</summary>
public static class HtmlForms
{
    /// <summary>The form's hidden inputs (the antiforgery token) plus <paramref name="fields"/>, posted to its action.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector,
        IEnumerable<KeyValuePair<string, string>> fields, string? fallbackAction = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Concat(fields).ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : fallbackAction ?? throw new InvalidOperationException("The form has no action");
        return client.PostAsync(action, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
