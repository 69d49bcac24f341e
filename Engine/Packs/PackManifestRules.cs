using System.Text.Json;
using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Packs;

/// <summary>The checks a manifest must pass on its own, before any file it names is opened.</summary>
public static class PackManifestRules
{
    /// <summary>Throws <see cref="PackValidationException"/> listing every problem found.</summary>
    /// <param name="source">The manifest's path, for messages.</param>
    public static void Check(PackManifest manifest, string source)
    {
        var problems = Problems(manifest).Select(p => $"{source}: {p}").ToList();
        if (problems.Count > 0)
        {
            throw PackValidationException.FromProblems(problems);
        }
    }

    public static IEnumerable<string> Problems(PackManifest m)
    {
        if (m.Format != PackManifest.CurrentFormat)
        {
            yield return $"field 'format': format {m.Format} is not supported; this engine reads format {PackManifest.CurrentFormat}";
        }
        if (string.IsNullOrWhiteSpace(m.Name))
        {
            yield return "field 'name': a pack needs a name";
        }
        foreach (var p in TransformerProblems(m.Transformer))
        {
            yield return p;
        }
        foreach (var p in TextEncoderProblems(m.TextEncoders))
        {
            yield return p;
        }
        foreach (var p in LatentProblems(m.Latent))
        {
            yield return p;
        }
        foreach (var p in DefaultsProblems(m.Defaults, m.Latent.PixelsPerToken))
        {
            yield return p;
        }
        if (m.Session.IntraOpThreads <= 0)
        {
            yield return "field 'session.intra_op_threads': must be positive";
        }
        if (m.Schedule.MaxImageSeqLen <= m.Schedule.BaseImageSeqLen)
        {
            yield return "field 'schedule.max_image_seq_len': must be greater than base_image_seq_len";
        }
    }

    private static IEnumerable<string> TransformerProblems(TransformerSection t)
    {
        if (t.Modes.Edit is null && t.Modes.Generate is null)
        {
            yield return "field 'transformer.modes': name a graph for 'edit', 'generate' or both";
        }
        if (t.LoraAdapters is { } adapters)
        {
            foreach (var mode in Enum.GetValues<GenerationMode>())
            {
                if (adapters.For(mode) is not null && t.Modes.For(mode) is null)
                {
                    yield return $"field 'transformer.lora_adapters.{mode.Name()}': an adapter for a mode with no transformer";
                }
            }
        }
        var i = t.Inputs;
        string?[] names = [i.HiddenStates, i.EncoderHiddenStates, i.PooledProjections, i.Timestep, i.ImgIds, i.TxtIds, i.Guidance];
        foreach (var duplicate in names.OfType<string>().GroupBy(n => n).Where(g => g.Count() > 1))
        {
            yield return $"field 'transformer.inputs': '{duplicate.Key}' is named for more than one role";
        }
    }

    private static IEnumerable<string> TextEncoderProblems(IReadOnlyList<TextEncoderSection> encoders)
    {
        for (int e = 0; e < encoders.Count; e++)
        {
            if (encoders[e].MaxLength <= 0)
            {
                yield return $"field 'text_encoders[{e}].max_length': must be positive";
            }
            if (encoders[e].Outputs.Count == 0)
            {
                yield return $"field 'text_encoders[{e}].outputs': an encoder must feed the transformer";
            }
        }
        foreach (var role in Enum.GetValues<TextEmbeddingRole>())
        {
            int feeds = encoders.Sum(e => e.Outputs.Values.Count(r => r == role));
            if (feeds != 1)
            {
                yield return $"field 'text_encoders[].outputs': {RoleName(role)} must be fed exactly once; it is fed {feeds} times";
            }
        }
    }

