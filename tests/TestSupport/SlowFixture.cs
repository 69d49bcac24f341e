using System.Text.Json.Nodes;

namespace DreamOmni2.TestSupport;

/// <summary>
/// A copy of the fixture pack whose images are resized to 512×512, so each step attends over 2,048 tokens: its steps
/// take a few milliseconds where the fixture's take far less, slow enough that a job is still running when its page
/// attaches, however fast the machine.
/// </summary>
public static class SlowFixture
{
    /// <summary>Makes the copy in <paramref name="folder"/> and returns the pack's path.</summary>
    public static string Create(string folder)
    {
        string fixture = DreamOmni2.Server.Configuration.RepositoryLayout.Find(AppContext.BaseDirectory).Resolve("packs/fixture");
        string copy = Directory.CreateDirectory(Path.Combine(folder, "slow-fixture")).FullName;
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
        }
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "pack.json")))!;
        manifest["defaults"]!["buckets"] = new JsonArray(new JsonArray(512, 512));
        manifest["defaults"]!["max_area"] = 512 * 512;
        File.WriteAllText(Path.Combine(copy, "pack.json"), manifest.ToJsonString());
        return copy;
    }
}
