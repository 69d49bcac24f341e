using DreamOmni2.Contracts;
using Microsoft.Extensions.AI;

namespace DreamOmni2.Translation.Vlm;

/// <summary>
/// Translates with the DreamOmni2 VLM (or a stock Qwen2.5-VL) behind an OpenAI-compatible endpoint, exactly as the
/// official scripts ask it (reference §7): the images, then the instruction followed by " It is editing task." or
/// " It is generation task.". When the VLM cannot be asked or says nothing usable, the instruction is used as
/// written and the warning says what happened. It owns its chat client and disposes it.
/// </summary>
public sealed class VlmInstructionTranslator(
    IChatClient chat, VlmTranslatorOptions options, IVlmImagePreparer? imagePreparer = null) : IInstructionTranslator, IDisposable
{
    private readonly VlmClient _vlm = new(chat, options, imagePreparer ?? ImagesAsGiven.Instance);

    /// <summary>"vlm:" followed by the model name.</summary>
    public string Name { get; } = "vlm:" + options.Model;

    public async Task<InstructionTranslation> TranslateAsync(TranslationRequest request, CancellationToken ct)
    {
        var answer = await _vlm.AskAsync(request.Images, TaskText(request.Instruction, request.Mode), ct);
        if (answer.Failure is not null)
        {
            return InstructionTranslation.FallBack(
                request, "", Name, answer.Elapsed, $"{answer.Failure}: the instruction is used as written");
        }
        var prompt = VlmOutputParser.Parse(answer.Text);
        return prompt.Length == 0
            ? InstructionTranslation.FallBack(
                request, answer.Text, Name, answer.Elapsed, "the VLM's answer held no prompt: the instruction is used as written")
            : new InstructionTranslation(prompt, answer.Text, Name, answer.Elapsed, [], FellBack: false);
    }

    public void Dispose() => chat.Dispose();

    /// <summary>The text DreamOmni2's VLM was trained on: the instruction, then the task (with a leading space).</summary>
    public static string TaskText(string instruction, GenerationMode mode) =>
        instruction + (mode == GenerationMode.Edit ? " It is editing task." : " It is generation task.");
}
