using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Tests.Tasks;

/// <summary>The rules each task promises, checked on a few thousand samples against the roles its prompt names.</summary>
public sealed class TaskRulesTests
{
    private static IEnumerable<Sample> OfTask(TaskKind task) => TrainingSamples.First.Where(sample => sample.Task == task);

    [Fact]
    public void An_edit_takes_one_attribute_from_one_reference_whose_value_no_other_image_holds()
    {
        foreach (var sample in OfTask(TaskKind.Edit))
        {
            var (attribute, lender) = StandardPrompt.ParseEdit(sample.Prompt);
            var images = sample.Inputs.Select(input => input.Spec).ToArray();
            var source = images[0];
            var taken = images[lender - 1].ValueOf(attribute);

            Assert.InRange(images.Length, 2, 4);
            Assert.InRange(lender, 2, images.Length);
            Assert.Equal(source.WithAttributeOf(attribute, images[lender - 1]), sample.Target.Spec);
            Assert.NotEqual(source.ValueOf(attribute), taken);
            for (var image = 2; image <= images.Length; image++)
            {
                Assert.True(image == lender || images[image - 1].ValueOf(attribute) != taken, $"{sample.Index}: image {image}");
            }
            if (attribute == ShapeWorldAttribute.Pattern)
            {
                Assert.False(source.IsOutlined || images[lender - 1].IsOutlined, $"{sample.Index}: pattern between filled objects only");
            }
            Assert.Contains(source, sample.Distractors);
        }
    }

    [Fact]
    public void A_generation_draws_the_named_object_in_its_place_with_distinct_borrowed_values_and_uses_every_image()
    {
        foreach (var sample in OfTask(TaskKind.Generate))
        {
            var (objectImage, borrowed, backgroundImage, backgroundWord) = StandardPrompt.ParseGenerate(sample.Prompt);
            var images = sample.Inputs.Select(input => input.Spec).ToArray();
            var theObject = images[objectImage - 1];
            var target = sample.Target.Spec;
            var others = Enumerable.Range(1, images.Length).Where(image => image != objectImage).ToArray();

            Assert.InRange(images.Length, 1, 3);
            Assert.Equal(
                Enumerable.Range(1, images.Length),
                borrowed.Select(b => b.Image).Append(objectImage).Concat(backgroundImage is { } d ? [d] : []).Distinct().Order());
            Assert.Equal(
                (theObject.Shape, theObject.Size, theObject.CenterX, theObject.CenterY),
                (target.Shape, target.Size, target.CenterX, target.CenterY));
            Assert.All(others, image => Assert.NotEqual(theObject.Shape, images[image - 1].Shape));

            foreach (var (attribute, lender) in borrowed)
            {
                var value = images[lender - 1].ValueOf(attribute);
                Assert.NotEqual(objectImage, lender);
                Assert.Equal(value, target.ValueOf(attribute));
                Assert.All(Enumerable.Range(1, images.Length).Where(image => image != lender),
                    image => Assert.NotEqual(value, images[image - 1].ValueOf(attribute)));
            }
            if (backgroundImage is { } backdrop)
            {
                Assert.Equal((images[backdrop - 1].Background, images[backdrop - 1].Lighting), (target.Background, target.Lighting));
                Assert.All(Enumerable.Range(1, images.Length).Where(image => image != backdrop),
                    image => Assert.NotEqual(target.Background, images[image - 1].Background));
            }
            else
            {
                Assert.Equal(backgroundWord, target.WordOf(ShapeWorldAttribute.Background));
                Assert.Equal(Lighting.Flat, target.Lighting);
                Assert.All(images, image => Assert.NotEqual(target.Background, image.Background));
            }
            Assert.DoesNotContain(target, sample.Distractors);
        }
    }

    [Fact]
    public void A_text_edit_sets_the_named_attribute_to_a_new_value_and_changes_nothing_else()
    {
        foreach (var sample in OfTask(TaskKind.TextEdit))
        {
            var source = sample.Inputs.Single().Spec;
            var valueWord = sample.Prompt.Split(' ')[^1];
            var attribute = Enum.GetValues<ShapeWorldAttribute>().Single(kind => kind.ValueWords().Contains(valueWord));
            var value = attribute.ValueWords().ToList().IndexOf(valueWord);

            Assert.NotEqual(value, source.ValueOf(attribute));
            Assert.Equal(source.WithValue(attribute, value), sample.Target.Spec);
        }
    }

    [Fact]
    public void Text_to_image_has_no_inputs_and_a_centered_object_on_a_flat_background()
    {
        foreach (var sample in OfTask(TaskKind.TextToImage))
        {
            Assert.Empty(sample.Inputs);
            Assert.Equal(
                (ShapeWorldValues.CanvasCenter, ShapeWorldValues.CanvasCenter, Lighting.Flat),
                (sample.Target.Spec.CenterX, sample.Target.Spec.CenterY, sample.Target.Spec.Lighting));
        }
    }

    [Fact]
    public void Every_object_fits_inside_the_canvas_with_a_margin()
    {
        foreach (var scene in TrainingSamples.First.SelectMany(sample => sample.Inputs.Append(sample.Target)))
        {
            var half = Palette.SizePixels[scene.Spec.Size] / 2;
            Assert.InRange(scene.Spec.CenterX, half + SceneSampler.EdgeMargin, ShapeWorldValues.CanvasSize - half - SceneSampler.EdgeMargin);
            Assert.InRange(scene.Spec.CenterY, half + SceneSampler.EdgeMargin, ShapeWorldValues.CanvasSize - half - SceneSampler.EdgeMargin);
        }
    }

    [Fact]
    public void The_training_mix_matches_the_task_weights()
    {
        var share = Enum.GetValues<TaskKind>().ToDictionary(task => task, task => OfTask(task).Count() / (double)TrainingSamples.Count);

        Assert.InRange(share[TaskKind.Edit], 0.32, 0.38);
        Assert.InRange(share[TaskKind.Generate], 0.42, 0.48);
        Assert.InRange(share[TaskKind.TextEdit], 0.08, 0.12);
        Assert.InRange(share[TaskKind.TextToImage], 0.08, 0.12);
    }

    [Fact]
    public void Multimodal_tasks_oversample_hard_cases()
    {
        var edits = OfTask(TaskKind.Edit).Select(sample => StandardPrompt.ParseEdit(sample.Prompt)).ToArray();
        double Share(Func<(ShapeWorldAttribute Attribute, int Image), bool> hard) => edits.Count(hard) / (double)edits.Length;

        // Uniform odds would give 2/5 for color or pattern; 1.5× weighting gives 3/6.
        Assert.InRange(Share(edit => edit.Attribute is ShapeWorldAttribute.Color or ShapeWorldAttribute.Pattern), 0.45, 0.55);
        Assert.InRange(OfTask(TaskKind.Edit).Count(sample => sample.Inputs.Count == 4) / (double)edits.Length, 0.36, 0.48);
    }
}
