using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tests.Tasks;

public sealed class EditedAttributeTests
{
    [Fact]
    public void An_edit_changes_the_attribute_its_prompt_asks_for()
    {
        var edits = Enumerable.Range(0, 120).Select(i => ShapeWorldFactory.CreateHeldOut(3, i, TaskKind.Edit)).ToList();

        foreach (var edit in edits)
        {
            var changed = EditedAttribute.Of(edit);
            Assert.NotNull(changed);
            Assert.Contains($"have the {changed.Value.Word()} of image", edit.Prompt);
        }
        Assert.Equal(5, edits.Select(EditedAttribute.Of).Distinct().Count());
    }

    [Fact]
    public void A_text_edit_changes_the_attribute_whose_value_ends_its_prompt()
    {
        var edits = Enumerable.Range(0, 120).Select(i => ShapeWorldFactory.CreateHeldOut(3, i, TaskKind.TextEdit)).ToList();

        foreach (var edit in edits)
        {
            var changed = EditedAttribute.Of(edit)!.Value;
            Assert.EndsWith(" " + edit.Target.Spec.WordOf(changed), edit.Prompt);
        }
        Assert.Equal(6, edits.Select(EditedAttribute.Of).Distinct().Count());
    }

    [Theory]
    [InlineData(TaskKind.Generate)]
    [InlineData(TaskKind.TextToImage)]
    public void A_task_without_a_source_has_no_edited_attribute(TaskKind task) =>
        Assert.Null(EditedAttribute.Of(ShapeWorldFactory.CreateHeldOut(3, 0, task)));
}
