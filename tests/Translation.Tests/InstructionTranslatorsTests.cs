using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
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
    public void A_pack_a_factory_knows_gets_its_translator_and_any_other_the_vlm_or_the_built_in_rules()
    {
        var vlm = new VlmTranslatorOptions { Endpoint = new Uri("http://127.0.0.1:8000/v1"), Model = "qwen2.5-vl-7b" };
        var shapeWorldRules = new StyleFactory(PromptStyle.ShapeWorld);

        Assert.Same(shapeWorldRules.Translator, InstructionTranslators.ForPack(FixtureManifest.WithStyle("shape-world"), vlm, shapeWorldRules));
        Assert.IsType<VlmInstructionTranslator>(InstructionTranslators.ForPack(FixtureManifest.WithStyle("natural"), vlm, shapeWorldRules));
        Assert.IsType<BuiltInInstructionTranslator>(InstructionTranslators.ForPack(FixtureManifest.WithStyle("natural"), null, shapeWorldRules));
        Assert.IsType<VlmInstructionTranslator>(InstructionTranslators.ForPack(FixtureManifest.WithStyle("shape-world"), vlm));
    }

    /// <summary>Knows the packs of one prompt style, as ShapeWorld's factory knows shape-world packs.</summary>
    private sealed class StyleFactory(PromptStyle style) : IPackTranslatorFactory
    {
        public IInstructionTranslator Translator { get; } = new BuiltInInstructionTranslator();

        public IInstructionTranslator? ForPack(PackManifest manifest) => manifest.Prompt.Style == style ? Translator : null;

        public PackKnowledge? KnowledgeOf(PackManifest manifest) => null;
    }
}
