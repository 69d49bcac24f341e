using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>
/// One training or evaluation example: the input images in prompt order (image 1 first), the target, the standard
/// prompt, loose phrasings of the same request, and the labels (each image's scene spec and object mask, and the
/// distractor targets a wrong answer would look like).
/// </summary>
public sealed class Sample : IGroundTruth
{
    public Sample(
        long index,
        TaskKind task,
        IReadOnlyList<SceneSpec> inputs,
        SceneSpec target,
        string prompt,
        IReadOnlyList<string> loosePhrasings,
        IReadOnlyList<SceneSpec> distractors)
    {
        Index = index;
        Task = task;
        Inputs = inputs.Select(SceneRenderer.Render).ToArray();
        Target = SceneRenderer.Render(target);
        Prompt = prompt;
        LoosePhrasings = loosePhrasings;
        Distractors = distractors;
    }

    public long Index { get; }

    public TaskKind Task { get; }

    public IReadOnlyList<RenderedScene> Inputs { get; }

    public RenderedScene Target { get; }

    /// <summary>The request in the standard form of <see cref="DreamOmni2.ShapeWorld.Prompting.ShapeWorldPrompt"/>.</summary>
    public string Prompt { get; }

    /// <summary>The same request worded the way people say it (3–5 phrasings).</summary>
    public IReadOnlyList<string> LoosePhrasings { get; }

    /// <summary>Targets a wrong answer would produce: for an edit the unchanged source and the source with the
    /// attribute taken from each wrong reference; for a generation the target with each borrowed attribute or the
    /// background taken from a wrong image, and the object of each wrong image; for a text edit the source.</summary>
    public IReadOnlyList<SceneSpec> Distractors { get; }
}
