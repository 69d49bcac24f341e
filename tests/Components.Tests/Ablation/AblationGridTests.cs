using DreamOmni2.Components.Ablation;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Ablation;

public sealed class AblationGridTests : MudContext
{
    [Fact]
    public void Labels_the_four_schemes_by_what_is_on_and_off()
    {
        var grid = Render<AblationGrid>(p => p.Add(g => g.Cells, []));

        Assert.Equal(
            ["index off · shift off", "index on · shift off", "index off · shift on", "index on · shift on"],
            grid.FindAll("[data-testid=ablation-label]").Select(l => l.TextContent));
    }

    [Fact]
    public void Shows_each_finished_schemes_result_in_its_own_cell()
    {
        var grid = Render<AblationGrid>(p => p.Add(g => g.Cells,
        [
            new AblationCell(EncodingScheme.ShiftOnly, "Done", 4, 4, "/jobs/c/result.png"),
            new AblationCell(EncodingScheme.None, "Denoising", 2, 4, null),
        ]));

        var result = Assert.Single(grid.FindAll("[data-testid=ablation-result]"));
        Assert.Equal("/jobs/c/result.png", result.GetAttribute("src"));
        Assert.Equal("shift", result.Closest("[data-testid=ablation-cell]")!.GetAttribute("data-scheme"));
        Assert.Equal(3, grid.FindAll("[data-testid=live-preview]").Count);
    }
}
