namespace DreamOmni2.Engine;

/// <summary>Identity of this engine build, written into every output's parameters.</summary>
public static class EngineInfo
{
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
