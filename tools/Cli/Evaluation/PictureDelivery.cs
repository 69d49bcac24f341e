using DreamOmni2.Engine.Imaging;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>How a shape-world picture reaches the image reader: as drawn, or as a person would upload it.</summary>
public enum PictureDelivery
{
    AsDrawn,
    Png,
    Jpeg,

    /// <summary>Scaled up 4× (Lanczos) and saved as JPEG: a screenshot or an export at another size.</summary>
    ResizedJpeg,
}

public static class PictureDeliveries
{
    /// <summary>The JPEG quality of the lossy deliveries: a browser's or a phone's usual export.</summary>
    public const int JpegQuality = 85;

    public static string Name(this PictureDelivery delivery) => delivery switch
    {
        PictureDelivery.AsDrawn => "as drawn",
        PictureDelivery.Png => "PNG",
        PictureDelivery.Jpeg => $"JPEG q{JpegQuality}",
        PictureDelivery.ResizedJpeg => $"256×256 JPEG q{JpegQuality}",
        _ => throw new ArgumentOutOfRangeException(nameof(delivery)),
    };

    /// <summary>A 64×64 picture as it travelled, and how the reader takes it in that form (decoding included).</summary>
    public static Func<SceneReading> Deliver(this PictureDelivery delivery, byte[] rgb)
    {
        const int size = ShapeWorldValues.CanvasSize;
        if (delivery == PictureDelivery.AsDrawn)
        {
            return () => SceneReader.Read(rgb);
        }
        var file = delivery switch
        {
            PictureDelivery.Png => PngEncoder.Encode(rgb, size, size),
            PictureDelivery.Jpeg => JpegEncoder.Encode(rgb, size, size, JpegQuality),
            PictureDelivery.ResizedJpeg => JpegEncoder.Encode(
                ImageResizer.Resize(new DecodedImage(size, size, rgb), 4 * size, 4 * size).Rgb, 4 * size, 4 * size, JpegQuality),
            _ => throw new ArgumentOutOfRangeException(nameof(delivery)),
        };
        return () => SceneReader.ReadEncoded(file);
    }
}
