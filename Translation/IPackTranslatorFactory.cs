using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Translation;

/// <summary>
/// Knows the translator some packs need whatever else is configured: a pack whose text encoder reads only a fixed
/// language gets the rules that write that language, and people are shown that language's words. Hosts pass the
/// factories they have to <see cref="InstructionTranslators.ForPack"/> and <see cref="InstructionTranslators.KnowledgeOf"/>,
/// so Translation itself knows no such language.
/// </summary>
public interface IPackTranslatorFactory
{
    /// <summary>The pack's translator, or null when this factory has nothing to say about the pack.</summary>
    IInstructionTranslator? ForPack(PackManifest manifest);

    /// <summary>The words the pack's model knows, or null when this factory has nothing to say about the pack.</summary>
    PackKnowledge? KnowledgeOf(PackManifest manifest);
}
