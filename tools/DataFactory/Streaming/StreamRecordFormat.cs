namespace DreamOmni2.DataFactory.Streaming;

/// <summary>
/// The binary record the trainer reads from <c>stream</c> (all integers little-endian):
/// <code>
/// 4 bytes   ASCII "DOS1"
/// int32     sample index (low 32 bits)
/// int32     task: 0 edit, 1 generate, 2 text_edit, 3 text_to_image
/// int32     n = number of input images (0..4)
/// int32     p = byte length of the standard prompt (UTF-8)
/// p bytes   the standard prompt
/// (n+1)·64·64·3 bytes   the n input images then the target, each H×W×RGB row-major uint8
/// </code>
/// </summary>
public static class StreamRecordFormat
{
    public static ReadOnlySpan<byte> Magic => "DOS1"u8;

    /// <summary>Bytes before the prompt: magic, index, task, image count, prompt length.</summary>
    public const int HeaderLength = 20;
}
