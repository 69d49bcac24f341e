using DreamOmni2.Components.Instruction;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Instruction;

public sealed class ModeSelectorTests : MudContext
{
    [Theory]
    [InlineData(GenerationMode.Edit, 0, "Edit needs the image to edit")]
    [InlineData(GenerationMode.Edit, 1, "Text-only edit")]
    [InlineData(GenerationMode.Edit, 3, "Edit image 1 using 2 reference images")]
    [InlineData(GenerationMode.Generate, 0, "Text-to-image")]
    [InlineData(GenerationMode.Generate, 2, "from 2 reference images")]
    public void Says_what_the_mode_does_with_the_images_in_the_tray(GenerationMode mode, int images, string expected)
    {
        var selector = Render<ModeSelector>(p => p.Add(m => m.Mode, mode).Add(m => m.ImageCount, images));

        Assert.Contains(expected, selector.Find("[data-testid=mode-hint]").TextContent);
    }
}
