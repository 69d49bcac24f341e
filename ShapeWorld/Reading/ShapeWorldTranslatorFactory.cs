using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.Translation;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// A shape-world pack's text encoder reads only the standard sentences, which <see cref="ShapeWorldTranslator"/>
/// writes and a VLM does not, so such a pack always gets that translator, whether or not a VLM is configured; and
/// what its model knows is the shape world's vocabulary.
/// </summary>
public sealed class ShapeWorldTranslatorFactory : IPackTranslatorFactory
{
    private static readonly PackKnowledge s_knowledge = new(
    [
        Plain("shapes", ShapeWorldVocabulary.Shapes),
        Swatches("colours", ShapeWorldVocabulary.Colors, Palette.ObjectColors),
        Plain("patterns", ShapeWorldVocabulary.Patterns),
        Plain("styles", ShapeWorldVocabulary.Styles),
        Plain("sizes", ShapeWorldVocabulary.Sizes),
        Swatches("backgrounds", ShapeWorldVocabulary.Backgrounds, Palette.Backgrounds),
    ]);

    public IInstructionTranslator? ForPack(PackManifest manifest) =>
        IsShapeWorld(manifest) ? new ShapeWorldTranslator() : null;

    public PackKnowledge? KnowledgeOf(PackManifest manifest) => IsShapeWorld(manifest) ? s_knowledge : null;

    private static bool IsShapeWorld(PackManifest manifest) => manifest.Prompt.Style == PromptStyle.ShapeWorld;

    private static KnowledgeGroup Plain(string name, IReadOnlyList<string> words) =>
        new(name, words.Select(word => new KnowledgeWord(word)).ToList());

    private static KnowledgeGroup Swatches(string name, IReadOnlyList<string> words, IReadOnlyList<Rgb> colors) =>
        new(name, words.Select((word, i) => new KnowledgeWord(word, $"#{colors[i].R:x2}{colors[i].G:x2}{colors[i].B:x2}")).ToList());
}
