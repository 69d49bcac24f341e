using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Judging;

/// <summary>
/// What <see cref="ShapeWorldJudge"/> compares an output with: the scene a right answer shows and the scenes the
/// likely wrong answers show. The data factory's samples carry it; the judge needs nothing else of them.
/// </summary>
public interface IGroundTruth
{
    RenderedScene Target { get; }

    /// <summary>Targets a wrong answer would produce (the unchanged source, an attribute or the background taken from
    /// a wrong image, the object of a wrong image).</summary>
    IReadOnlyList<SceneSpec> Distractors { get; }
}
