using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Tests.Scenes;

public sealed class SceneRendererTests
{
    private static readonly SceneSpec Base = new(
        Shape: 0, Color: 0, Pattern: ShapeWorldValues.Solid, Style: ShapeWorldValues.Filled, Size: 0, Background: 0,
        Lighting: Lighting.Flat, CenterX: 30, CenterY: 34);

    [Fact]
    public void Rendering_is_deterministic()
    {
        var spec = Base with { Pattern = 1, Size = 2, Lighting = Lighting.FromLeft };

        Assert.Equal(SceneRenderer.Render(spec).Rgb, SceneRenderer.Render(spec).Rgb);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_mask_spans_the_size_around_the_center(int size)
    {
        var mask = SceneRenderer.Render(Base with { Shape = 1, Size = size }).Mask;
        var covered = Enumerable.Range(0, SceneRenderer.PixelCount).Where(pixel => mask[pixel] > 127).ToArray();

        var columns = covered.Select(pixel => pixel % ShapeWorldValues.CanvasSize).ToArray();
        Assert.Equal(Palette.SizePixels[size], columns.Max() - columns.Min() + 1);
        Assert.Equal(Base.CenterX, (columns.Max() + columns.Min() + 1) / 2);
    }

    /// <summary>Every two values of an attribute look different where the objects are, even at the small size.</summary>
    [Theory]
    [InlineData(ShapeWorldAttribute.Shape)]
    [InlineData(ShapeWorldAttribute.Color)]
    [InlineData(ShapeWorldAttribute.Pattern)]
    [InlineData(ShapeWorldAttribute.Style)]
    [InlineData(ShapeWorldAttribute.Size)]
    [InlineData(ShapeWorldAttribute.Background)]
    public void Every_two_values_of_an_attribute_are_distinguishable(ShapeWorldAttribute attribute)
    {
        var count = attribute.ValueWords().Count;
        for (var first = 0; first < count; first++)
        {
            for (var second = first + 1; second < count; second++)
            {
                var a = SceneRenderer.Render(Base.WithValue(attribute, first));
                var b = SceneRenderer.Render(Base.WithValue(attribute, second));
                var region = attribute == ShapeWorldAttribute.Background
                    ? null
                    : PixelRegions.Covered(a.Mask.Zip(b.Mask, Math.Max).ToArray(), 1);

                var difference = PixelRegions.MeanAbsoluteError(a.Rgb, b.Rgb, region);

                Assert.True(difference >= 4, $"{attribute} {first} vs {second}: {difference:F1}");
            }
        }
    }

    [Fact]
    public void Outlined_objects_are_always_solid()
    {
        var striped = Base with { Pattern = 1 };

        Assert.Equal(ShapeWorldValues.Solid, striped.WithValue(ShapeWorldAttribute.Style, ShapeWorldValues.Outlined).Pattern);
        var outlined = Base with { Style = ShapeWorldValues.Outlined };
        Assert.Equal(outlined, outlined.WithValue(ShapeWorldAttribute.Pattern, 1));
    }
}
