using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// A shape-world pack's text encoder reads only the standard sentences, which <see cref="ShapeWorldTranslator"/>
/// writes and a VLM does not, so such a pack always gets that translator, whether or not a VLM is configured.
/// </summary>
public sealed class ShapeWorldTranslatorFactory : IPackTranslatorFactory
{
    public IInstructionTranslator? ForPack(PackManifest manifest) =>
        manifest.Prompt.Style == PromptStyle.ShapeWorld ? new ShapeWorldTranslator() : null;
}
