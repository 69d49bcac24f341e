using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Translation.Tests;

/// <summary>The fixture pack's manifest, with its prompt style set as a test needs.</summary>
internal static class FixtureManifest
{
    public static PackManifest WithStyle(string style)
    {
        var path = Path.Combine(RepoRoot(), "packs", "fixture", "pack.json");
        var json = File.ReadAllText(path).Replace("\"style\": \"natural\"", $"\"style\": \"{style}\"", StringComparison.Ordinal);
        return PackManifestReader.Parse(System.Text.Encoding.UTF8.GetBytes(json), path);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DreamOmni2.Playground.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the tests run outside the repository");
    }
}
