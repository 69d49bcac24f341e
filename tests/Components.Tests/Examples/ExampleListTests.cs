using DreamOmni2.Components.Examples;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Examples;

public sealed class ExampleListTests : MudContext
{
    private static readonly ExampleCard[] s_examples =
    [
        new(1, "Colour from a reference", GenerationMode.Edit, "make the star in image 1 have the color of image 2", ["/examples/1/images/1.png", "/examples/1/images/2.png"], false),
        new(2, "Picture from words alone", GenerationMode.Generate, "a large red striped filled star on a mint background", [], false),
        new(3, "Ablation: which reference is image 4?", GenerationMode.Edit, "make the circle in image 1 have the color of image 4", ["/examples/3/images/1.png"], true),
    ];

    [Fact]
    public void Shows_each_example_with_its_images_instruction_and_what_it_runs()
    {
        var list = Render<ExampleList>(p => p.Add(l => l.Examples, s_examples));

        var cards = list.FindAll("[data-testid=example]");
        Assert.Equal(3, cards.Count);
        Assert.Equal(["/examples/1/images/1.png", "/examples/1/images/2.png"], cards[0].QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.Contains("make the star in image 1 have the color of image 2", cards[0].TextContent);
        Assert.Contains("edit", cards[0].TextContent);
        Assert.Contains("text only", cards[1].TextContent);
        Assert.Contains("ablation grid", cards[2].TextContent);
    }

    [Fact]
    public void Clicking_an_example_picks_it()
    {
        ExampleCard? picked = null;
        var list = Render<ExampleList>(p => p.Add(l => l.Examples, s_examples).Add(l => l.OnPick, e => picked = e));

        list.FindAll("[data-testid=example]")[2].Click();

        Assert.Same(s_examples[2], picked);
    }

    [Fact]
    public void While_one_loads_none_can_be_clicked_and_a_refusal_is_shown()
    {
        var list = Render<ExampleList>(p => p.Add(l => l.Examples, s_examples).Add(l => l.Loading, 1).Add(l => l.Error, "you have uploaded 60 images in the last minute"));

        Assert.All(list.FindAll("[data-testid=example]"), card => Assert.True(card.HasAttribute("disabled")));
        Assert.Contains("60 images", list.Find("[data-testid=example-error]").TextContent);
    }

    [Fact]
    public void A_pack_without_examples_shows_nothing()
    {
        var list = Render<ExampleList>(p => p.Add(l => l.Examples, []));

        Assert.Empty(list.Markup.Trim());
    }
}
