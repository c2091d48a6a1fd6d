using System.Text.Json.Nodes;

namespace Sandbox.Forms.Validation;

/// <summary>
/// Validates submitted data as the form-js viewer does. Hidden fields (<c>conditional.hide</c>) are neither
/// validated nor kept; disabled fields are not submitted by the viewer, so they are dropped too; any key the
/// form does not bind is an error.
/// </summary>
public static class FormValidator
{
    /// <summary>Validates <paramref name="data"/> against <paramref name="schema"/>, with messages in <paramref name="language"/>.</summary>
    /// <param name="schema">The form.</param>
    /// <param name="data">The submitted data; it is not changed.</param>
    /// <param name="language">One of <see cref="ValidationMessages.Languages"/>.</param>
    /// <param name="context">
    /// Variables the form's expressions may read that are not form fields (the viewer's initial data, such as
    /// process variables); submitted fields win over them.
    /// </param>
    public static FormValidationResult Validate(FormSchema schema, JsonObject data, string language = "en", JsonObject? context = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(data);
        var variables = (JsonObject)(context?.DeepClone() ?? new JsonObject());
        foreach (var (name, value) in data) variables[name] = value?.DeepClone();
        var walk = new Walk(variables, context, language);
        walk.Components(schema.Components, new Scope(data, walk.Output, "", data, null, []));
        walk.FindUnknown(data, "");
        return new FormValidationResult(walk.Failures, walk.Output, walk.Files);
    }

    private sealed record Scope(JsonObject Input, JsonObject Output, string Path, JsonObject Local, JsonObject? Parent, int[] Indexes);

    private sealed class Walk(JsonObject root, JsonObject? context, string language)
    {
        private readonly HashSet<string> _leaves = new(StringComparer.Ordinal);
        private readonly HashSet<string> _containers = new(StringComparer.Ordinal);
        private readonly ViewerVariables _variables = new(root);

        public List<FieldError> Failures { get; } = [];
        public JsonObject Output { get; } = [];
        public List<FileReference> Files { get; } = [];

        public void Components(IReadOnlyList<FormComponent> components, Scope scope)
        {
            foreach (var c in components) Component(c, scope);
        }

        private void Component(FormComponent c, Scope scope)
        {
            var hidden = c.IsHidden(Variables(scope));
            if (c.IsInput) { Input(c, scope, hidden); return; }
            if (c.Type == ComponentTypes.Group) { Group(c, scope, hidden); return; }
            if (c.Type == ComponentTypes.DynamicList) DynamicList(c, scope, hidden);
        }

        private void Input(FormComponent c, Scope scope, bool hidden)
        {
            var path = Join(scope.Path, c.Key!);
            Consume(path);
            if (hidden || c.Disabled) return;
            var segments = c.Key!.Split('.');
            var value = Get(scope.Input, segments);
            if (c.Readonly?.ResolveTrue(Variables(scope)) == true) value = Initial(c, scope, segments, value);
            FieldValidator.Validate(c, value, Variables(scope), (error, args) => Report(path, error, args));
            if (value is null) return;
            Set(scope.Output, segments, value.DeepClone());
            if (c.Type == ComponentTypes.Filepicker) CollectFiles(path, value);
        }

        // A read-only field keeps what the viewer showed, whatever was sent: the initial data given as context
        // (outside lists), else the default value. With neither, the initial data came from elsewhere (a process),
        // which the server cannot see, so the sent value stands.
        private JsonNode? Initial(FormComponent c, Scope scope, string[] segments, JsonNode? sent)
        {
            if (scope.Indexes.Length == 0 && context is not null)
            {
                string[] full = scope.Path.Length == 0 ? segments : [.. scope.Path.Split('.'), .. segments];
                if (Get(context, full) is { } given) return given;
            }
            return c.DefaultValue ?? sent;
        }

        private void CollectFiles(string path, JsonNode value)
        {
            if (JsonValues.AsString(value) is { } one) Files.Add(new FileReference(path, one));
            else if (value is JsonArray many) Files.AddRange(many.Select(f => new FileReference(path, JsonValues.AsString(f)!)));
        }

