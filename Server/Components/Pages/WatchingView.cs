using DreamOmni2.Components.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// A view that follows the jobs at its address: it starts a watch when the address changes, stops the old one,
/// brings the progress into view, and renders at most every 100 ms however fast the jobs' steps finish.
/// </summary>
public abstract class WatchingView<TWatch> : PlaygroundView, IDisposable where TWatch : class, IDisposable
{
    private static readonly TimeSpan s_renderInterval = TimeSpan.FromMilliseconds(100);

    private string? _attached;
    private bool _revealPending;

    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

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

    public void Dispose()
    {
        Watch?.Dispose();
        Throttle?.Dispose();
        GC.SuppressFinalize(this);
    }
}
