using Microsoft.AspNetCore.Components;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>The playground with no job shown: the editor, with a job of the history loaded into it when asked.</summary>
public sealed partial class Playground
{
    /// <summary>A job whose settings to load into the form (from the history page).</summary>
    [SupplyParameterFromQuery] public string? Recall { get; set; }

    protected override void OnParametersSet()
    {
        if (Recall is not null && Jobs.Find(Owner, Recall) is { } recalled)
        {
            Draft.Form = EditorForm.From(recalled, asRun: true);
            Recall = null;
        }
    }
}
