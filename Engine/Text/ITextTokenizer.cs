namespace DreamOmni2.Engine.Text;

/// <summary>Turns a prompt into the fixed-length id sequence a text encoder takes.</summary>
public interface ITextTokenizer
{
    /// <summary>Exactly <paramref name="maxLength"/> ids, truncated and padded by the tokenizer's own convention.</summary>
    int[] Encode(string text, int maxLength);
}
