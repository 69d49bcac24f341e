using DreamOmni2.Engine.Imaging;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.TestSupport;

/// <summary>Shape-world pictures as a person would upload them: PNG files of scenes the data factory draws.</summary>
public static class ShapeWorldPictures
{
    /// <summary>A small red striped star on sand.</summary>
    public static SceneSpec Star { get; } = new(
        Shape: 3, Color: 0, Pattern: 1, Style: ShapeWorldValues.Filled, Size: 0, Background: 7, Lighting: Lighting.Flat, CenterX: 30, CenterY: 34);

    /// <summary>A large blue circle on mint, lit from the top.</summary>
    public static SceneSpec Circle { get; } = new(
        Shape: 0, Color: 5, Pattern: 0, Style: ShapeWorldValues.Filled, Size: 2, Background: 5, Lighting: Lighting.FromTop, CenterX: 36, CenterY: 30);

    public static byte[] Png(SceneSpec scene) =>
        PngEncoder.Encode(SceneRenderer.Render(scene).Rgb, ShapeWorldValues.CanvasSize, ShapeWorldValues.CanvasSize);
}
