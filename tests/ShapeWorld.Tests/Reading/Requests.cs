using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation;

namespace DreamOmni2.ShapeWorld.Tests.Reading;

/// <summary>Shape-world requests with stand-in images: the translator reads only how many there are.</summary>
internal static class Requests
{
    public static TranslationRequest Make(GenerationMode mode, int imageCount, string instruction) => new(
        [.. Enumerable.Range(1, imageCount).Select(i => new TranslationImage(new[] { (byte)i }, "image/png"))],
        instruction, mode, PromptStyle.ShapeWorld);
}
