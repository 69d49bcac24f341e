using System.Text.Json;
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
    public static void Write(ModelPack pack, GenerationRequest request, string folder)
    {
        var m = pack.Manifest;
        if (m.TextEncoders.Count != 1 || m.Defaults.Buckets is not [var bucket] || bucket.Width != bucket.Height)
        {
            throw new ArgumentException($"pack '{pack.Name}' is not in the tiny pack's format (one text encoder, one square bucket)");
        }
        Directory.CreateDirectory(folder);
        var limits = ImageLimits.Default with { MaxImages = m.Defaults.MaxImages };
        var grids = new List<GridSize>();
        for (int i = 0; i < request.Images.Count; i++)
        {
            var image = BucketResize.Apply(ImageDecoder.Decode(request.Images[i].Span, limits, i + 1), m.Defaults.Buckets);
            RawTensorFile.Write<float>(Path.Combine(folder, $"image{i}.f32"), ModelImage.ToTensor(image));
            grids.Add(GridSize.ForImage(image.Height, image.Width, m.Latent.Downsampling));
        }
        var encoder = m.TextEncoders[0];
        var ids = TokenizerFactory.Create(encoder.Tokenizer, pack.Directory).Encode(request.Prompt, encoder.MaxLength);
        RawTensorFile.Write<int>(Path.Combine(folder, "token_ids.i32"), ids);

        // The target has image 1's bucket, as in an edit.
        var target = grids[0];
        int latentSide = bucket.Width / m.Latent.Downsampling;
        var noise = new float[m.Latent.Channels * latentSide * latentSide];
        LatentNoise.Fill(noise, request.Seed ?? throw new ArgumentException("the reference needs a seed", nameof(request)));
        RawTensorFile.Write<float>(Path.Combine(folder, "noise.f32"), noise);
        var scheme = request.Scheme ?? m.Encoding;
        RawTensorFile.Write<float>(Path.Combine(folder, "img_ids.f32"), PositionIds.Build(scheme, target, grids));
        int steps = request.Steps ?? m.Defaults.Steps;
        RawTensorFile.Write<float>(Path.Combine(folder, "sigmas.f32"), FlowMatchSchedule.Sigmas(steps, target.Tokens, m.Schedule));

        var meta = new
        {
            images = request.Images.Count,
            image_size = bucket.Width,
            text_length = encoder.MaxLength,
            steps,
            guidance = request.Guidance ?? m.Defaults.Guidance,
        };
        File.WriteAllText(Path.Combine(folder, "case.json"), JsonSerializer.Serialize(meta));
    }
}
