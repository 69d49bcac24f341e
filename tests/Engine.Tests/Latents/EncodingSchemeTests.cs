using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Tests.Latents;

public class EncodingSchemeTests
{
    [Fact]
    public void The_four_schemes_are_distinct_and_labelled()
    {
        Assert.Equal(["none", "index", "shift", "index + shift"], EncodingScheme.All.Select(s => s.Label));
        Assert.Equal(4, EncodingScheme.All.Distinct().Count());
    }

    [Fact]
    public void Both_is_index_and_shift()
    {
        Assert.Equal(new EncodingScheme(Index: true, Shift: true), EncodingScheme.Both);
        Assert.Equal("index + shift", EncodingScheme.Both.ToString());
    }
}
