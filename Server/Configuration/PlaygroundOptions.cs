using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Server.Configuration;

/// <summary>The <c>Playground</c> configuration section.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>The model pack folder, relative to the repository root; null: packs/tiny, else packs/fixture.</summary>
    public string? PackPath { get; set; }

    /// <summary>The ONNX Runtime execution provider; CUDA falls back to the CPU with a warning when it is unavailable.</summary>
    public ExecutionProviderChoice Provider { get; set; } = ExecutionProviderChoice.Cpu;

    /// <summary>Where the database and the content-addressed files live, relative to the repository root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>True: everyone signs in with one of <see cref="Users"/>; false: one local user, no sign-in.</summary>
    public bool Hosted { get; set; }

    /// <summary>Hosted mode's accounts: user name → password.</summary>
    public Dictionary<string, string> Users { get; set; } = [];

    /// <summary>Most jobs waiting at once, all users together.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Most jobs one user may have waiting at once.</summary>
    public int MaxQueuedPerUser { get; set; } = 16;

    /// <summary>Largest upload accepted, checked on the server while the file arrives.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Replaces the pack's default step count (fast runs in tests and demos); null: the pack's.</summary>
    public int? DefaultSteps { get; set; }

    public int PreviewJpegQuality { get; set; } = 80;
}
