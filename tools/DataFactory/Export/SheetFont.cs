using SkiaSharp;

namespace DreamOmni2.DataFactory.Export;

/// <summary>
/// The typeface for captions: Skia's default, or, where that has no glyphs (the dependency-free Linux build has no
/// font manager), the first TrueType file under the system font folders; null when there is none.
/// </summary>
public static class SheetFont
{
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", @"C:\Windows\Fonts"];

    public static SKTypeface? Find()
    {
        var typeface = SKTypeface.Default;
        if (typeface.GlyphCount > 0)
        {
            return typeface;
        }
        var file = FontFolders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories))
            .OrderBy(path => Path.GetFileName(path).Contains("Sans", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
        return file is null ? null : SKTypeface.FromFile(file);
    }
}
