namespace DreamOmni2.Translation.Vlm;

/// <summary>
/// Prepares an image before the VLM sees it. DreamOmni2 shows the VLM each image after the same bucket resize as the
/// diffusion inputs (reference §7); the pipeline plugs its resizer in here.
/// </summary>
public interface IVlmImagePreparer
{
    /// <param name="imageNumber">The image's 1-based number in the request, for error messages.</param>
    ValueTask<TranslationImage> PrepareAsync(TranslationImage image, int imageNumber, CancellationToken ct);
}

/// <summary>Sends each image as given.</summary>
public sealed class ImagesAsGiven : IVlmImagePreparer
{
    public static ImagesAsGiven Instance { get; } = new();

    public ValueTask<TranslationImage> PrepareAsync(TranslationImage image, int imageNumber, CancellationToken ct) => ValueTask.FromResult(image);
}
