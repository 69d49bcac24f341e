using DreamOmni2.Translation.BuiltIn;
using DreamOmni2.Translation.Vlm;

namespace DreamOmni2.Translation.Tests;

public sealed class InstructionTranslatorsTests
{
    [Fact]
    public void Without_a_vlm_the_built_in_translator_is_used()
    {
        Assert.IsType<BuiltInInstructionTranslator>(InstructionTranslators.Create(null));
        Assert.IsType<BuiltInInstructionTranslator>(InstructionTranslators.Create(new VlmTranslatorOptions { Model = "qwen2.5-vl" }));
    }

    [Fact]
    public void A_configured_vlm_is_used_and_named_after_its_model()
    {
        var translator = InstructionTranslators.Create(
            new VlmTranslatorOptions { Endpoint = new Uri("http://127.0.0.1:8000/v1"), Model = "qwen2.5-vl-7b" });

        Assert.Equal("vlm:qwen2.5-vl-7b", Assert.IsType<VlmInstructionTranslator>(translator).Name);
    }

    [Fact]
    public void A_shape_world_pack_always_gets_the_built_in_translator_whose_sentences_its_encoder_reads()
    {
        var vlm = new VlmTranslatorOptions { Endpoint = new Uri("http://127.0.0.1:8000/v1"), Model = "qwen2.5-vl-7b" };

        Assert.IsType<BuiltInInstructionTranslator>(InstructionTranslators.ForPack(FixtureManifest.WithStyle("shape-world"), vlm));
        Assert.IsType<VlmInstructionTranslator>(InstructionTranslators.ForPack(FixtureManifest.WithStyle("natural"), vlm));
        Assert.IsType<BuiltInInstructionTranslator>(InstructionTranslators.ForPack(FixtureManifest.WithStyle("natural"), null));
    }
}
