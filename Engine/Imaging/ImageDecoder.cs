using DreamOmni2.Contracts;
using SkiaSharp;

namespace DreamOmni2.Engine.Imaging;

/// <summary>
/// Turns an uploaded file into an upright, opaque RGB image, refusing anything that is not a whole PNG, JPEG or WebP
/// within the limits. Size, format and declared dimensions are all checked before a single pixel is decoded.
/// </summary>
public static class ImageDecoder
{
    /// <param name="imageNumber">The image's 1-based number in the request, used in error messages.</param>
    /// <exception cref="ImageInputException">The file was refused; <see cref="ImageInputException.Kind"/> says why.</exception>
    public static DecodedImage Decode(ReadOnlySpan<byte> bytes, ImageLimits limits, int imageNumber)
    {
        if (bytes.IsEmpty)
        {
            throw Refuse(ImageInputError.Empty, imageNumber, "is empty (0 bytes) — choose the file again");
        }
        if (bytes.Length > limits.MaxFileBytes)
        {
            throw Refuse(ImageInputError.TooLarge, imageNumber,
                $"is {FileSizeText.Of(bytes.Length)}; the limit is {FileSizeText.Of(limits.MaxFileBytes)} — export it smaller");
        }

        if (ImageHeader.DeclaredSize(bytes) is { } declared)
        {
            CheckPixelCount(declared.Width, declared.Height, limits, imageNumber);
        }

        using var data = SKData.CreateCopy(bytes);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream);
        if (codec is null)
        {
            throw Undecodable(bytes, imageNumber);
        }
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp))
        {
            throw Refuse(ImageInputError.UnsupportedFormat, imageNumber,
                $"is a {codec.EncodedFormat.ToString().ToUpperInvariant()} file; use PNG, JPEG or WebP");
        }
        int width = codec.Info.Width, height = codec.Info.Height;
        CheckPixelCount(width, height, limits, imageNumber);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var rgba = new byte[info.BytesSize64];
        var result = codec.GetPixels(info, rgba);
        if (result is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput)
        {
            throw Truncated(imageNumber);
        }
        if (result != SKCodecResult.Success)
        {
            throw NotAnImage(imageNumber);
        }
        return ExifOrientation.Apply(AlphaCompositing.OnWhite(rgba, width, height), width, height, codec.EncodedOrigin);
    }

    private static void CheckPixelCount(int width, int height, ImageLimits limits, int imageNumber)
    {
        long pixels = (long)width * height;
        if (Math.Max(width, height) > limits.MaxSide || pixels > limits.MaxPixels)
        {
            throw Refuse(ImageInputError.TooManyPixels, imageNumber,
                $"is {width}×{height} ({pixels / 1e6:0.#} MP); the limit is {limits.MaxPixels / 1e6:0.#} MP " +
                $"and {limits.MaxSide} px a side — scale it down");
        }
    }

    private static ImageInputException Undecodable(ReadOnlySpan<byte> bytes, int imageNumber) => ImageHeader.Defect(bytes) switch
    {
        HeaderDefect.BadChecksum => Refuse(ImageInputError.Damaged, imageNumber,
            "is damaged: its header fails its checksum — save or download it again"),
        HeaderDefect.NoPixels => Refuse(ImageInputError.NoPixels, imageNumber,
            "declares a width or height of 0, so it holds no picture — export it again"),
        _ => ImageHeader.IsSupported(bytes) ? Truncated(imageNumber) : NotAnImage(imageNumber),
    };

    private static ImageInputException Truncated(int imageNumber) =>
        Refuse(ImageInputError.Truncated, imageNumber,
            "is cut short or damaged — the file ends before the picture does; save or download it again");

    private static ImageInputException NotAnImage(int imageNumber) =>
        Refuse(ImageInputError.NotAnImage, imageNumber, "is not a PNG, JPEG or WebP file");

    private static ImageInputException Refuse(ImageInputError error, int imageNumber, string what) =>
        new(error, imageNumber, $"image {imageNumber} {what}");
}
