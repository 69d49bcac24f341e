using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Output;

namespace DreamOmni2.Engine.Pipeline;

/// <param name="Png">The image as PNG with <paramref name="Parameters"/> in its <c>parameters</c> chunk.</param>
public sealed record GenerationResult(byte[] Png, DecodedImage Image, GenerationParameters Parameters, GenerationTimings Timings);

/// <param name="OnnxDenoise">The part of <paramref name="Denoise"/> spent inside the transformer runs.</param>
public sealed record GenerationTimings(TimeSpan Prepare, TimeSpan Denoise, TimeSpan OnnxDenoise, TimeSpan Decode, TimeSpan Total);
