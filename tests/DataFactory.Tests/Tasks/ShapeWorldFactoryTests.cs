using DreamOmni2.DataFactory.Streaming;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.DataFactory.Tests.Tasks;

public sealed class ShapeWorldFactoryTests
{
    [Fact]
    public void The_same_index_gives_the_same_sample_byte_for_byte()
    {
        foreach (var index in new long[] { 0, 1, 2, 77, 123_456, 999_999_999 })
        {
            var first = ShapeWorldFactory.Create(index);
            var second = ShapeWorldFactory.Create(index);

            Assert.Equal(RecordBytes(first), RecordBytes(second));
            Assert.Equal(first.LoosePhrasings, second.LoosePhrasings);
            Assert.Equal(first.Inputs.Select(input => input.Mask), second.Inputs.Select(input => input.Mask));
            Assert.Equal(first.Distractors, second.Distractors);
        }
    }

    [Fact]
    public void Different_indices_give_different_samples()
    {
        var records = TrainingSamples.First.Take(200).Select(sample => Convert.ToBase64String(RecordBytes(sample)));

        Assert.Equal(200, records.Distinct().Count());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ShapeWorldFactory.HeldOutStart)]
    [InlineData(ShapeWorldFactory.HeldOutEnd - 1)]
    [InlineData(long.MaxValue)]
    public void The_training_stream_refuses_held_out_and_negative_indices(long index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShapeWorldFactory.Create(index));

    [Theory]
    [InlineData(TaskKind.Edit)]
    [InlineData(TaskKind.Generate)]
    [InlineData(TaskKind.TextEdit)]
    [InlineData(TaskKind.TextToImage)]
    public void Held_out_cases_come_from_the_held_out_range_with_the_chosen_task(TaskKind task)
    {
        var cases = Enumerable.Range(0, 50).Select(i => ShapeWorldFactory.CreateHeldOut(11, i, task)).ToArray();

        Assert.All(cases, sample => Assert.InRange(sample.Index, ShapeWorldFactory.HeldOutStart, ShapeWorldFactory.HeldOutEnd - 1));
        Assert.All(cases, sample => Assert.Equal(task, sample.Task));
        Assert.Equal(50, cases.Select(sample => sample.Index).Distinct().Count());
        Assert.Equal(RecordBytes(cases[3]), RecordBytes(ShapeWorldFactory.CreateHeldOut(11, 3, task)));
        Assert.NotEqual(cases[3].Index, ShapeWorldFactory.CreateHeldOut(12, 3, task).Index);
    }

    [Fact]
    public void Every_standard_prompt_is_made_of_vocabulary_words_separated_by_single_spaces()
    {
        var vocabulary = ShapeWorldVocabulary.AllWords.ToHashSet(StringComparer.Ordinal);
        var samples = TrainingSamples.First
            .Concat(Enum.GetValues<TaskKind>().SelectMany(task => Enumerable.Range(0, 50).Select(i => ShapeWorldFactory.CreateHeldOut(1, i, task))));

        foreach (var sample in samples)
        {
            Assert.All(sample.Prompt.Split(' '), word => Assert.True(vocabulary.Contains(word), $"'{word}' in '{sample.Prompt}'"));
        }
    }

    [Fact]
    public void Every_sample_has_three_to_five_distinct_tidy_loose_phrasings()
    {
        foreach (var sample in TrainingSamples.First)
        {
            Assert.InRange(sample.LoosePhrasings.Count, 3, 5);
            Assert.Equal(sample.LoosePhrasings.Count, sample.LoosePhrasings.Distinct().Count());
            Assert.All(sample.LoosePhrasings, phrasing =>
            {
                Assert.Equal(phrasing.Trim(), phrasing);
                Assert.DoesNotContain("  ", phrasing);
                Assert.DoesNotContain(" ,", phrasing);
                Assert.NotEqual(sample.Prompt, phrasing);
            });
        }
    }

    [Fact]
    public void Loose_phrasings_name_the_images_the_prompt_names()
    {
        string[][] namings =
        [
            [],
            ["1", "one", "first", "1st"],
            ["2", "two", "second", "2nd"],
            ["3", "three", "third", "3rd"],
            ["4", "four", "fourth", "4th"],
        ];
        foreach (var sample in TrainingSamples.First)
        {
            if (sample.Task is not (TaskKind.Edit or TaskKind.Generate))
            {
                continue;
            }
            var named = sample.Prompt.Split(' ').Where(word => word.Length == 1 && char.IsDigit(word[0])).Select(int.Parse).Distinct();
            foreach (var image in named.Where(image => image > 1))
            {
                Assert.All(sample.LoosePhrasings, phrasing => Assert.Contains(
                    phrasing.Replace(",", "").Replace("'s", "").Split(' '), word => namings[image].Contains(word)));
            }
        }
    }

    private static byte[] RecordBytes(Sample sample)
    {
        using var stream = new MemoryStream();
        StreamRecordWriter.Write(stream, sample);
        return stream.ToArray();
    }
}
