using DreamOmni2.Components.Rendering;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// A view that follows the jobs at its address: it starts a watch when the address changes, stops the old one,
/// brings the progress into view, and renders at most every 100 ms however fast the jobs' steps finish. A result it
/// shows can become the next input.
/// </summary>
public abstract class WatchingView<TWatch> : PlaygroundView, IDisposable where TWatch : class, IDisposable
{
    private static readonly TimeSpan s_renderInterval = TimeSpan.FromMilliseconds(100);

    private string? _attached;
    private bool _revealPending;

    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ResultInputs ResultInputs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected RenderThrottle Throttle { get; private set; } = null!;

    protected TWatch? Watch { get; private set; }

    protected bool NotFound { get; private set; }

    /// <summary>The id in the view's address.</summary>
    protected abstract string Shown { get; }

    /// <summary>Loads what <see cref="Shown"/> names into the form and starts watching it; null when the owner has no such thing.</summary>
    protected abstract TWatch? Attach();

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        Throttle = new RenderThrottle(s_renderInterval, () => InvokeAsync(StateHasChanged), Clock);
    }

    protected override void OnParametersSet()
    {
        if (Shown != _attached)
        {
            _attached = Shown;
            Watch?.Dispose();
            Watch = Attach();
            NotFound = Watch is null;
            _revealPending = Watch is not null;
        }
    }

    /// <summary>Once the job's progress is on the page, brings it into view: on a phone it is below the whole form.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_revealPending)
        {
            try
            {
                _revealPending = !await JS.InvokeAsync<bool>("playground.revealProgress");
            }
            catch (JSDisconnectedException)
            {
                _revealPending = false;
            }
        }
    }

    protected string UseAsInputHint => Draft.Form.Mode == GenerationMode.Edit
        ? "Edit this result next: it becomes image 1 in the tray, the references stay"
        : "Put this result into the tray's next free slot, as a reference for the next run";

    /// <summary>The job's result becomes an upload of the owner's and goes into the tray (see <see cref="EditorForm.SlotForResult"/>).</summary>
    protected async Task UseAsInputAsync(string jobId)
    {
        Draft.Errors.Clear(RequestField.Images);
        if (Draft.Form.SlotForResult(Engine.Rules.MaxImages) is not int number)
        {
            Draft.Errors.Set(RequestField.Images, $"the tray is full: this pack takes {Engine.Rules.MaxImages} images — remove one to make room for the result");
            return;
        }
        try
        {
            Draft.Form.PutInSlot(await ResultInputs.AcceptAsync(Owner, jobId, number, CancellationToken.None), number);
            Snackbar.Add($"The result is image {number} in the tray now: write what to do next and run", Severity.Success);
        }
        catch (RefusalException e)
        {
            Draft.Errors.Set(RequestField.Images, e.Message);
        }
    }

    public void Dispose()
    {
        Watch?.Dispose();
        Throttle?.Dispose();
        GC.SuppressFinalize(this);
    }
}
