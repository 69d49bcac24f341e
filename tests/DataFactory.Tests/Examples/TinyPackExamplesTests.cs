using DreamOmni2.DataFactory.Cli;
using DreamOmni2.DataFactory.Examples;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;

namespace DreamOmni2.DataFactory.Tests.Examples;

public sealed class TinyPackExamplesTests : IDisposable
{
    private static readonly string s_tiny = Path.Combine(RepositoryRoot(), "packs", "tiny");
    private readonly string _drawn = Directory.CreateTempSubdirectory("dreamomni2-examples-").FullName;

    [Fact]
    public void The_committed_examples_are_what_the_command_draws()
    {
        ExamplesCommand.Run(_drawn);

        var committed = Directory.GetFiles(Path.Combine(s_tiny, ExamplesCommand.Folder)).Select(Path.GetFileName).Order().ToList();
        var drawn = Directory.GetFiles(Path.Combine(_drawn, ExamplesCommand.Folder)).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(drawn, committed);
        Assert.All(drawn, name => Assert.Equal(
            File.ReadAllBytes(Path.Combine(_drawn, ExamplesCommand.Folder, name!)),
            File.ReadAllBytes(Path.Combine(s_tiny, ExamplesCommand.Folder, name!))));
    }

    [Fact]
    public async Task Each_examples_instruction_translates_on_its_images_to_its_standard_prompt()
    {
        var examples = ModelPack.Load(s_tiny).Examples;
        var translator = new ShapeWorldTranslator();

        Assert.Equal(TinyPackExamples.All.Select(d => d.Instruction), examples.Select(e => e.Instruction));
        foreach (var (example, draft) in examples.Zip(TinyPackExamples.All))
        {
            var images = example.Images.Select(i => TranslationImage.FromEncoded(File.ReadAllBytes(Path.Combine(s_tiny, i)))).ToList();
            var translation = await translator.TranslateAsync(
                new TranslationRequest(images, example.Instruction, example.Mode, PromptStyle.ShapeWorld), CancellationToken.None);

            Assert.False(translation.FellBack, $"{example.Title}: {string.Join("; ", translation.Warnings)}");
            Assert.Equal(draft.Prompt, translation.Prompt);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DreamOmni2.Playground.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the tests run outside the repository");
    }

    public void Dispose() => Directory.Delete(_drawn, recursive: true);
}
