namespace DreamOmni2.Contracts;

/// <summary>The token grid of one packed latent: rows and columns of 2×2 latent patches.</summary>
public readonly record struct GridSize(int Height, int Width)
{
    public int Tokens => Height * Width;

    /// <summary>The grid of an image of the given pixel size: each token covers 2 latent = 2·<paramref name="downsampling"/> pixels a side.</summary>
    public static GridSize ForImage(int pixelHeight, int pixelWidth, int downsampling)
    {
        int patch = 2 * downsampling;
        if (pixelHeight % patch != 0 || pixelWidth % patch != 0)
        {
            throw new ArgumentException($"an image of {pixelWidth}×{pixelHeight} px does not split into {patch}-px patches");
        }
        return new GridSize(pixelHeight / patch, pixelWidth / patch);
    }
}
