using DreamOmni2.Components.Encoding;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Encoding;

public sealed class LayoutBlockTests
{
    private static readonly GridSize Target = new(4, 4);
    private static readonly GridSize[] References = [new(4, 4), new(4, 6), new(4, 4)];

    [Theory]
    [InlineData(false, false, new[] { 1, 1, 1 }, new[] { 0, 0, 0 })]
    [InlineData(true, false, new[] { 1, 2, 3 }, new[] { 0, 0, 0 })]
    [InlineData(false, true, new[] { 1, 1, 1 }, new[] { 0, 4, 10 })]
    [InlineData(true, true, new[] { 1, 2, 3 }, new[] { 0, 4, 10 })]
    public void Places_each_input_where_the_position_ids_put_it(bool index, bool shift, int[] axis0, int[] columns)
    {
        var blocks = LayoutBlock.From(new EncodingScheme(index, shift), Target, References);

        Assert.Equal(new LayoutBlock(0, 0, 0, 0, 4, 4), blocks[0]);
        Assert.Equal(axis0, blocks.Skip(1).Select(b => b.Axis0));
        Assert.Equal(columns, blocks.Skip(1).Select(b => b.Column));
        Assert.Equal([4, 6, 4], blocks.Skip(1).Select(b => b.Columns));
    }
}
