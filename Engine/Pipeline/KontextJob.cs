using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Output;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Scheduling;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>
/// One request's run, stage by stage and synchronously on the calling thread: <see cref="Prepare"/>, then
/// <see cref="Step"/> until <see cref="IsDenoised"/>, then <see cref="Decode"/> and <see cref="Complete"/>.
/// <see cref="KontextPipeline"/> streams it as events; benchmarks drive it directly.
/// </summary>
public sealed class KontextJob : IDisposable
{
    private readonly PackSessions _sessions;
    private readonly PipelineInput _input;
    private readonly RunOptions _runOptions;
    private readonly Denoiser _denoiser;
    private readonly PreviewRenderer? _preview;
    private readonly float[] _sigmas;
    private readonly float[] _x;
    private readonly float[] _velocity;
    private readonly float[] _x0;
    private readonly int _latentHeight;
    private readonly int _latentWidth;
    private TimeSpan _denoiseTime;
    private TimeSpan _onnxTime;

    private KontextJob(PackSessions sessions, PipelineInput input, JobInputs inputs, RunOptions runOptions, CancellationToken cancellationToken)
    {
        _sessions = sessions;
        _input = input;
        var settings = input.Settings;
        _runOptions = runOptions;
        var latent = sessions.Pack.Manifest.Latent;
        _latentHeight = inputs.OutputSize.Height / latent.Downsampling;
        _latentWidth = inputs.OutputSize.Width / latent.Downsampling;
        var target = GridSize.ForImage(inputs.OutputSize.Height, inputs.OutputSize.Width, latent.Downsampling);
        _sigmas = FlowMatchSchedule.Sigmas(settings.Steps, target.Tokens, sessions.Pack.Manifest.Schedule);

        var prompt = EncodedPrompt.Encode(sessions.TextEncoders, input.Prompt, _runOptions, cancellationToken);
        _denoiser = new Denoiser(
            sessions.Transformer(settings.Mode),
            target.Tokens,
            latent.TokenFeatures,
            inputs.ReferenceTokens,
            PositionIds.Build(settings.Scheme, target, inputs.ReferenceGrids),
            prompt,
            settings.Guidance);

        var noise = new float[latent.Channels * _latentHeight * _latentWidth];
        LatentNoise.Fill(noise, settings.Seed);
        _x = new float[noise.Length];
        LatentPacking.Pack(noise, latent.Channels, _latentHeight, _latentWidth, _x);
        _velocity = new float[_x.Length];
        _x0 = new float[_x.Length];
        if (settings.Previews)
        {
            _preview = new PreviewRenderer(sessions, _latentHeight, _latentWidth);
        }

        Prepared = new PipelineEvent.Prepared(
            settings.Mode, inputs.OutputSize, inputs.ReferenceSizes, target.Tokens,
            inputs.ReferenceTokens.Length / latent.TokenFeatures, prompt.Tokens, settings.Seed, settings.Steps,
            settings.Guidance, settings.Scheme, input.Prompt, Stopwatch.GetElapsedTime(inputs.Started));
    }

    public PipelineEvent.Prepared Prepared { get; }

    /// <summary>Steps done so far.</summary>
    public int StepsDone { get; private set; }

    public bool IsDenoised => StepsDone == Prepared.Steps;

    /// <summary>How long <see cref="Decode"/> took.</summary>
    public TimeSpan DecodeTime { get; private set; }

    /// <summary>Decodes and validates the images, encodes them and the prompt, and binds the transformer's inputs.</summary>
    /// <exception cref="ImageInputException">An image, or the number of them, was refused.</exception>
    public static KontextJob Prepare(PackSessions sessions, PipelineInput input, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var runOptions = new RunOptions();
        try
        {
            var inputs = JobInputs.Read(sessions, input, runOptions, started, cancellationToken);
            return new KontextJob(sessions, input, inputs, runOptions, cancellationToken);
        }
        catch
        {
            runOptions.Dispose();
            throw;
        }
    }

    /// <summary>Runs the transformer once and takes one Euler step.</summary>
    public PipelineEvent.Step Step(CancellationToken cancellationToken)
    {
        if (IsDenoised)
        {
            throw new InvalidOperationException("every step has run");
        }
        long start = Stopwatch.GetTimestamp();
        float sigma = _sigmas[StepsDone];
        _denoiser.Predict(_x, sigma, _velocity, cancellationToken);
        DecodedImage? preview = null;
        if (_preview is not null)
        {
            FlowMatchEuler.DenoisedEstimate(_x, _velocity, sigma, _x0);
            preview = _preview.Render(_x0, _runOptions, cancellationToken);
        }
        FlowMatchEuler.Step(_x, _velocity, sigma, _sigmas[StepsDone + 1]);
        StepsDone++;
        var elapsed = Stopwatch.GetElapsedTime(start);
        _denoiseTime += elapsed;
        _onnxTime += _denoiser.LastRunTime;
        return new PipelineEvent.Step(StepsDone, Prepared.Steps, sigma, preview, elapsed, _denoiser.LastRunTime);
    }

    /// <summary>Unpacks the final latent and decodes it to RGB.</summary>
    public DecodedImage Decode(CancellationToken cancellationToken)
    {
        if (!IsDenoised)
        {
            throw new InvalidOperationException($"{Prepared.Steps - StepsDone} steps are still to run");
        }
        long start = Stopwatch.GetTimestamp();
        var latent = _sessions.Pack.Manifest.Latent;
        var chw = new float[_x.Length];
        LatentPacking.Unpack(_x, latent.Channels, _latentHeight, _latentWidth, chw);
        var pixels = _sessions.Vae.Decode(chw, _latentHeight, _latentWidth, _runOptions, cancellationToken, out int width, out int height);
        var image = new DecodedImage(width, height, ModelImage.ToRgb(pixels, width, height));
        DecodeTime = Stopwatch.GetElapsedTime(start);
        return image;
    }

    /// <summary>The PNG of the decoded image with its parameters, and the job's timings.</summary>
    public GenerationResult Complete(DecodedImage image)
    {
        var p = Prepared;
        var parameters = new GenerationParameters(
            _input.Settings.Instruction.Length > 0 ? _input.Settings.Instruction : _input.Prompt,
            _input.Prompt,
            _input.Translator,
            p.Mode,
            p.Seed,
            p.Steps,
            p.Guidance,
            new SchemeParameters(p.Scheme.Index, p.Scheme.Shift),
            image.Size,
            new PackParameters(_sessions.Pack.Name, _sessions.Pack.Hash),
            EngineInfo.Version);
        var png = PngEncoder.Encode(image.Rgb, image.Width, image.Height, parameters.ToJson());
        var timings = new GenerationTimings(p.Elapsed, _denoiseTime, _onnxTime, DecodeTime, p.Elapsed + _denoiseTime + DecodeTime);
        return new GenerationResult(png, image, parameters, timings);
    }

    public void Dispose()
    {
        _denoiser.Dispose();
        _runOptions.Dispose();
    }
}
