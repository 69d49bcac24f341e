using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Tests.Tasks;

public sealed class EditPlacementTests
{
    private static readonly Sample[] Edits = Enumerable.Range(0, 40)
        .SelectMany(i => new[] { ShapeWorldFactory.CreateHeldOut(2, i, TaskKind.Edit), ShapeWorldFactory.CreateHeldOut(2, i, TaskKind.TextEdit) })
        .ToArray();

    [Fact]
    public void Centered_edits_draw_the_source_target_and_distractors_at_the_canvas_center_and_keep_the_references()
    {
        const int center = ShapeWorldValues.CanvasCenter;
        foreach (var edit in Edits)
        {
            var moved = EditPlacements.Apply(edit, EditPlacement.Center);

            Assert.Equal(edit.Inputs[0].Spec.At(center, center), moved.Inputs[0].Spec);
            Assert.Equal(edit.Target.Spec.At(center, center), moved.Target.Spec);
            Assert.Equal(edit.Distractors.Select(d => d.At(center, center)), moved.Distractors);
            Assert.Equal(edit.Inputs.Skip(1).Select(i => i.Rgb), moved.Inputs.Skip(1).Select(i => i.Rgb));
            Assert.Equal((edit.Prompt, edit.Task, EditedAttribute.Of(edit)), (moved.Prompt, moved.Task, EditedAttribute.Of(moved)));
        }
    }

    [Fact]
    public void Grid_edits_move_the_object_to_the_nearest_token_corner()
    {
        foreach (var edit in Edits)
        {
            var source = EditPlacements.Apply(edit, EditPlacement.Grid).Inputs[0].Spec;
            var original = edit.Inputs[0].Spec;

            Assert.Equal((0, 0), (source.CenterX % 8, source.CenterY % 8));
            Assert.InRange(Math.Abs(source.CenterX - original.CenterX), 0, 4);
            Assert.InRange(Math.Abs(source.CenterY - original.CenterY), 0, 4);
        }
    }

    [Theory]
    [InlineData(TaskKind.Generate, EditPlacement.Center)]
    [InlineData(TaskKind.TextToImage, EditPlacement.Grid)]
    [InlineData(TaskKind.Edit, EditPlacement.AsDrawn)]
    public void Cases_without_a_source_or_drawn_as_placed_are_left_alone(TaskKind task, EditPlacement placement)
    {
        var sample = ShapeWorldFactory.CreateHeldOut(2, 0, task);

        Assert.Same(sample, EditPlacements.Apply(sample, placement));
    }
}
