namespace DreamOmni2.Cli.Evaluation;

/// <summary>The reader's score on one delivery: right readings per attribute out of <see cref="Images"/>.</summary>
/// <param name="Misread">Each image with an attribute read wrong: its scene, the reading and what was wrong.</param>
public sealed record ReaderScore(
    PictureDelivery Delivery, int Images, IReadOnlyDictionary<string, int> Right, IReadOnlyList<string> Misread, double MillisecondsPerImage)
{
    public double Accuracy(string attribute) => Right[attribute] / (double)Images;
}
