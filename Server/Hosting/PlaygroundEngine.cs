using DreamOmni2.Contracts;
using DreamOmni2.Engine;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Translation;

namespace DreamOmni2.Server.Hosting;

/// <summary>The loaded pack, its sessions and pipeline, and the translator: one per server.</summary>
public sealed class PlaygroundEngine : IDisposable
{
    private readonly PackSessions _sessions;

    /// <param name="defaultSteps">Replaces the pack's default step count; null: the pack's.</param>
    /// <param name="knowledge">What the pack's model knows, for packs of a closed world; null: nothing to list.</param>
    public PlaygroundEngine(PackSessions sessions, IInstructionTranslator translator, PackKnowledge? knowledge, int? defaultSteps)
    {
        _sessions = sessions;
        Pipeline = new KontextPipeline(sessions);
        Translator = translator;
        Knowledge = knowledge;
        Rules = defaultSteps is { } steps ? new RequestRules(sessions.Pack.Manifest, steps) : sessions.Rules;
    }

    public ModelPack Pack => _sessions.Pack;

    public KontextPipeline Pipeline { get; }

    public IInstructionTranslator Translator { get; }

    /// <summary>The words the pack's model knows, shown to people; null for a pack of real weights.</summary>
    public PackKnowledge? Knowledge { get; }

    /// <summary>What requests this server's pack accepts: every submission is completed by these rules.</summary>
    public RequestRules Rules { get; }

    /// <summary>An instruction in the pack's own world, shown in the empty instruction box.</summary>
    public string InstructionExample => Pack.Manifest.Prompt.Style == PromptStyle.ShapeWorld
        ? "give the star in image 1 the pattern of the heart in image 2"
        : "make the bag in image 1 have the leather of the jacket in image 2";

    public string ProviderName => _sessions.Provider == ExecutionProviderChoice.Cuda ? "CUDA" : "CPU";

    public void Dispose()
    {
        (Translator as IDisposable)?.Dispose();
        _sessions.Dispose();
    }
}
