using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms;

/// <summary>The forms service's traces and metrics (<c>Sandbox.Forms</c>).</summary>
public sealed partial class Telemetry : IDisposable
{
    public const string Name = "Sandbox.Forms";

    private readonly ActivitySource _source = new(Name);
    private readonly Meter _meter;
    private readonly Counter<long> _validationErrors;
    private readonly Counter<long> _submissions;
    private readonly Counter<long> _published;

    public Telemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _validationErrors = _meter.CreateCounter<long>("sandbox.forms.validation.errors", description: "Failed field checks, per form version and field");
        _submissions = _meter.CreateCounter<long>("sandbox.forms.submissions", description: "Stored submissions, per form version");
        _published = _meter.CreateCounter<long>("sandbox.forms.outbox.published", description: "Outbox events delivered to pub/sub");
    }

    public Activity? StartValidateActivity(string formId, int version) =>
        _source.StartActivity("forms.validate")?.SetTag("form.id", formId).SetTag("form.version", version);

    public Activity? StartSubmitActivity(string formId, int version) =>
        _source.StartActivity("forms.submit")?.SetTag("form.id", formId).SetTag("form.version", version);

    public void ValidationFailed(string formId, int version, IEnumerable<FieldError> failures)
    {
        foreach (var f in failures)
            _validationErrors.Add(1, new("form.id", formId), new("form.version", version), new("field", ListIndex.Replace(f.Path, "[]")), new("error", f.Error.ToString()));
    }

    public void Submitted(string formId, int version) =>
        _submissions.Add(1, new("form.id", formId), new("form.version", version));

    public void EventPublished(string topic) => _published.Add(1, new KeyValuePair<string, object?>("topic", topic));

    // One series per field, not per list item: clients[3].name counts as clients[].name.
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex { get; }

    public void Dispose()
    {
        _source.Dispose();
        _meter.Dispose();
    }
}
