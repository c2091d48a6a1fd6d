using Microsoft.Extensions.Localization;

namespace Sandbox.Portal.Pages.Shared;

/// <summary>Citizen-facing words for workflow states and case statuses (resx keys <c>CaseStatus_*</c>, <c>State_*</c>).</summary>
public static class StatusText
{
    /// <summary>The translated case status, falling back to the state when the process set none.</summary>
    public static string For(IStringLocalizer texts, string? caseStatus, string state)
    {
        if (caseStatus is not null)
        {
            var text = texts["CaseStatus_" + caseStatus];
            return text.ResourceNotFound ? caseStatus : text.Value;
        }
        var stateText = texts["State_" + state];
        return stateText.ResourceNotFound ? state : stateText.Value;
    }
}
