using DreamOmni2.Components.Encoding;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;
using Microsoft.AspNetCore.Components;

namespace DreamOmni2.Components.Tests.Encoding;

public sealed class EncodingSwitchesTests : MudContext
{
    private IRenderedComponent<EncodingSwitches> RenderSwitches(EncodingScheme scheme) => Render<EncodingSwitches>(p => p
        .Add(s => s.Scheme, scheme)
        .Add(s => s.SchemeChanged, EventCallback.Factory.Create<EncodingScheme>(this, v => scheme = v))
        .Add(s => s.Target, new GridSize(4, 4))
        .Add(s => s.References, [new GridSize(4, 4), new GridSize(4, 4)]));

    private static string Attribute(IRenderedComponent<EncodingSwitches> switches, int image, string name) =>
        switches.Find($".layout-block[data-image='{image}']").GetAttribute(name)!;

    [Fact]
    public void Turning_index_encoding_on_gives_image_2_its_own_plane()
    {
        var switches = RenderSwitches(EncodingScheme.None);
        Assert.Equal("1", Attribute(switches, 2, "data-axis0"));

        switches.Find("input[data-testid=index-switch]").Change(true);
        switches.Render(p => p.Add(s => s.Scheme, EncodingScheme.IndexOnly));

        Assert.Equal("2", Attribute(switches, 2, "data-axis0"));
        Assert.Equal("index", switches.Find("[data-testid=scheme-label]").TextContent);
    }

    [Fact]
    public void Turning_position_shift_on_moves_image_2_past_image_1()
    {
        var switches = RenderSwitches(EncodingScheme.IndexOnly);
        Assert.Equal("0", Attribute(switches, 2, "data-column"));

        switches.Render(p => p.Add(s => s.Scheme, EncodingScheme.Both));

        Assert.Equal("4", Attribute(switches, 2, "data-column"));
        Assert.Equal(3, switches.FindAll(".layout-block").Count);
    }

    [Fact]
    public void Flipping_a_switch_reports_the_new_scheme()
    {
        EncodingScheme? reported = null;
        var switches = Render<EncodingSwitches>(p => p
            .Add(s => s.Scheme, EncodingScheme.Both)
            .Add(s => s.SchemeChanged, v => reported = v)
            .Add(s => s.Target, new GridSize(4, 4)));

        switches.Find("input[data-testid=shift-switch]").Change(false);

        Assert.Equal(EncodingScheme.IndexOnly, reported);
    }
}
