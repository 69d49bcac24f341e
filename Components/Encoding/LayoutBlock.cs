using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Encoding;

/// <summary>One image's tokens in position-id space: a grid of <paramref name="Rows"/>×<paramref name="Columns"/> at (axis0, row, column).</summary>
/// <param name="Image">0 for the target (the image being made), else the 1-based input number.</param>
public sealed record LayoutBlock(int Image, int Axis0, int Row, int Column, int Rows, int Columns)
{
    public bool IsTarget => Image == 0;

    /// <summary>
    /// Reads each image's place from the ids <see cref="PositionIds.Build"/> gives, so the picture shows exactly what
    /// the transformer receives: the first token of each image gives its (axis0, row, column) origin.
    /// </summary>
    public static IReadOnlyList<LayoutBlock> From(EncodingScheme scheme, GridSize target, IReadOnlyList<GridSize> references)
    {
        var ids = PositionIds.Build(scheme, target, references);
        var blocks = new List<LayoutBlock>(references.Count + 1);
        int token = 0;
        var grids = references.Prepend(target).ToList();
        for (int image = 0; image < grids.Count; image++)
        {
            int at = token * PositionIds.Axes;
            blocks.Add(new LayoutBlock(image, (int)ids[at], (int)ids[at + 1], (int)ids[at + 2], grids[image].Height, grids[image].Width));
            token += grids[image].Tokens;
        }
        return blocks;
    }
}
