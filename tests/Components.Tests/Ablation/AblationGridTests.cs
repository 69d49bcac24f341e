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
            new AblationCell(EncodingScheme.ShiftOnly, JobState.Completed, "Done", 4, 4, "/jobs/c/result.png"),
            new AblationCell(EncodingScheme.None, JobState.Running, "Denoising", 2, 4, null),
        ]));

        var result = Assert.Single(grid.FindAll("[data-testid=ablation-result]"));
        Assert.Equal("/jobs/c/result.png", result.GetAttribute("src"));
        Assert.Equal("shift", result.Closest("[data-testid=ablation-cell]")!.GetAttribute("data-scheme"));
        Assert.Equal(3, grid.FindAll("[data-testid=live-preview]").Count);
    }

    [Fact]
    public void A_finished_cell_offers_its_result_as_the_next_input()
    {
        EncodingScheme? taken = null;
        var grid = Render<AblationGrid>(p => p
            .Add(g => g.Cells,
            [
                new AblationCell(EncodingScheme.Both, JobState.Completed, "Done", 4, 4, "/jobs/b/result.png"),
                new AblationCell(EncodingScheme.None, JobState.Running, "Denoising", 2, 4, null),
            ])
            .Add(g => g.OnUseAsInput, scheme => taken = scheme));

        var button = Assert.Single(grid.FindAll("[data-testid=ablation-use-as-input]"));
        Assert.Equal("index + shift", button.Closest("[data-testid=ablation-cell]")!.GetAttribute("data-scheme"));
        Assert.Equal("Use the index on · shift on result as input", button.GetAttribute("aria-label"));
        button.Click();

        Assert.Equal(EncodingScheme.Both, taken);
    }

    [Fact]
    public void Without_a_use_as_input_handler_no_cell_offers_one()
    {
        var grid = Render<AblationGrid>(p => p.Add(g => g.Cells,
            [new AblationCell(EncodingScheme.Both, JobState.Completed, "Done", 4, 4, "/jobs/b/result.png")]));

        Assert.Empty(grid.FindAll("[data-testid=ablation-use-as-input]"));
    }

    [Fact]
    public void One_click_cancels_a_running_grid_and_one_removes_a_queued_one()
    {
        int cancels = 0, removes = 0;
        var running = Render<AblationGrid>(p => p
            .Add(g => g.Cells, Cells(JobState.Running, JobState.Queued, JobState.Queued, JobState.Queued))
            .Add(g => g.OnCancel, () => cancels++).Add(g => g.OnRemove, () => removes++));
        var queued = Render<AblationGrid>(p => p
            .Add(g => g.Cells, Cells(JobState.Queued, JobState.Queued, JobState.Queued, JobState.Queued))
            .Add(g => g.OnCancel, () => cancels++).Add(g => g.OnRemove, () => removes++));
        var ended = Render<AblationGrid>(p => p.Add(g => g.Cells, Cells(JobState.Completed, JobState.Cancelled, JobState.Removed, JobState.Removed)));

        running.Find("button[data-testid=cancel-grid]").Click();
        queued.Find("button[data-testid=remove-grid]").Click();

        Assert.Equal((1, 1), (cancels, removes));
        Assert.Empty(running.FindAll("[data-testid=remove-grid]"));
        Assert.Empty(ended.FindAll("[data-testid=cancel-grid], [data-testid=remove-grid]"));
    }

    private static List<AblationCell> Cells(params JobState[] states) =>
        [.. EncodingScheme.All.Zip(states, (scheme, state) => new AblationCell(scheme, state, state.ToString(), 0, 4, null))];
}
