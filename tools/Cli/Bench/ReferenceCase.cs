using System.Text.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Scheduling;
using DreamOmni2.Engine.Text;

namespace DreamOmni2.Cli.Bench;

/// <summary>
/// Writes what the engine computes for an edit before any graph runs (the resized images in [-1, 1], the prompt's
/// token ids, the seed's noise, the position ids, the sigmas) as files the PyTorch reference sampler reads, so both
/// sides start from the same numbers. Square images of the pack's one bucket only: the reference takes no other.
/// </summary>
internal static class ReferenceCase
{
    public static void Write(ModelPack pack, PipelineInput input, string folder)
    {
        var m = pack.Manifest;
        if (m.TextEncoders.Count != 1 || m.Defaults.Buckets is not [var bucket] || bucket.Width != bucket.Height)
        {
            throw new ArgumentException($"pack '{pack.Name}' is not in the tiny pack's format (one text encoder, one square bucket)");
        }
        Directory.CreateDirectory(folder);
        var settings = input.Settings;
        var grids = new List<GridSize>();
        for (int i = 0; i < input.Images.Count; i++)
        {
            var image = BucketResize.Apply(ImageDecoder.Decode(input.Images[i].Span, ImageLimits.Default, i + 1), m.Defaults.Buckets);
            RawTensorFile.Write<float>(Path.Combine(folder, $"image{i}.f32"), ModelImage.ToTensor(image));
            grids.Add(GridSize.ForImage(image.Height, image.Width, m.Latent.Downsampling));
        }
        var encoder = m.TextEncoders[0];
        var ids = TokenizerFactory.Create(encoder.Tokenizer, pack.Directory).Encode(input.Prompt, encoder.MaxLength);
        RawTensorFile.Write<int>(Path.Combine(folder, "token_ids.i32"), ids);

        // The target has image 1's bucket, as in an edit.
        var target = grids[0];
        int latentSide = bucket.Width / m.Latent.Downsampling;
        var noise = new float[m.Latent.Channels * latentSide * latentSide];
        LatentNoise.Fill(noise, settings.Seed);
        RawTensorFile.Write<float>(Path.Combine(folder, "noise.f32"), noise);
        RawTensorFile.Write<float>(Path.Combine(folder, "img_ids.f32"), PositionIds.Build(settings.Scheme, target, grids));
        int steps = settings.Steps;
        RawTensorFile.Write<float>(Path.Combine(folder, "sigmas.f32"), FlowMatchSchedule.Sigmas(steps, target.Tokens, m.Schedule));

        var meta = new
        {
            images = input.Images.Count,
            image_size = bucket.Width,
            text_length = encoder.MaxLength,
            steps,
            guidance = settings.Guidance,
        };
        File.WriteAllText(Path.Combine(folder, "case.json"), JsonSerializer.Serialize(meta));
    }
}
