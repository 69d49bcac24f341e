using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation;

namespace DreamOmni2.Translation.Tests;

/// <summary>Translation requests with stand-in images: the built-in translator reads only how many there are.</summary>
internal static class Requests
{
    public static TranslationRequest Make(
        GenerationMode mode, int imageCount, string instruction, PromptStyle style) =>
        new(Images(imageCount), instruction, mode, style);

    public static IReadOnlyList<TranslationImage> Images(int count) =>
        Enumerable.Range(1, count).Select(i => new TranslationImage(new byte[] { (byte)i }, "image/png")).ToArray();
}
