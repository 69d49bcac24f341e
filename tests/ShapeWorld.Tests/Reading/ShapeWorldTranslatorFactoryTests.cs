using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;
using DreamOmni2.Translation.BuiltIn;
using DreamOmni2.Translation.Vlm;

namespace DreamOmni2.ShapeWorld.Tests.Reading;

public sealed class ShapeWorldTranslatorFactoryTests
{
    [Fact]
    public void A_shape_world_pack_always_gets_the_shape_world_translator_whose_sentences_its_encoder_reads()
    {
        var vlm = new VlmTranslatorOptions { Endpoint = new Uri("http://127.0.0.1:8000/v1"), Model = "qwen2.5-vl-7b" };
        var factory = new ShapeWorldTranslatorFactory();

        Assert.IsType<ShapeWorldTranslator>(InstructionTranslators.ForPack(Manifest("tiny"), vlm, factory));
        Assert.IsType<VlmInstructionTranslator>(InstructionTranslators.ForPack(Manifest("fixture"), vlm, factory));
        Assert.IsType<BuiltInInstructionTranslator>(InstructionTranslators.ForPack(Manifest("fixture"), null, factory));
    }

    [Fact]
    public void A_shape_world_pack_knows_the_shape_worlds_words_with_colour_swatches_and_a_real_pack_knows_none()
    {
        var factory = new ShapeWorldTranslatorFactory();

        var knowledge = InstructionTranslators.KnowledgeOf(Manifest("tiny"), factory)!;
        Assert.Null(InstructionTranslators.KnowledgeOf(Manifest("fixture"), factory));

        Assert.Equal(["shapes", "colours", "patterns", "styles", "sizes", "backgrounds"], knowledge.Groups.Select(g => g.Name));
        Assert.Equal(ShapeWorldVocabulary.Shapes, knowledge.Groups[0].Words.Select(w => w.Word));
        Assert.Equal(ShapeWorldVocabulary.Backgrounds, knowledge.Groups[5].Words.Select(w => w.Word));
        Assert.Equal(new KnowledgeWord("red", "#dc2323"), knowledge.Groups[1].Words[0]);
        Assert.All(knowledge.Groups[0].Words, w => Assert.Null(w.Swatch));
    }

    /// <summary>The manifest of a pack under packs/, copied beside the tests (see the project file).</summary>
    private static PackManifest Manifest(string pack) =>
        PackManifestReader.Read(Path.Combine(AppContext.BaseDirectory, "packs", pack, "pack.json"));
}
