using System.Threading.RateLimiting;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Uploads;

/// <summary>
/// Accepts an uploaded image: its size is bounded while it is read, the engine's decoder validates it (so a corrupt
/// file is refused with the decoder's message before any job sees it), and it is stored with a thumbnail. Each user
/// has a storage quota and an upload rate, and only a few uploads are decoded at once, so a burst of large files
/// cannot take the server's memory.
/// </summary>
public sealed class UploadService : IDisposable
{
    public const int ThumbnailSide = 192;
    private const int ThumbnailQuality = 85;
    private const int MaxNameLength = 200;

    /// <summary>Bytes of images decoded since memory was last given back, past which the end of a burst gives it back.</summary>
    private const long TrimAfterBytes = 64L * 1024 * 1024;

    private readonly ContentStore _store;
    private readonly UploadRepository _uploads;
    private readonly FileOwnership _ownership;
    private readonly long _quota;
    private readonly SemaphoreSlim _decoding;
    private readonly PartitionedRateLimiter<string> _rate;
    private readonly int _perMinute;
    private readonly int _concurrentUploads;
    private long _decodedSinceTrim;

    public UploadService(ContentStore store, UploadRepository uploads, FileOwnership ownership, IOptions<PlaygroundOptions> options)
    {
        _store = store;
        _uploads = uploads;
        _ownership = ownership;
        var settings = options.Value;
        Limits = ImageLimits.Default with { MaxFileBytes = settings.MaxUploadBytes };
        _quota = settings.StorageQuotaBytes;
        _concurrentUploads = Math.Max(1, settings.ConcurrentUploads);
        _decoding = new SemaphoreSlim(_concurrentUploads);
        _perMinute = Math.Max(1, settings.RateLimits.UploadsPerMinute);
        _rate = PartitionedRateLimiter.Create<string, string>(owner => RateLimitPartition.GetSlidingWindowLimiter(owner, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = _perMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
    }

    public long MaxBytes => Limits.MaxFileBytes;

    public ImageLimits Limits { get; }

    /// <param name="declaredLength">The length the client announced, when it did: a file over the limit is refused unread.</param>
    /// <param name="imageNumber">The slot the image goes to, 1-based, for the error message.</param>
    /// <exception cref="ImageInputException">The file is too large, damaged or not an image.</exception>
    /// <exception cref="RefusalException">The owner uploads too fast or their files would pass their quota.</exception>
    public async Task<UploadedImage> AcceptAsync(string owner, Stream content, long? declaredLength, string name, int imageNumber, CancellationToken ct)
    {
        using (var lease = _rate.AttemptAcquire(owner))
        {
            if (!lease.IsAcquired)
            {
                throw RefusalException.TooMany($"you have uploaded {_perMinute} images in the last minute, the most one person may — wait a little and try again",
                    TimeSpan.FromSeconds(10));
            }
        }
        if (declaredLength > MaxBytes)
        {
            throw TooLarge(imageNumber, $"image {imageNumber} ({Shorten(name)}) is {FileSizeText.Of(declaredLength.Value)}");
        }
        EnsureQuota(owner, declaredLength ?? 0);
        await _decoding.WaitAsync(ct);
        try
        {
            byte[] bytes = await ReadBoundedAsync(content, declaredLength, imageNumber, ct);
            var image = ImageDecoder.Decode(bytes, Limits, imageNumber);
            Interlocked.Add(ref _decodedSinceTrim, bytes.Length + 4L * image.Width * image.Height);
            byte[] thumbnail = Thumbnail(image);
            EnsureQuota(owner, bytes.Length + thumbnail.Length);
            string hash = _store.Put(bytes);
            string thumbnailHash = _store.Put(thumbnail);
            _ownership.Grant(owner, hash, bytes.Length);
            _ownership.Grant(owner, thumbnailHash, thumbnail.Length);
            var uploaded = new UploadedImage(hash, thumbnailHash, image.Width, image.Height, Shorten(name));
            _uploads.Add(owner, uploaded);
            return uploaded;
        }
        finally
        {
            if (_decoding.Release() == _concurrentUploads - 1)
            {
                TrimAfterBurst();
            }
        }
    }

    /// <summary>
    /// When the last upload of a burst of large images ends, gives their memory back to the system: the collector
    /// would otherwise keep the heap it grew for them until the next collection, which an idle server never makes.
    /// </summary>
    private void TrimAfterBurst()
    {
        if (Interlocked.Read(ref _decodedSinceTrim) < TrimAfterBytes)
        {
            return;
        }
        Interlocked.Exchange(ref _decodedSinceTrim, 0);
        ThreadPool.QueueUserWorkItem(_ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
    }

    /// <summary>A file picked, dropped or pasted in the browser: one whose declared size is over the limit is refused
    /// before a byte of it crosses the circuit.</summary>
    /// <exception cref="ImageInputException">The file is too large, damaged or not an image.</exception>
    public async Task<UploadedImage> AcceptAsync(string owner, IBrowserFile file, int imageNumber, CancellationToken ct)
    {
        if (file.Size > MaxBytes)
        {
            throw TooLarge(imageNumber, $"image {imageNumber} ({Shorten(file.Name)}) is {FileSizeText.Of(file.Size)}");
        }
        await using var content = file.OpenReadStream(MaxBytes, ct);
        return await AcceptAsync(owner, content, file.Size, file.Name, imageNumber, ct);
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

    public void Dispose()
    {
        _rate.Dispose();
        _decoding.Dispose();
    }

    private void EnsureQuota(string owner, long adding)
    {
        long used = _ownership.BytesOwnedBy(owner);
        if (used + adding > _quota)
        {
            throw new RefusalException(StatusCodes.Status413PayloadTooLarge,
                $"your images and results take up {FileSizeText.Of(used)} of your {FileSizeText.Of(_quota)}; this upload needs " +
                $"{FileSizeText.Of(Math.Max(adding, 1))} more — delete jobs you no longer need in History to free space");
        }
    }

    private ImageInputException TooLarge(int imageNumber, string what) =>
        new(ImageInputError.TooLarge, imageNumber, $"{what}; the limit is {FileSizeText.Of(MaxBytes)} — export it smaller");

    /// <summary>The file name as shown to its owner: no folders, no control characters, not too long.</summary>
    private static string Shorten(string name)
    {
        string clean = new(Path.GetFileName(name).Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength] + "…";
    }

    /// <summary>Reads at most the limit; a stream that announced its length is read into a buffer of exactly that size.</summary>
    private async Task<byte[]> ReadBoundedAsync(Stream content, long? declaredLength, int imageNumber, CancellationToken ct)
    {
        using var buffer = new MemoryStream(declaredLength is > 0 and long length ? (int)Math.Min(length, MaxBytes) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge(imageNumber, $"image {imageNumber} is larger than that");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
