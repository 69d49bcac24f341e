using DreamOmni2.DataFactory.Randomness;

namespace DreamOmni2.DataFactory.Tasks;

/// <summary>
/// The one source of shape-world samples: sample <c>i</c> is a pure function of <c>i</c>. Training indices are
/// [0, 1 000 000 000); [1 000 000 000, 2³¹) is held out for evaluation and reachable only through
/// <see cref="CreateHeldOut"/>.
/// </summary>
/// <remarks>
/// Seeding: the scene generator of index <c>i</c> is <see cref="SplitMix64"/> seeded with
/// <c>SplitMix64.Mix((ulong)i ^ 0x5348415045574F52)</c> ("SHAPEWOR"); the loose phrasings draw from a second one
/// seeded with <c>SplitMix64.Mix((ulong)i ^ 0x5048524153494E47)</c> ("PHRASING"), so rewording templates never
/// changes images. The first draw of the scene generator picks the task of a training index.
/// </remarks>
public static class ShapeWorldFactory
{
    public const long TrainingEnd = 1_000_000_000;
    public const long HeldOutStart = TrainingEnd;
    public const long HeldOutEnd = 1L << 31;

    private const ulong SceneSalt = 0x5348415045574F52;
    private const ulong PhrasingSalt = 0x5048524153494E47;

    /// <summary>Training task mix: edit 35%, generate 45%, text edit 10%, text to image 10%. Generation, which composes
    /// parts of up to three images, is the hardest task and gets the largest share.</summary>
    private static ReadOnlySpan<double> TaskWeights => [0.35, 0.45, 0.10, 0.10];

    /// <summary>The training sample of an index in [0, <see cref="TrainingEnd"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or held out.</exception>
    public static Sample Create(long index)
    {
        if (index is < 0 or >= TrainingEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Training indices are [0, {TrainingEnd}); [{HeldOutStart}, {HeldOutEnd}) is held out for evaluation.");
        }
        var rng = SceneRandom(index);
        return Build(index, (TaskKind)rng.PickWeighted(TaskWeights), rng);
    }

    /// <summary>
    /// Held-out case <paramref name="caseNumber"/> of an evaluation seed for one task. Its index is
    /// <c>HeldOutStart + Mix(Mix(caseSeed &lt;&lt; 32 | caseNumber) + task) mod (HeldOutEnd − HeldOutStart)</c>.
    /// </summary>
    public static Sample CreateHeldOut(int caseSeed, int caseNumber, TaskKind task)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caseNumber);
        var key = ((ulong)(uint)caseSeed << 32) | (uint)caseNumber;
        var hash = SplitMix64.Mix(SplitMix64.Mix(key) + (ulong)task);
        var index = HeldOutStart + (long)(hash % (ulong)(HeldOutEnd - HeldOutStart));
        return Build(index, task, SceneRandom(index));
    }

    private static SplitMix64 SceneRandom(long index) => new(SplitMix64.Mix((ulong)index ^ SceneSalt));

    private static Sample Build(long index, TaskKind task, SplitMix64 rng)
    {
        var phrasingRng = new SplitMix64(SplitMix64.Mix((ulong)index ^ PhrasingSalt));
        return task switch
        {
            TaskKind.Edit => EditTask.Create(index, rng, phrasingRng),
            TaskKind.Generate => GenerateTask.Create(index, rng, phrasingRng),
            TaskKind.TextEdit => TextEditTask.Create(index, rng, phrasingRng),
            TaskKind.TextToImage => TextToImageTask.Create(index, rng, phrasingRng),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }
}
