using DreamOmni2.Contracts;
using DreamOmni2.Translation.Reflection;

namespace DreamOmni2.Translation.Tests.Reflection;

public sealed class ReflectionVerdictParserTests
{
    [Theory]
    [InlineData("yes", ReflectionVerdict.Follows, "")]
    [InlineData("Yes.", ReflectionVerdict.Follows, "")]
    [InlineData("YES, the square is striped", ReflectionVerdict.Follows, "the square is striped")]
    [InlineData("no: the square should be striped", ReflectionVerdict.DoesNotFollow, "the square should be striped")]
    [InlineData("  No - the star is too small.\n", ReflectionVerdict.DoesNotFollow, "the star is too small.")]
    [InlineData("\"no: make the background sand\"", ReflectionVerdict.DoesNotFollow, "make the background sand")]
    [InlineData("no", ReflectionVerdict.DoesNotFollow, "")]
    [InlineData("nothing is wrong", ReflectionVerdict.Unknown, "nothing is wrong")]
    [InlineData("yesterday's image", ReflectionVerdict.Unknown, "yesterday's image")]
    [InlineData("", ReflectionVerdict.Unknown, "")]
    public void Reads_yes_or_no_and_what_follows(string answer, ReflectionVerdict verdict, string critique) =>
        Assert.Equal((verdict, critique), ReflectionVerdictParser.Parse(answer));
}
