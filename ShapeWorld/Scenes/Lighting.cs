namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>The light falling on a background; part of the background's identity (it travels with it).</summary>
public enum Lighting
{
    Flat,
    FromTop,
    FromLeft,
}
