namespace DreamOmni2.Components.Tray;

/// <summary>One image in the reference tray.</summary>
/// <param name="Key">Identifies the image (its content hash).</param>
public sealed record TrayImage(string Key, string Name, string ThumbnailUrl, int Width, int Height);
