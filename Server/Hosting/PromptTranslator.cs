using DreamOmni2.Contracts;
using DreamOmni2.Translation;
using DreamOmni2.Engine;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Hosting;

/// <summary>Translates an instruction for the loaded pack, from images kept in the content store.</summary>
public sealed class PromptTranslator(PlaygroundEngine engine, ContentStore store)
{
    public Task<InstructionTranslation> TranslateAsync(
        GenerationMode mode, IReadOnlyList<string> imageHashes, string instruction, CancellationToken ct)
    {
        var images = imageHashes.Select(hash => TranslationImage.FromEncoded(store.Read(hash))).ToList();
        return engine.Translator.TranslateAsync(new TranslationRequest(images, instruction, mode, engine.Pack.Manifest.Prompt.Style), ct);
    }
}
