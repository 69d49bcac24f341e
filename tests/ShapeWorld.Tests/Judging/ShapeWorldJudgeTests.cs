using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.ShapeWorld.Tests.Judging;

public sealed class ShapeWorldJudgeTests
{
    private const int CaseSeed = 5;

    /// <summary>The failure kinds that say the output is nearer a wrong answer than the target.</summary>
    private const string AttributionFailure = "^a (distractor|wrong (shape|color|pattern|style|size|background|lighting))$";

    public static TheoryData<TaskKind> Tasks => new(Enum.GetValues<TaskKind>());

    private static Sample[] Cases(TaskKind task, int count) =>
        Enumerable.Range(0, count).Select(i => ShapeWorldFactory.CreateHeldOut(CaseSeed, i, task)).ToArray();

    private static JudgeResult Judge(Sample sample, byte[] output) => ShapeWorldJudge.Judge(sample, output);

    [Theory]
    [MemberData(nameof(Tasks))]
    public void The_ground_truth_target_passes(TaskKind task)
    {
        var results = Cases(task, 25).Select(sample => Judge(sample, sample.Target.Rgb)).ToArray();

        Assert.All(results, result => Assert.True(result.Passed, result.Reason));
        Assert.All(results, result => Assert.Equal(JudgeResult.Ok, result.Failure));
        Assert.All(results, result => Assert.True(result.TookTheRightImages));
        Assert.All(results, result => Assert.Equal((0, 0, 0), (result.ObjectError, result.BackgroundError, result.PlacementError)));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Noise_a_one_pixel_shift_and_softness_are_forgiven(TaskKind task)
    {
        var samples = Cases(task, 8);
        for (var i = 0; i < samples.Length; i++)
        {
            var target = samples[i].Target.Rgb;
            var (dx, dy) = ((i % 3) - 1, i % 2 == 0 ? 1 : -1);
            byte[][] imperfect =
            [
                Degrade.Noise(target, 8, (ulong)i),
                Degrade.Shift(target, dx, dy),
                Degrade.Soften(target),
                Degrade.Noise(Degrade.Shift(Degrade.Soften(target), dy, dx), 8, (ulong)i),
            ];
            Assert.All(imperfect, output => Assert.True(Judge(samples[i], output).Passed, Judge(samples[i], output).Reason));
        }
    }

    [Theory]
    [InlineData(TaskKind.Edit)]
    [InlineData(TaskKind.TextEdit)]
    public void An_unchanged_source_fails_an_edit(TaskKind task)
    {
        foreach (var sample in Cases(task, 12))
        {
            var result = Judge(sample, sample.Inputs[0].Rgb);

            Assert.False(result.Passed);
            Assert.StartsWith("nearer", result.Reason);
            Assert.Matches(AttributionFailure, result.Failure);
        }
    }

    [Theory]
    [InlineData(TaskKind.Edit)]
    [InlineData(TaskKind.Generate)]
    public void A_target_built_from_the_wrong_image_fails(TaskKind task)
    {
        var distractors = Cases(task, 12).SelectMany(sample => sample.Distractors.Select(spec => (sample, spec))).ToArray();

        Assert.NotEmpty(distractors);
        Assert.All(distractors, pair =>
        {
            var result = Judge(pair.sample, SceneRenderer.Render(pair.spec).Rgb);
            Assert.False(result.Passed, pair.spec.ToString());
            Assert.False(result.TookTheRightImages, pair.spec.ToString());
            Assert.Matches(AttributionFailure, result.Failure);
        });
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void The_right_object_in_the_wrong_place_fails(TaskKind task)
    {
        foreach (var sample in Cases(task, 8))
        {
            var spec = sample.Target.Spec;
            var awayFromEdges = (dx: spec.CenterX < ShapeWorldValues.CanvasCenter ? 1 : -1, dy: spec.CenterY < ShapeWorldValues.CanvasCenter ? 1 : -1);
            foreach (var (dx, dy) in new[] { (4, 0), (0, 4), (3, 3) })
            {
                var moved = SceneRenderer.Render(spec.At(spec.CenterX + dx * awayFromEdges.dx, spec.CenterY + dy * awayFromEdges.dy));

                Assert.False(Judge(sample, moved.Rgb).Passed, $"{spec} moved by ({dx}, {dy})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void The_right_attributes_on_the_wrong_shape_fail_though_taken_from_the_right_images(TaskKind task)
    {
        foreach (var sample in Cases(task, 4))
        {
            var spec = sample.Target.Spec;
            foreach (var shape in Enumerable.Range(0, ShapeWorldAttribute.Shape.ValueWords().Count).Where(shape => shape != spec.Shape))
            {
                var result = Judge(sample, SceneRenderer.Render(spec with { Shape = shape }).Rgb);

                Assert.False(result.Passed, $"{spec} as a {ShapeWorldAttribute.Shape.ValueWords()[shape]}");
                Assert.StartsWith("nearer", result.Reason);
                Assert.Matches(AttributionFailure, result.Failure);
            }
        }
    }

    [Fact]
    public void An_output_of_the_wrong_size_is_refused()
    {
        var sample = Cases(TaskKind.Edit, 1)[0];

        Assert.Throws<ArgumentException>(() => ShapeWorldJudge.Judge(sample, new byte[100]));
    }
}
