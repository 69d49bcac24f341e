using MudBlazor;

namespace DreamOmni2.Server.Components.Layout;

public static class PlaygroundTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#e4572e",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
        },
    };
}
