namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// A square patch of antialiased shape coverage (0–255, row-major, <see cref="Side"/>² bytes) whose central pixel
/// corner is the object's center.
/// </summary>
public sealed class ObjectSprite(int side, byte[] coverage)
{
    public int Side { get; } = side;

    public byte[] Coverage { get; } = coverage;
}
