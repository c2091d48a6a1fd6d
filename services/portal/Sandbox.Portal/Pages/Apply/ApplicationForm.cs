using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Sandbox.Forms.Rendering;
using Sandbox.Portal.Clients;

namespace Sandbox.Portal.Pages.Apply;

/// <summary>A citizen's form in progress: its translated schema, pages and saved draft.</summary>
public sealed record ApplicationState(FormDefinition Definition, IReadOnlyList<FormPage> Pages, JsonObject Data, string? Etag,
    IReadOnlyDictionary<string, AttachmentInfo> Attachments, string Title);

/// <summary>
/// Loads and saves a citizen's application page by page: the schema from forms in the page's language,
/// the draft with its etag, uploads to the draft, and validation of the fields on one page.
/// </summary>
public sealed class ApplicationForm(FormsClient forms, IdentityClient identity, WorkflowClient workflow, ILogger<ApplicationForm> logger)
{
    /// <summary>Prefix of the form's input names, so they never clash with the page's own fields.</summary>
    public const string FieldPrefix = "f.";

    /// <summary>The data input that lists the guardian's children for a child select.</summary>
    public const string ChildrenInput = "children";

    /// <summary>A top-level field with this key starts filled with the citizen's registered address.</summary>
    public const string AddressField = "address";

    /// <summary>The form, its visible pages and the answers so far, titled by the form or else by the e-service it starts.</summary>
    public async Task<ApplicationState> LoadAsync(string formId, string language, CancellationToken ct)
    {
        var state = await LoadAnswersAsync(formId, language, ct);
        if (SchemaTitle(state.Definition.Schema) is not null) return state;
        return state with { Title = await EServiceNameAsync(formId, language, ct) ?? formId };
    }

    /// <summary>
    /// As <see cref="LoadAsync"/>, without asking workflow for the e-service's name: the title is the form's own,
    /// else the form id. For the visibility check, which the page calls as the citizen types and shows no title.
    /// </summary>
    public async Task<ApplicationState> LoadAnswersAsync(string formId, string language, CancellationToken ct)
    {
        var definition = await forms.GetDefinitionAsync(formId, language, ct);
        var draft = await forms.GetDraftAsync(formId, ct);
        var data = draft?.Data ?? [];
        var wantsChildren = References(definition.Schema, ChildrenInput);
        var wantsAddress = draft is null && HasKey(definition.Schema, AddressField);
        if ((wantsChildren || wantsAddress) && await MeAsync(ct) is { } me)
        {
            if (wantsChildren) data[ChildrenInput] = Children(me);
            if (wantsAddress && me.Address?.ToString() is { Length: > 0 } address) data[AddressField] = address;
        }
        var attachments = (draft?.Attachments ?? []).ToDictionary(a => a.Id, a => new AttachmentInfo(a.Id, a.FileName, a.Size));
        var title = SchemaTitle(definition.Schema) ?? formId;
        return new ApplicationState(definition, FormRenderer.VisiblePages(definition.Schema, data), data, draft?.Etag, attachments, title);
    }

    /// <summary>Binds one page's posted fields and files into the draft and saves it; a stale etag is retried on the newest draft.</summary>
    public async Task<ApplicationState> SavePageAsync(ApplicationState state, FormPage page, IFormCollection form, CancellationToken ct)
    {
        var uploads = new List<(string Path, AttachmentView File)>();
        foreach (var file in form.Files.Where(f => f.Length > 0 && f.Name.StartsWith(FieldPrefix, StringComparison.Ordinal)))
        {
            uploads.Add((file.Name[FieldPrefix.Length..], await forms.UploadAsync(state.Definition.FormId, file.Name[FieldPrefix.Length..], file, ct)));
        }
        var posted = form.Where(p => p.Key.StartsWith(FieldPrefix, StringComparison.Ordinal)).ToList();
        var attachments = new Dictionary<string, AttachmentInfo>(state.Attachments);
        foreach (var (_, file) in uploads) attachments[file.Id] = new AttachmentInfo(file.Id, file.FileName, file.Size);
        var (data, etag) = (state.Data, state.Etag);
        for (var attempt = 0; ; attempt++)
        {
            var merged = Merge(state.Definition.Schema, posted, data, page.Index, uploads);
            var saved = await forms.SaveDraftAsync(state.Definition.FormId, Stored(merged), etag, page.Index, ct);
            if (saved is not null)
            {
                return state with { Data = merged, Etag = saved.Etag, Attachments = attachments, Pages = FormRenderer.VisiblePages(state.Definition.Schema, merged) };
            }
            if (attempt > 0) throw new ServiceException("forms", HttpStatusCode.Conflict, "The draft keeps changing");
            // Saved meanwhile from another window: this page's answers go on top of the newest draft.
            var newest = await forms.GetDraftAsync(state.Definition.FormId, ct);
            logger.LogInformation("Draft of {FormId} was saved elsewhere; merging page {Page} onto it", state.Definition.FormId, page.Index);
            (data, etag) = (Keep(newest?.Data ?? [], state.Data), newest?.Etag);
        }
    }

