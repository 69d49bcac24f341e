using System.Text.Json.Nodes;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Cli.Bench;

/// <summary>
/// A pack seen at another square size: a temporary folder holding its manifest with one bucket of that size (and the
/// matching area and generation size) and links to its files, without its examples, which a measurement never uses.
/// Deleted on dispose.
/// </summary>
internal sealed class RebucketedPack : IDisposable
{
    private readonly string _folder;

    public RebucketedPack(string pack, int side)
    {
        _folder = Directory.CreateTempSubdirectory("dreamomni2-rebucketed-").FullName;
        foreach (var file in Directory.GetFiles(pack))
        {
            if (Path.GetFileName(file) != ModelPack.ManifestFileName)
            {
                File.CreateSymbolicLink(Path.Combine(_folder, Path.GetFileName(file)), Path.GetFullPath(file));
            }
        }
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(pack, ModelPack.ManifestFileName)))!;
        var defaults = manifest["defaults"]!;
        defaults["buckets"] = new JsonArray(new JsonArray(side, side));
        defaults["generate_size"] = new JsonArray(side, side);
        defaults["max_area"] = side * side;
        manifest.AsObject().Remove("examples");
        File.WriteAllText(Path.Combine(_folder, ModelPack.ManifestFileName), manifest.ToJsonString());
        Pack = ModelPack.Load(_folder);
    }

    public ModelPack Pack { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