        private void Group(FormComponent c, Scope scope, bool hidden)
        {
            if (c.Path is null) { if (!hidden) Components(c.Components, scope); else HideAll(c.Components, scope.Path); return; }
            var path = Join(scope.Path, c.Path);
            if (hidden) { Consume(path); return; }
            Container(path);
            var segments = c.Path.Split('.');
            var input = Get(scope.Input, segments) as JsonObject ?? [];
            var output = Get(scope.Output, segments) as JsonObject ?? Set(scope.Output, segments, new JsonObject());
            Components(c.Components, scope with { Input = input, Output = output, Path = path });
        }

        private void DynamicList(FormComponent c, Scope scope, bool hidden)
        {
            var path = Join(scope.Path, c.Path!);
            if (hidden) { Consume(path); return; }
            var segments = c.Path!.Split('.');
            var value = Get(scope.Input, segments);
            if (JsonValues.IsNull(value)) { Consume(path); return; }
            if (value is not JsonArray items) { Consume(path); Report(path, ValidationError.WrongType, ["list"]); return; }
            Container(path);
            var output = Set(scope.Output, segments, new JsonArray());
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (items[i] is not JsonObject item) { Consume(itemPath); Report(itemPath, ValidationError.WrongType, ["object"]); continue; }
                Container(itemPath);
                var itemOutput = new JsonObject();
                output.AsArray().Add(itemOutput);
                Components(c.Components, new Scope(item, itemOutput, itemPath, item, scope.Local, [.. scope.Indexes, i + 1]));
            }
        }

        private void HideAll(IReadOnlyList<FormComponent> components, string prefix)
        {
            foreach (var c in components)
            {
                if (c.IsInput) Consume(Join(prefix, c.Key!));
                else if (c.Path is not null) Consume(Join(prefix, c.Path));
                else HideAll(c.Components, prefix);
            }
        }

        private JsonObject Variables(Scope scope) => _variables.For(scope.Path, scope.Local, scope.Parent, scope.Indexes);

        public void FindUnknown(JsonObject input, string prefix)
        {
            foreach (var (name, value) in input)
            {
                var path = Join(prefix, name);
                if (_leaves.Contains(path)) continue;
                if (!_containers.Contains(path)) { Report(path, ValidationError.UnknownField, []); continue; }
                if (value is JsonObject obj) FindUnknown(obj, path);
                else if (value is JsonArray list) FindUnknownInItems(list, path);
                else if (!JsonValues.IsNull(value)) Report(path, ValidationError.WrongType, ["object"]);
            }
        }

        private void FindUnknownInItems(JsonArray list, string path)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject item && _containers.Contains($"{path}[{i}]")) FindUnknown(item, $"{path}[{i}]");
            }
        }

        private void Consume(string path)
        {
            _leaves.Add(path);
            AddParents(path);
        }

        private void Container(string path)
        {
            _containers.Add(path);
            AddParents(path);
        }

        private void AddParents(string path)
        {
            for (var i = path.LastIndexOf('.'); i > 0; i = path.LastIndexOf('.', i - 1))
                _containers.Add(path[..i]);
        }

        private void Report(string path, ValidationError error, object[] args)
        {
            if (error is ValidationError.WrongType or ValidationError.InvalidDate)
                args = [ValidationMessages.Noun((string)args[0], language)];
            Failures.Add(new FieldError(path, error, ValidationMessages.Format(error, language, args)));
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static JsonNode? Get(JsonObject obj, string[] segments)
    {
        JsonNode? node = obj;
        foreach (var s in segments) node = node is JsonObject o && o.TryGetPropertyValue(s, out var next) ? next : null;
        return node;
    }

    private static T Set<T>(JsonObject obj, string[] segments, T value) where T : JsonNode
    {
        var target = obj;
        foreach (var s in segments[..^1])
            target = target[s] as JsonObject ?? (JsonObject)(target[s] = new JsonObject());
        target[segments[^1]] = value;
        return value;
    }
}