    /// <summary>Validation messages for the fields on one page.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(ApplicationState state, FormPage page, CancellationToken ct)
    {
        var result = await forms.ValidateAsync(state.Definition.FormId, state.Data, ct);
        if (result is null) return new Dictionary<string, string[]>();
        return result.Errors.Where(e => page.FieldPaths.Any(p => OnPath(e.Key, p))).ToDictionary();
    }

    /// <summary>The 1-based number of the visible page after <paramref name="page"/>, or null when it was the last.</summary>
    public static int? NextNumber(ApplicationState state, FormPage page)
    {
        for (var i = 0; i < state.Pages.Count; i++)
        {
            if (state.Pages[i].Index > page.Index) return i + 1;
        }
        return null;
    }

    /// <summary>The anchor of a field's input, as the renderer writes its id.</summary>
    public static string FieldId(string path) => "field-" + string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    /// <summary>The position (0-based) of the visible page that holds a field, so an error can link to it.</summary>
    public static int PageOf(ApplicationState state, string fieldPath)
    {
        for (var i = 0; i < state.Pages.Count; i++)
        {
            if (state.Pages[i].FieldPaths.Any(p => OnPath(fieldPath, p))) return i;
        }
        return 0;
    }

    /// <summary>The draft data without inputs the portal added (the children list).</summary>
    public static JsonObject Stored(JsonObject data)
    {
        var copy = (JsonObject)data.DeepClone();
        copy.Remove(ChildrenInput);
        return copy;
    }

    private static bool OnPath(string key, string path) =>
        key == path || key.StartsWith(path + ".", StringComparison.Ordinal) || key.StartsWith(path + "[", StringComparison.Ordinal);

    private static JsonObject Merge(JsonObject schema, List<KeyValuePair<string, StringValues>> posted, JsonObject data, int pageIndex,
        List<(string Path, AttachmentView File)> uploads)
    {
        var merged = FormPost.Bind(schema, posted, data, pageIndex, FieldPrefix);
        foreach (var (path, file) in uploads)
        {
            if (merged.TryGetPropertyValue(path, out var existing) && existing is JsonArray list) list.Add(file.Id);
            else merged[path] = IsMultiple(schema, path) ? new JsonArray(file.Id) : file.Id;
        }
        return merged;
    }

    private static JsonObject Keep(JsonObject newest, JsonObject mine)
    {
        if (mine[ChildrenInput] is { } children) newest[ChildrenInput] = children.DeepClone();
        return newest;
    }

    private static JsonArray Children(MeView me) => new((me.Children ?? []).Select(c => (JsonNode)new JsonObject
    {
        ["label"] = $"{c.GivenName} {c.FamilyName}".Trim(),
        ["value"] = c.Subject,
    }).ToArray());

    private async Task<MeView?> MeAsync(CancellationToken ct)
    {
        try
        {
            return await identity.GetMeAsync(ct);
        }
        catch (ServiceException e) when (e.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // A token without the identity scope: the form still works, without children to choose or an address filled in.
            logger.LogWarning("The citizen's profile could not be read from identity ({Status})", (int)e.Status);
            return null;
        }
    }

    private static string? SchemaTitle(JsonObject schema) => schema["title"]?.GetValue<string>();

    // A form without a title of its own is called by the e-service it starts.
    private async Task<string?> EServiceNameAsync(string formId, string language, CancellationToken ct) =>
        (await workflow.GetEServicesAsync(ct)).FirstOrDefault(e => e.StartForm == formId)?.NameIn(language);

    private static bool HasKey(JsonObject schema, string key) =>
        schema["components"] is JsonArray top && top.OfType<JsonObject>().Any(c =>
            c["key"]?.GetValue<string>() == key
            || (c["type"]?.GetValue<string>() == "group" && c["path"] is null && c["components"] is JsonArray inner
                && inner.OfType<JsonObject>().Any(i => i["key"]?.GetValue<string>() == key)));

    private static bool References(JsonNode? node, string valuesKey) => node switch
    {
        JsonObject o => o["valuesKey"]?.GetValue<string>() == valuesKey || o.Any(p => References(p.Value, valuesKey)),
        JsonArray a => a.Any(n => References(n, valuesKey)),
        _ => false,
    };

    private static bool IsMultiple(JsonNode? node, string key) => node switch
    {
        JsonObject o when o["key"]?.GetValue<string>() == key => o["multiple"]?.GetValue<bool>() == true,
        JsonObject o => o.Any(p => IsMultiple(p.Value, key)),
        JsonArray a => a.Any(n => IsMultiple(n, key)),
        _ => false,
    };
}
