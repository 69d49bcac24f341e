using DreamOmni2.Components.Knowledge;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Knowledge;

public sealed class ModelKnowledgePanelTests : MudContext
{
    private static readonly PackKnowledge s_knowledge = new(
    [
        new KnowledgeGroup("shapes", [new("circle"), new("star")]),
        new KnowledgeGroup("colours", [new("red", "#dc2323"), new("blue", "#2346d7")]),
    ]);

    [Fact]
    public void Lists_every_group_and_word_with_colour_swatches_once_opened()
    {
        var panel = Render<ModelKnowledgePanel>(p => p.Add(k => k.Knowledge, s_knowledge));
        Assert.Contains("What this model knows", panel.Markup);

        panel.Find(".mud-expand-panel-header").Click();

        var groups = panel.FindAll("[data-testid=knowledge-group]");
        Assert.Equal(["shapes", "colours"], groups.Select(g => g.GetAttribute("data-group")));
        Assert.Contains("circle", groups[0].TextContent);
        Assert.Contains("star", groups[0].TextContent);
        Assert.Empty(groups[0].QuerySelectorAll("[data-testid=swatch]"));
        Assert.Equal(["background-color: #dc2323", "background-color: #2346d7"],
            groups[1].QuerySelectorAll("[data-testid=swatch]").Select(s => s.GetAttribute("style")));
    }

    [Fact]
    public void A_pack_of_real_weights_shows_no_panel()
    {
        var panel = Render<ModelKnowledgePanel>(p => p.Add(k => k.Knowledge, null));

        Assert.Empty(panel.Markup.Trim());
    }
}
