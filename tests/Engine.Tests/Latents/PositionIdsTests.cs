using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Tests.Latents;

/// <summary>The ids of docs/kontext-pipeline.md §4 under the four schemes.</summary>
public class PositionIdsTests
{
    private static readonly GridSize s_target = new(Height: 2, Width: 3);

    /// <summary>Three references of packed widths 2, 3 and 1.</summary>
    private static readonly GridSize[] s_references = [new(2, 2), new(1, 3), new(2, 1)];

    private static readonly (int, int, int)[] s_targetIds = [(0, 0, 0), (0, 0, 1), (0, 0, 2), (0, 1, 0), (0, 1, 1), (0, 1, 2)];

    public static TheoryData<EncodingScheme, (int, int, int)[]> Schemes => new()
    {
        {
            EncodingScheme.None,
            [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1), (1, 0, 0), (1, 0, 1), (1, 0, 2), (1, 0, 0), (1, 1, 0)]
        },
        {
            EncodingScheme.IndexOnly,
            [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1), (2, 0, 0), (2, 0, 1), (2, 0, 2), (3, 0, 0), (3, 1, 0)]
        },
        {
            EncodingScheme.ShiftOnly,
            [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1), (1, 0, 2), (1, 0, 3), (1, 0, 4), (1, 0, 5), (1, 1, 5)]
        },
        {
            EncodingScheme.Both,
            [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1), (2, 0, 2), (2, 0, 3), (2, 0, 4), (3, 0, 5), (3, 1, 5)]
        },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Target_first_then_each_reference_as_the_scheme_says(EncodingScheme scheme, (int, int, int)[] referenceIds)
    {
        var ids = PositionIds.Build(scheme, s_target, s_references);

        Assert.Equal(Flatten([.. s_targetIds, .. referenceIds]), ids);
    }

    [Fact]
    public void Without_references_only_the_target_rows_are_built()
    {
        Assert.Equal(Flatten(s_targetIds), PositionIds.Build(EncodingScheme.Both, s_target, []));
    }

    [Fact]
    public void Text_ids_are_zero_triples()
    {
        var ids = PositionIds.Text(512);

        Assert.Equal(512 * PositionIds.Axes, ids.Length);
        Assert.All(ids, id => Assert.Equal(0f, id));
    }

    private static float[] Flatten((int A, int R, int C)[] triples) =>
        triples.SelectMany(t => new float[] { t.A, t.R, t.C }).ToArray();
}
