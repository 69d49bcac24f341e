namespace DreamOmni2.Engine.Translation.Vlm;

/// <summary>
/// Prepares an image before the VLM sees it. DreamOmni2 shows the VLM each image after the same bucket resize as the
/// diffusion inputs (reference §7); the pipeline plugs its resizer in here.
/// </summary>
public interface IVlmImagePreparer
{
    ValueTask<TranslationImage> PrepareAsync(TranslationImage image, CancellationToken ct);
}

/// <summary>Sends each image as given: the default until a resizer is plugged in.</summary>
public sealed class ImagesAsGiven : IVlmImagePreparer
{
    public static ImagesAsGiven Instance { get; } = new();

    public ValueTask<TranslationImage> PrepareAsync(TranslationImage image, CancellationToken ct) => ValueTask.FromResult(image);
}
