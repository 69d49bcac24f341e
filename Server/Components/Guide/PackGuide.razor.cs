using DreamOmni2.Components.Examples;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Server.Components.Pages;
using DreamOmni2.Server.Examples;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Components;

namespace DreamOmni2.Server.Components.Guide;

/// <summary>
/// What a newcomer needs to start: the pack's examples, which a click puts into the editor's form (its images become
/// the person's own uploads), and, for a pack of a closed world, the words its model knows.
/// </summary>
public sealed partial class PackGuide
{
    private int? _loading;
    private string? _error;

    [Inject] private ExampleCatalog Catalog { get; set; } = null!;
    [Inject] private PlaygroundEngine Engine { get; set; } = null!;
    [Inject] private UploadService Uploads { get; set; } = null!;

    [Parameter, EditorRequired] public string Owner { get; set; } = "";

    [Parameter, EditorRequired] public EditorForm Form { get; set; } = null!;

    /// <summary>The example is in the form; an ablation example is then run as a grid.</summary>
    [Parameter] public EventCallback<PackExample> OnTaken { get; set; }

    private async Task TakeAsync(ExampleCard card)
    {
        if (Catalog.Find(card.Number) is not { } example)
        {
            return;
        }
        _loading = card.Number;
        _error = null;
        try
        {
            var images = await Catalog.UploadAsync(Owner, card.Number, Uploads, CancellationToken.None);
            Form.TakeExample(example.Mode, example.Instruction, images);
            await OnTaken.InvokeAsync(example);
        }
        catch (Exception e) when (e is RefusalException or ImageInputException)
        {
            _error = $"{example.Title}: {e.Message}";
        }
        finally
        {
            _loading = null;
        }
    }
}
