using System.Text.RegularExpressions;

namespace DreamOmni2.Translation.Vlm;

/// <summary>
/// Reads the prompt out of the DreamOmni2 VLM's answer (reference §7). The model wraps its prompt in a tag and the
/// official code strips the first 6 and last 7 characters; this takes the text inside &lt;gen&gt;…&lt;/gen&gt; when
/// present, else that slice when the answer looks tag-wrapped, else the answer itself, and trims it. An empty result
/// means the answer held no prompt.
/// </summary>
public static partial class VlmOutputParser
{
    private const string OpenTag = "<gen>";
    private const string CloseTag = "</gen>";

    /// <summary>What the official code cuts from each end of the answer.</summary>
    private const int OfficialHeadLength = 6;
    private const int OfficialTailLength = 7;

    [GeneratedRegex(@"<gen>(?<prompt>.*?)</gen>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"^\s*<[A-Za-z][\w-]*>.*</[A-Za-z][\w-]*>\s*$", RegexOptions.Singleline)]
    private static partial Regex TagWrapped();

    public static string Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return "";
        }
        var wrapped = Wrapped().Match(answer);
        if (wrapped.Success)
        {
            return wrapped.Groups["prompt"].Value.Trim();
        }
        if (TagWrapped().IsMatch(answer) && answer.Length > OfficialHeadLength + OfficialTailLength)
        {
            return answer[OfficialHeadLength..^OfficialTailLength].Trim();
        }
        var close = answer.IndexOf(CloseTag, StringComparison.OrdinalIgnoreCase);
        if (close >= 0)
        {
            return answer[..close].Trim();
        }
        var open = answer.IndexOf(OpenTag, StringComparison.OrdinalIgnoreCase);
        return open >= 0 ? answer[(open + OpenTag.Length)..].Trim() : answer.Trim();
    }
}
