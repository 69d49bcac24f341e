using DreamOmni2.Contracts;
using MudBlazor;

namespace DreamOmni2.Components.Reflection;

/// <summary>How a check-and-retry verdict is worded and coloured wherever it is shown.</summary>
public static class VerdictLabels
{
    /// <param name="pending">What to say while there is no verdict yet.</param>
    public static string Text(ReflectionVerdict? verdict, string pending) => verdict switch
    {
        null => pending,
        ReflectionVerdict.Follows => "follows the instruction",
        ReflectionVerdict.DoesNotFollow => "does not follow",
        _ => "not checked",
    };

    public static Color Colour(ReflectionVerdict? verdict) => verdict switch
    {
        ReflectionVerdict.Follows => Color.Success,
        ReflectionVerdict.DoesNotFollow => Color.Warning,
        _ => Color.Default,
    };
}
