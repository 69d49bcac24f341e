using DreamOmni2.Engine.Imaging;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Storage;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Uploads;

/// <summary>
/// Accepts an uploaded image: its size is bounded while it is read, the engine's decoder validates it (so a corrupt
/// file is refused with the decoder's message before any job sees it), and it is stored with a thumbnail.
/// </summary>
public sealed class UploadService(ContentStore store, UploadRepository uploads, FileOwnership ownership, IOptions<PlaygroundOptions> options)
{
    public const int ThumbnailSide = 192;
    private const int ThumbnailQuality = 85;

    public long MaxBytes => Limits.MaxFileBytes;

    public ImageLimits Limits { get; } = ImageLimits.Default with { MaxFileBytes = options.Value.MaxUploadBytes };

    /// <param name="imageNumber">The slot the image goes to, 1-based, for the error message.</param>
    /// <exception cref="ImageInputException">The file is too large, damaged or not an image.</exception>
    public async Task<UploadedImage> AcceptAsync(string owner, Stream content, string name, int imageNumber, CancellationToken ct)
    {
        byte[] bytes = await ReadBoundedAsync(content, imageNumber, ct);
        var image = ImageDecoder.Decode(bytes, Limits, imageNumber);
        string hash = store.Put(bytes);
        string thumbnailHash = store.Put(Thumbnail(image));
        ownership.Grant(owner, hash);
        ownership.Grant(owner, thumbnailHash);
        var uploaded = new UploadedImage(hash, thumbnailHash, image.Width, image.Height, Path.GetFileName(name));
        uploads.Add(owner, uploaded);
        return uploaded;
    }

    /// <summary>A file picked, dropped or pasted in the browser: one whose declared size is over the limit is refused
    /// before a byte of it crosses the circuit.</summary>
    /// <exception cref="ImageInputException">The file is too large, damaged or not an image.</exception>
    public async Task<UploadedImage> AcceptAsync(string owner, IBrowserFile file, int imageNumber, CancellationToken ct)
    {
        if (file.Size > MaxBytes)
        {
            throw new ImageInputException(ImageInputError.TooLarge, imageNumber,
                $"image {imageNumber} ({file.Name}) is {FileSizeText.Of(file.Size)}; the limit is {FileSizeText.Of(MaxBytes)} — export it smaller");
        }
        await using var content = file.OpenReadStream(MaxBytes, ct);
        return await AcceptAsync(owner, content, file.Name, imageNumber, ct);
    }

    /// <summary>A JPEG whose longer side is at most <see cref="ThumbnailSide"/>.</summary>
    public static byte[] Thumbnail(DecodedImage image)
    {
        double scale = Math.Min(1.0, (double)ThumbnailSide / Math.Max(image.Width, image.Height));
        int width = Math.Max(1, (int)Math.Round(image.Width * scale));
        int height = Math.Max(1, (int)Math.Round(image.Height * scale));
        var small = ImageResizer.Resize(image, width, height);
        return JpegEncoder.Encode(small.Rgb, small.Width, small.Height, ThumbnailQuality);
    }

    private async Task<byte[]> ReadBoundedAsync(Stream content, int imageNumber, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ImageInputException(ImageInputError.TooLarge, imageNumber,
                    $"image {imageNumber} is larger than the limit of {FileSizeText.Of(MaxBytes)} — export it smaller");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
