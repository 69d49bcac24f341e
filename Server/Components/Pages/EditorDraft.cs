using DreamOmni2.Server.Hosting;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// The editor's form and its errors for one circuit: they stay as they are when the browser moves between the
/// playground's views, as they would on one page.
/// </summary>
public sealed class EditorDraft(PlaygroundEngine engine)
{
    public EditorForm Form { get; set; } = EditorForm.Defaults(engine.Rules);

    public FormErrors Errors { get; } = new();
}
