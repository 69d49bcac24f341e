namespace DreamOmni2.Contracts;

/// <summary>An accepted upload: the original bytes and a small JPEG thumbnail, both stored by content hash.</summary>
/// <param name="Name">The file name the browser gave, for display only.</param>
public sealed record UploadedImage(string Hash, string ThumbnailHash, int Width, int Height, string Name);
