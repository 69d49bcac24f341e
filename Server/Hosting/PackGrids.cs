using DreamOmni2.Engine;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Server.Hosting;

/// <summary>The token grids the pack will give a request's images, for the position-id layout picture.</summary>
public static class PackGrids
{
    public static GridSize Reference(ModelPack pack, int width, int height)
    {
        var size = ResolutionBuckets.Choose(width, height, pack.Manifest.Defaults.Buckets);
        return GridSize.ForImage(size.Height, size.Width, pack.Manifest.Latent.Downsampling);
    }

    /// <summary>An edit keeps image 1's size; a generation makes the pack's default size.</summary>
    public static GridSize Target(ModelPack pack, GenerationMode mode, IReadOnlyList<GridSize> references)
    {
        if (mode == GenerationMode.Edit && references.Count > 0)
        {
            return references[0];
        }
        var size = pack.Manifest.Defaults.GenerateSize;
        return GridSize.ForImage(size.Height, size.Width, pack.Manifest.Latent.Downsampling);
    }
}
