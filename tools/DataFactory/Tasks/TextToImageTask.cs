using DreamOmni2.DataFactory.Phrasing;
using DreamOmni2.DataFactory.Randomness;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>Text to image: no inputs; every attribute is named; the object is centered on a flat background.</summary>
public static class TextToImageTask
{
    public static Sample Create(long index, SplitMix64 rng, SplitMix64 phrasingRng)
    {
        var target = SceneSampler.Centered(SceneSampler.Random(rng) with { Lighting = Lighting.Flat });
        var prompt = ShapeWorldPrompt.TextToImage(
            target.WordOf(ShapeWorldAttribute.Size),
            target.WordOf(ShapeWorldAttribute.Color),
            target.WordOf(ShapeWorldAttribute.Pattern),
            target.WordOf(ShapeWorldAttribute.Style),
            target.ShapeWord,
            target.WordOf(ShapeWorldAttribute.Background));
        return new Sample(index, TaskKind.TextToImage, [], target, prompt, TextToImagePhrasings.Create(phrasingRng, prompt, target), []);
    }
}
