namespace DreamOmni2.ShapeWorld.Judging;

/// <summary>The verdict on one output and the measurements it rests on (errors are mean absolute differences in
/// gray levels, 0–255, after the output is aligned to the target).</summary>
/// <param name="ObjectError">Error against the target inside the target's object (dilated 1 px).</param>
/// <param name="BackgroundError">Error against the target outside the target's object (dilated 2 px).</param>
/// <param name="PlacementError">Distance in pixels between the object centers of output and target; +∞ when the
/// output shows no object.</param>
/// <param name="AttributionMargin">Least (error against a wrong answer − error against the target) over the
/// distractors and the one-attribute variants of the target, averaged over the channels where the two differ.
/// Positive when the output is nearer the target than every wrong answer.</param>
/// <param name="DistractorMargin">The same margin over the distractors alone (the unchanged source, an attribute, the
/// background or the object taken from a wrong image): positive when the output took what it took from the right
/// images, whatever else is wrong with it.</param>
/// <param name="Reason">"ok", or what is wrong.</param>
/// <param name="Failure">"ok", or the kind of the first thing wrong, for tallies: "a distractor", "a wrong
/// &lt;attribute&gt;" (shape, color, pattern, style, size, background, lighting), "misplaced", "object error" or
/// "background error".</param>
public sealed record JudgeResult(
    double ObjectError,
    double BackgroundError,
    double PlacementError,
    double AttributionMargin,
    double DistractorMargin,
    string Reason,
    string Failure)
{
    public const string Ok = "ok";

    /// <summary>Whether the output answers the request.</summary>
    public bool Passed => Failure == Ok;

    public bool TookTheRightImages => DistractorMargin > 0;
}
