using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// The latest preview of a running job. Its JPEG is encoded when a viewer first asks for it, on the viewer's
/// request thread, so the worker never waits on encoding and frames nobody fetched cost nothing.
/// </summary>
public sealed class PreviewFrame
{
    private readonly Lazy<byte[]> _jpeg;

    /// <param name="stepEndedUnixMilliseconds">When the step that made it ended, on the wall clock (for latency measurements).</param>
    public PreviewFrame(int step, DecodedImage image, int jpegQuality, double stepEndedUnixMilliseconds)
    {
        Step = step;
        StepEndedUnixMilliseconds = stepEndedUnixMilliseconds;
        _jpeg = new Lazy<byte[]>(() => JpegEncoder.Encode(image.Rgb, image.Width, image.Height, jpegQuality));
    }

    /// <summary>A frame another process encoded, as it arrived.</summary>
    public PreviewFrame(int step, byte[] jpeg, double stepEndedUnixMilliseconds)
    {
        Step = step;
        StepEndedUnixMilliseconds = stepEndedUnixMilliseconds;
        _jpeg = new Lazy<byte[]>(jpeg);
    }

    public int Step { get; }

    public double StepEndedUnixMilliseconds { get; }

    public byte[] Jpeg => _jpeg.Value;
}
