using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>Where an edit's object is drawn: as the factory placed it, at the canvas center (where text-to-image always
/// draws), or snapped onto the 8-pixel token grid. A probe of whether the place is what a model gets wrong.</summary>
public enum EditPlacement
{
    AsDrawn,
    Center,
    Grid,
}

public static class EditPlacements
{
    private const int TokenPixels = 8;

    /// <summary>The same edit or text edit with the source's object, and so the target's and every distractor's (all
    /// are the source with one attribute changed), moved to the placement; references and other tasks stay as they are.</summary>
    public static Sample Apply(Sample sample, EditPlacement placement)
    {
        if (placement == EditPlacement.AsDrawn || EditedAttribute.Of(sample) is null)
        {
            return sample;
        }
        var source = sample.Inputs[0].Spec;
        var (x, y) = placement == EditPlacement.Center
            ? (ShapeWorldValues.CanvasCenter, ShapeWorldValues.CanvasCenter)
            : (Snap(source.CenterX), Snap(source.CenterY));
        var inputs = sample.Inputs.Select(input => input.Spec).ToArray();
        inputs[0] = source.At(x, y);
        return new Sample(
            sample.Index, sample.Task, inputs, sample.Target.Spec.At(x, y), sample.Prompt, sample.LoosePhrasings,
            sample.Distractors.Select(distractor => distractor.At(x, y)).ToArray());
    }

    private static int Snap(int pixel) => (int)Math.Round(pixel / (double)TokenPixels) * TokenPixels;
}
