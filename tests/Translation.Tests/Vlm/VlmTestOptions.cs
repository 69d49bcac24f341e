using DreamOmni2.Translation.Vlm;

namespace DreamOmni2.Translation.Tests.Vlm;

internal static class VlmTestOptions
{
    /// <summary>Options for a loopback server: no retries and a short timeout, so failures show at once.</summary>
    public static VlmTranslatorOptions For(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Model = "dreamomni2-vlm",
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };
}
