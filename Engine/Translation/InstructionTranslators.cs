using DreamOmni2.Engine.Translation.BuiltIn;
using DreamOmni2.Engine.Translation.Reflection;
using DreamOmni2.Engine.Translation.Vlm;

namespace DreamOmni2.Engine.Translation;

/// <summary>Chooses the translator from configuration: the VLM when one is configured, the built-in rules otherwise.</summary>
public static class InstructionTranslators
{
    public static IInstructionTranslator Create(VlmTranslatorOptions? vlm, IVlmImagePreparer? imagePreparer = null) =>
        vlm is { IsConfigured: true }
            ? new VlmInstructionTranslator(VlmChatClientFactory.Create(vlm), vlm, imagePreparer)
            : new BuiltInInstructionTranslator();

    /// <summary>The reflection loop, or null: reflection needs a VLM to judge results.</summary>
    public static ReflectionLoop? CreateReflectionLoop(VlmTranslatorOptions? vlm, IVlmImagePreparer? imagePreparer = null) =>
        vlm is { IsConfigured: true } ? new ReflectionLoop(VlmChatClientFactory.Create(vlm), vlm, imagePreparer) : null;
}
