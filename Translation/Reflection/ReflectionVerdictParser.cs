using System.Text.RegularExpressions;
using DreamOmni2.Contracts;

namespace DreamOmni2.Translation.Reflection;

/// <summary>Reads the VLM's "yes" or "no: what must change" about a result.</summary>
public static partial class ReflectionVerdictParser
{
    [GeneratedRegex(@"^[\s""'*`]*(?<word>yes|no)\b[\s:,.;!\-–—]*(?<critique>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Verdict();

    public static (ReflectionVerdict Verdict, string Critique) Parse(string answer)
    {
        var match = Verdict().Match(answer);
        if (!match.Success)
        {
            return (ReflectionVerdict.Unknown, answer.Trim());
        }
        var critique = match.Groups["critique"].Value.Trim().Trim('"', '\'', '*', '`').Trim();
        var verdict = match.Groups["word"].Value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            ? ReflectionVerdict.Follows
            : ReflectionVerdict.DoesNotFollow;
        return (verdict, critique);
    }
}
