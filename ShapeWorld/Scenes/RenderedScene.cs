namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>A scene and its pixels: 64×64 RGB (row-major, 3 bytes a pixel) and the object's coverage mask (0–255).</summary>
public sealed class RenderedScene(SceneSpec spec, byte[] rgb, byte[] mask)
{
    public SceneSpec Spec { get; } = spec;

    public byte[] Rgb { get; } = rgb;

    public byte[] Mask { get; } = mask;
}