    private static IEnumerable<string> LatentProblems(LatentSection latent)
    {
        if (latent.Channels <= 0 || latent.Downsampling <= 0)
        {
            yield return "field 'latent': channels and downsampling must be positive";
        }
        if (latent.PatchSize != 2)
        {
            yield return $"field 'latent.patch_size': the engine packs 2×2 patches, as Flux does; got {latent.PatchSize}";
        }
        if (latent.ScalingFactor == 0)
        {
            yield return "field 'latent.scaling_factor': must not be 0";
        }
        foreach (var p in PreviewProblems(latent.Preview, latent.Channels))
        {
            yield return p;
        }
    }

    private static IEnumerable<string> PreviewProblems(PreviewSection preview, int channels)
    {
        string kind = KindName(preview.Kind);
        if (preview.Kind == PreviewKind.Linear)
        {
            if (preview.Factors is not { } factors)
            {
                yield return "field 'latent.preview.factors': the linear preview needs one (R, G, B) row per channel";
            }
            else
            {
                if (factors.Count != channels)
                {
                    yield return $"field 'latent.preview.factors': {factors.Count} rows for {channels} channels; give one (R, G, B) row per channel";
                }
                for (int row = 0; row < factors.Count; row++)
                {
                    if (factors[row].Length != 3)
                    {
                        yield return $"field 'latent.preview.factors[{row}]': {factors[row].Length} values; a row is (R, G, B)";
                    }
                }
            }
            if (preview.Bias is not { } bias)
            {
                yield return "field 'latent.preview.bias': the linear preview needs an (R, G, B) bias";
            }
            else if (bias.Length != 3)
            {
                yield return $"field 'latent.preview.bias': {bias.Length} values; the bias is (R, G, B)";
            }
        }
        else
        {
            if (preview.Factors is not null)
            {
                yield return $"field 'latent.preview.factors': only the linear preview reads factors, and kind is '{kind}'; remove them or set kind to 'linear'";
            }
            if (preview.Bias is not null)
            {
                yield return $"field 'latent.preview.bias': only the linear preview reads a bias, and kind is '{kind}'; remove it or set kind to 'linear'";
            }
        }
        if (preview.Kind == PreviewKind.Decoder && string.IsNullOrWhiteSpace(preview.Decoder))
        {
            yield return "field 'latent.preview.decoder': kind 'decoder' needs the decoder's file, relative to the pack folder";
        }
        if (preview.Kind != PreviewKind.Decoder && preview.Decoder is not null)
        {
            yield return $"field 'latent.preview.decoder': a decoder file is used only when kind is 'decoder', and kind is '{kind}'";
        }
    }

    private static string KindName(PreviewKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static IEnumerable<string> DefaultsProblems(DefaultsSection d, int multiple)
    {
        if (d.Steps <= 0)
        {
            yield return "field 'defaults.steps': must be positive";
        }
        if (d.MaxArea < (long)multiple * multiple)
        {
            yield return $"field 'defaults.max_area': must hold at least one {multiple}×{multiple} token";
        }
        if (d.MaxImages <= 0)
        {
            yield return "field 'defaults.max_images': must be positive";
        }
        if (!IsTokenAligned(d.GenerateSize.Width, d.GenerateSize.Height, multiple))
        {
            yield return $"field 'defaults.generate_size': {d.GenerateSize} is not made of whole {multiple}-px tokens";
        }
        if (d.Buckets.Count == 0)
        {
            yield return "field 'defaults.buckets': at least one bucket is needed";
        }
        for (int b = 0; b < d.Buckets.Count; b++)
        {
            if (!IsTokenAligned(d.Buckets[b].Width, d.Buckets[b].Height, multiple))
            {
                yield return $"field 'defaults.buckets[{b}]': {d.Buckets[b]} is not made of whole {multiple}-px tokens";
            }
        }
    }

    private static bool IsTokenAligned(int width, int height, int multiple) =>
        width > 0 && height > 0 && width % multiple == 0 && height % multiple == 0;

    internal static string RoleName(TextEmbeddingRole role) =>
        role == TextEmbeddingRole.EncoderHiddenStates ? "encoder_hidden_states" : "pooled_projections";
}
