using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// Reads a shape-world image back into its scene by analysis by synthesis: the (background, lighting) whose image
/// matches the frame, then the object that <see cref="SceneRenderer"/> would draw there to match the rest
/// (<see cref="ObjectFit"/>). An image whose frame is no background, or that no object redraws closely, is
/// unrecognized rather than guessed at. Pure and thread-safe; a few milliseconds an image.
/// </summary>
public static class SceneReader
{
    /// <summary>Mean absolute difference per channel (gray levels) beyond which the frame is no shape-world background.
    /// JPEG at quality 75 and resizes leave 1–3.</summary>
    public const double MaxFrameError = 12;

    /// <summary>Root-mean-square difference (gray levels) beyond which the best object does not explain the image. JPEG
    /// at quality 85 leaves up to about 35 on the right object; a second object, a drawing or an object too big leave
    /// 85 or more.</summary>
    public const double MaxResidual = 50;

    /// <summary>Fewer pixels than this standing out from the background is noise, not an object (the smallest outlined
    /// object covers over a hundred).</summary>
    private const int MinObjectPixels = 24;

    /// <summary>Reads an encoded image (PNG, JPEG, WebP) of any size: it is decoded and resized to the canvas first,
    /// as an upload would be.</summary>
    public static SceneReading ReadEncoded(ReadOnlySpan<byte> encoded)
    {
        DecodedImage image;
        try
        {
            image = ImageDecoder.Decode(encoded, ImageLimits.Default, imageNumber: 1);
        }
        catch (ImageInputException)
        {
            return new UnrecognizedReading("could not be opened as a picture");
        }
        const int size = ShapeWorldValues.CanvasSize;
        return Read(ImageResizer.Resize(image, size, size).Rgb);
    }

    /// <param name="rgb">A canvas-sized image: 64×64 RGB, row-major, 3 bytes a pixel.</param>
    public static SceneReading Read(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != SceneRenderer.RgbLength)
        {
            throw new ArgumentException($"a shape-world image is 64×64 RGB ({SceneRenderer.RgbLength} bytes)", nameof(rgb));
        }
        var (background, lighting, frameError) = BackgroundFit.Find(rgb);
        if (frameError > MaxFrameError)
        {
            return new UnrecognizedReading("not a shape-world picture: its edges are not a plain background");
        }
        var mask = ObjectMask.Find(rgb, BackgroundImages.For(background, lighting));
        if (mask.Count < MinObjectPixels)
        {
            return new EmptyReading(background, lighting);
        }
        var fit = new ObjectFit(rgb, background, lighting);
        var scene = fit.Search(mask);
        var residual = fit.Residual(scene, mask);
        return residual > MaxResidual
            ? new UnrecognizedReading("not a shape-world picture: no one shape-world object draws it")
            : new ObjectReading(scene, residual);
    }
}
