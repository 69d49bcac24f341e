using DreamOmni2.Cli.Evaluation;

namespace DreamOmni2.Cli.Tests.Evaluation;

public sealed class ReaderEvaluationTests
{
    /// <summary>Every attribute of held-out pictures is read right 99 times in 100, however the picture arrives.</summary>
    [Fact]
    public void The_reader_reads_every_attribute_of_held_out_pictures_at_least_99_percent_right()
    {
        var scores = ReaderEvaluation.Run(casesPerTask: 40, caseSeed: 3, Enum.GetValues<PictureDelivery>());

        Assert.Equal(Enum.GetValues<PictureDelivery>().Length, scores.Count);
        Assert.All(scores, score =>
        {
            Assert.InRange(score.Images, 300, 500);
            Assert.All(ReaderEvaluation.Attributes, attribute => Assert.True(score.Accuracy(attribute) >= 0.99,
                $"{score.Delivery.Name()}: {attribute} {score.Accuracy(attribute):0.000}\n{string.Join("\n", score.Misread)}"));
            Assert.True(score.MillisecondsPerImage < 50, $"{score.Delivery.Name()}: {score.MillisecondsPerImage:0.0} ms an image");
        });
    }
}
