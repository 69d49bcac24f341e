using DreamOmni2.Contracts;
using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Packs;

/// <summary>Every file a manifest names, in manifest order.</summary>
public static class PackFiles
{
    public static IEnumerable<PackFile> Of(PackManifest m)
    {
        var t = m.Transformer;
        foreach (var mode in Enum.GetValues<GenerationMode>())
        {
            string name = mode.Name();
            if (t.Modes.For(mode) is { } graph)
            {
                yield return new($"transformer.modes.{name}", graph);
            }
            if (t.LoraAdapters?.For(mode) is { } adapter)
            {
                yield return new($"transformer.lora_adapters.{name}", adapter);
            }
        }
        for (int e = 0; e < m.TextEncoders.Count; e++)
        {
            var encoder = m.TextEncoders[e];
            yield return new($"text_encoders[{e}].file", encoder.File);
            foreach (var file in TokenizerFiles(encoder.Tokenizer, $"text_encoders[{e}].tokenizer"))
            {
                yield return file;
            }
        }
        yield return new("vae.encoder.file", m.Vae.Encoder.File);
        yield return new("vae.decoder.file", m.Vae.Decoder.File);
        if (m.Latent.Preview is { Kind: PreviewKind.Decoder, Decoder: { } previewDecoder })
        {
            yield return new("latent.preview.decoder", previewDecoder);
        }
    }

    private static IEnumerable<PackFile> TokenizerFiles(TokenizerSpec spec, string field)
    {
        (string Name, string? File)[] files = [("vocab", spec.Vocab), ("merges", spec.Merges), ("model", spec.Model)];
        return files.Where(f => f.File is not null).Select(f => new PackFile($"{field}.{f.Name}", f.File!));
    }
}
