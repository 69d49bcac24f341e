using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation.BuiltIn;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Translation.Vlm;

namespace DreamOmni2.Translation;

/// <summary>Chooses the translator from configuration: the VLM when one is configured, the built-in rules otherwise.</summary>
/// <remarks>The chat client each VLM user gets is theirs: the translator and the loop dispose it.</remarks>
#pragma warning disable CA2000 // ownership of the chat client passes to the translator or loop made with it
public static class InstructionTranslators
{
    public static IInstructionTranslator Create(VlmTranslatorOptions? vlm, IVlmImagePreparer? imagePreparer = null) =>
        vlm is { IsConfigured: true }
            ? new VlmInstructionTranslator(VlmChatClientFactory.Create(vlm), vlm, imagePreparer)
            : new BuiltInInstructionTranslator();

    /// <summary>
    /// The translator for a pack: the first that one of <paramref name="packTranslators"/> has for it (a pack whose
    /// text encoder reads only a fixed language gets the rules that write it, which a VLM does not), otherwise the VLM
    /// when one is configured, shown each image at the pack's bucket size.
    /// </summary>
    public static IInstructionTranslator ForPack(
        PackManifest manifest, VlmTranslatorOptions? vlm, params IEnumerable<IPackTranslatorFactory> packTranslators) =>
        packTranslators.Select(factory => factory.ForPack(manifest)).FirstOrDefault(translator => translator is not null)
        ?? Create(vlm, ImagePreparerFor(manifest));

    /// <summary>What the pack's model knows, from the first of <paramref name="packTranslators"/> that knows its language; null for any other pack.</summary>
    public static PackKnowledge? KnowledgeOf(PackManifest manifest, params IEnumerable<IPackTranslatorFactory> packTranslators) =>
        packTranslators.Select(factory => factory.KnowledgeOf(manifest)).FirstOrDefault(knowledge => knowledge is not null);

    /// <summary>The reflection loop, or null: reflection needs a VLM to judge results.</summary>
    public static ReflectionLoop? CreateReflectionLoop(VlmTranslatorOptions? vlm, IVlmImagePreparer? imagePreparer = null) =>
        vlm is { IsConfigured: true } ? new ReflectionLoop(VlmChatClientFactory.Create(vlm), vlm, imagePreparer) : null;

    /// <summary>Shows a VLM each image at the pack's bucket size, as the diffusion model sees it.</summary>
    public static BucketResizeImagePreparer ImagePreparerFor(PackManifest manifest) =>
        new(manifest.Defaults.Buckets, ImageLimits.Default);
}
#pragma warning restore CA2000
