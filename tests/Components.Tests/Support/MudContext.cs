using MudBlazor.Services;

namespace DreamOmni2.Components.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor's services and JavaScript calls answered loosely. Disposed asynchronously, as
/// MudBlazor's services require.
/// </summary>
public abstract class MudContext : BunitContext, IAsyncLifetime
{
    protected MudContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
