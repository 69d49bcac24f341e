namespace DreamOmni2.Contracts;

/// <summary>
/// The (axis0, row, col) triple of every image token, the only place where index encoding and position shift live.
/// </summary>
public static class PositionIds
{
    public const int Axes = 3;

    /// <summary>
    /// Rows of (axis0, row, col) as float, target tokens first (0, r, c), then each reference i (1-based) as
    /// (Index ? i : 1, r, c + (Shift ? Σ_{j&lt;i} w_j : 0)), tokens row-major. DreamOmni2 computes a row offset too
    /// but never applies it, so there is none here.
    /// </summary>
    public static float[] Build(EncodingScheme scheme, GridSize target, IReadOnlyList<GridSize> references)
    {
        int tokens = target.Tokens;
        foreach (var reference in references)
        {
            tokens += reference.Tokens;
        }

        var ids = new float[tokens * Axes];
        int row = Write(ids, 0, axis0: 0, target, columnOffset: 0);
        int columnOffset = 0;
        for (int i = 0; i < references.Count; i++)
        {
            int axis0 = scheme.Index ? i + 1 : 1;
            row = Write(ids, row, axis0, references[i], scheme.Shift ? columnOffset : 0);
            columnOffset += references[i].Width;
        }
        return ids;
    }

    /// <summary>Text token ids: all zeros, one row per token.</summary>
    public static float[] Text(int length) => new float[length * Axes];

    private static int Write(float[] ids, int firstRow, int axis0, GridSize grid, int columnOffset)
    {
        int index = firstRow * Axes;
        for (int r = 0; r < grid.Height; r++)
        {
            for (int c = 0; c < grid.Width; c++)
            {
                ids[index++] = axis0;
                ids[index++] = r;
                ids[index++] = c + columnOffset;
            }
        }
        return firstRow + grid.Tokens;
    }
}
