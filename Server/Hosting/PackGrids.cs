using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;

namespace DreamOmni2.Server.Hosting;

/// <summary>The token grids the pack will give a request's images, for the position-id layout picture.</summary>
public static class PackGrids
{
    public static GridSize Reference(RequestRules rules, int width, int height) => rules.Grid(rules.ReferenceSize(width, height));

    public static GridSize Target(RequestRules rules, GenerationMode mode, IReadOnlyList<(int Width, int Height)> images) =>
        rules.Grid(rules.OutputSize(mode, images.Select(i => rules.ReferenceSize(i.Width, i.Height)).ToList(), null));
}
