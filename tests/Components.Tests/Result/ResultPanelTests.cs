using DreamOmni2.Components.Result;
using DreamOmni2.Components.Tests.Support;

namespace DreamOmni2.Components.Tests.Result;

public sealed class ResultPanelTests : MudContext
{
    [Fact]
    public void An_edit_compares_against_image_1_and_offers_the_png_and_the_settings()
    {
        int reused = 0;
        var panel = Render<ResultPanel>(p => p
            .Add(r => r.ResultUrl, "/jobs/1/result.png")
            .Add(r => r.DownloadUrl, "/jobs/1/result.png")
            .Add(r => r.BeforeUrl, "/files/source")
            .Add(r => r.OnReuse, () => reused++));

        Assert.NotNull(panel.Find("[data-testid=compare]"));
        var download = panel.Find("[data-testid=download]");
        Assert.Equal("/jobs/1/result.png", download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));
        panel.Find("button[data-testid=reuse]").Click();
        Assert.Equal(1, reused);
    }

    [Fact]
    public void A_generation_shows_the_result_alone()
    {
        var panel = Render<ResultPanel>(p => p.Add(r => r.ResultUrl, "/jobs/2/result.png").Add(r => r.DownloadUrl, "/jobs/2/result.png"));

        Assert.Empty(panel.FindAll("[data-testid=compare]"));
        Assert.Equal("/jobs/2/result.png", panel.Find("[data-testid=result-image]").GetAttribute("src"));
    }

    [Fact]
    public void Use_as_input_is_offered_only_where_the_page_can_take_it()
    {
        int used = 0;
        var offered = Render<ResultPanel>(p => p
            .Add(r => r.ResultUrl, "/jobs/3/result.png").Add(r => r.DownloadUrl, "/jobs/3/result.png")
            .Add(r => r.OnUseAsInput, () => used++));
        var shared = Render<ResultPanel>(p => p.Add(r => r.ResultUrl, "/jobs/3/result.png").Add(r => r.DownloadUrl, "/jobs/3/result.png"));

        offered.Find("button[data-testid=use-as-input]").Click();

        Assert.Equal(1, used);
        Assert.Empty(shared.FindAll("[data-testid=use-as-input]"));
    }
}
