using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms;

/// <summary>
/// The forms service's traces and metrics (<c>Sandbox.Forms</c>). Pilot metrics carry <c>form.id</c> and
/// <c>form.version</c>: drafts started, pages reached, validation errors per field, drafts saved, submissions,
/// drafts abandoned (expired) and the time from the first draft save to the submission.
/// </summary>
public sealed partial class Telemetry : IDisposable
{
    public const string Name = "Sandbox.Forms";

    private readonly ActivitySource _source = new(Name);
    private readonly Meter _meter;
    private readonly Counter<long> _validationErrors;
    private readonly Counter<long> _submissions;
    private readonly Counter<long> _published;
    private readonly Counter<long> _started;
    private readonly Counter<long> _saved;
    private readonly Counter<long> _pages;
    private readonly Counter<long> _abandoned;
    private readonly Histogram<double> _completion;

    public Telemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _validationErrors = _meter.CreateCounter<long>("sandbox.forms.validation.errors", description: "Failed field checks, per form version and field");
        _submissions = _meter.CreateCounter<long>("sandbox.forms.submissions", description: "Stored submissions, per form version");
        _published = _meter.CreateCounter<long>("sandbox.forms.outbox.published", description: "Outbox events delivered to pub/sub");
        _started = _meter.CreateCounter<long>("sandbox.forms.drafts.started", description: "Drafts started (first save or upload), per form version");
        _saved = _meter.CreateCounter<long>("sandbox.forms.drafts.saved", description: "Draft saves, per form version");
        _pages = _meter.CreateCounter<long>("sandbox.forms.pages.reached", description: "Pages (top-level groups) reached, per form version and page");
        _abandoned = _meter.CreateCounter<long>("sandbox.forms.drafts.abandoned", description: "Drafts that expired without a submission, per form version");
        _completion = _meter.CreateHistogram<double>("sandbox.forms.completion.duration", unit: "s",
            description: "Time from the first draft save to the submission, per form version");
    }

    public Activity? StartValidateActivity(string formId, int version) =>
        _source.StartActivity("forms.validate")?.SetTag("form.id", formId).SetTag("form.version", version);

    public Activity? StartSubmitActivity(string formId, int version) =>
        _source.StartActivity("forms.submit")?.SetTag("form.id", formId).SetTag("form.version", version);

    /// <summary>The publish of an outbox event, as a child of the request that stored it.</summary>
    public Activity? StartPublishActivity(string topic, long outboxId, string? traceParent) =>
        _source.StartActivity("forms.outbox.publish", ActivityKind.Producer,
            ActivityContext.TryParse(traceParent, null, out var parent) ? parent : default)
            ?.SetTag("messaging.destination.name", topic).SetTag("outbox.id", outboxId);

    public void ValidationFailed(string formId, int version, IEnumerable<FieldError> failures)
    {
        foreach (var f in failures)
            _validationErrors.Add(1, new("form.id", formId), new("form.version", version), new("field", ListIndex.Replace(f.Path, "[]")), new("error", f.Error.ToString()));
    }

    public void Submitted(string formId, int version) => _submissions.Add(1, Form(formId, version));

    public void DraftStarted(string formId, int version) => _started.Add(1, Form(formId, version));

    public void DraftSaved(string formId, int version) => _saved.Add(1, Form(formId, version));

    public void PageReached(string formId, int version, string page) =>
        _pages.Add(1, new("form.id", formId), new("form.version", version), new("page", page));

    public void Abandoned(string formId, int version) => _abandoned.Add(1, Form(formId, version));

    public void Completed(string formId, int version, TimeSpan duration) =>
        _completion.Record(Math.Max(0, duration.TotalSeconds), Form(formId, version));

    public void EventPublished(string topic) => _published.Add(1, new KeyValuePair<string, object?>("topic", topic));

    private static TagList Form(string formId, int version) => new() { { "form.id", formId }, { "form.version", version } };

    // One series per field, not per list item: clients[3].name counts as clients[].name.
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex { get; }

    public void Dispose()
    {
        _source.Dispose();
        _meter.Dispose();
    }
}
