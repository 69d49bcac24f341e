using DreamOmni2.Contracts;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.DataFactory.Tests.Tasks;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;
using DreamOmni2.Engine;

namespace DreamOmni2.DataFactory.Tests.Phrasing;

/// <summary>
/// The loose phrasings are how people would ask for each sample; the built-in translator must read every one of them
/// back to the sample's standard prompt, or the playground refuses requests its own training data makes.
/// </summary>
public sealed class LoosePhrasingTranslationTests
{
    [Fact]
    public async Task The_built_in_translator_reads_every_loose_phrasing_back_to_the_standard_prompt()
    {
        var translator = new ShapeWorldTranslator();
        var misread = new List<string>();
        var read = 0;
        foreach (var sample in TrainingSamples.First)
        {
            var mode = sample.Task is TaskKind.Edit or TaskKind.TextEdit ? GenerationMode.Edit : GenerationMode.Generate;
            var images = sample.Inputs.Select((_, i) => new TranslationImage(new[] { (byte)i }, "image/png")).ToArray();
            foreach (var phrasing in sample.LoosePhrasings)
            {
                read++;
                var translation = await translator.TranslateAsync(
                    new TranslationRequest(images, phrasing, mode, PromptStyle.ShapeWorld), CancellationToken.None);
                if (translation.Prompt != sample.Prompt)
                {
                    misread.Add($"{phrasing} → {translation.Prompt} ({string.Join("; ", translation.Warnings)})");
                }
            }
        }

        Assert.InRange(read, 3 * TrainingSamples.Count, 5 * TrainingSamples.Count);
        Assert.True(misread.Count == 0, $"{misread.Count} of {read} phrasings misread:\n{string.Join("\n", misread.Take(40))}");
    }
}
