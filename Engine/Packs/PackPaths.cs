namespace DreamOmni2.Engine.Packs;

/// <summary>Where a path a pack file names lands: only ever inside the pack folder.</summary>
internal static class PackPaths
{
    /// <summary>The full path of <paramref name="relativePath"/> under <paramref name="root"/> (a full path), or null when it would leave it.</summary>
    public static string? Inside(string root, string relativePath)
    {
        if (Path.IsPathRooted(relativePath))
        {
            return null;
        }
        string full = Path.GetFullPath(Path.Combine(root, relativePath));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>A plain path down from the pack folder: relative, inside it, and with no <c>..</c> on the way.</summary>
    public static string? PlainInside(string root, string relativePath) =>
        relativePath.Split('/', '\\').Contains("..") ? null : Inside(root, relativePath);
}
