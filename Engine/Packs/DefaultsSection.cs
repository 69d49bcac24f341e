using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Packs;

/// <param name="MaxArea">Pixel area of a generated image; its aspect ratio comes from the request.</param>
/// <param name="GenerateSize">Output size of a generation that names none.</param>
/// <param name="Buckets">The sizes input images are resized to (the closest aspect ratio wins).</param>
/// <param name="MaxImages">Most images one request may bring.</param>
public sealed record DefaultsSection(
    int Steps,
    float Guidance,
    long MaxArea,
    ImageSize GenerateSize,
    IReadOnlyList<ImageSize> Buckets,
    int MaxImages);
