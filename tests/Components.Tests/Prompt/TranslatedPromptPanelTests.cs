using DreamOmni2.Contracts;
using DreamOmni2.Components.Prompt;
using DreamOmni2.Components.Tests.Support;

namespace DreamOmni2.Components.Tests.Prompt;

public sealed class TranslatedPromptPanelTests : MudContext
{
    [Fact]
    public void Editing_the_prompt_locks_it()
    {
        string? prompt = "a red circle";
        bool locked = false;
        var panel = Render<TranslatedPromptPanel>(p => p
            .Add(c => c.Prompt, prompt)
            .Add(c => c.PromptChanged, v => prompt = v)
            .Add(c => c.Locked, locked)
            .Add(c => c.LockedChanged, v => locked = v));

        panel.Find("textarea[data-testid=prompt]").Input("a blue circle");

        Assert.Equal("a blue circle", prompt);
        Assert.True(locked);
    }

    [Fact]
    public void The_lock_button_toggles_and_a_locked_prompt_is_not_retranslated()
    {
        bool locked = true;
        var panel = Render<TranslatedPromptPanel>(p => p
            .Add(c => c.Prompt, "a red circle")
            .Add(c => c.Locked, true)
            .Add(c => c.LockedChanged, v => locked = v));

        Assert.NotNull(panel.Find("[data-testid=prompt-locked]"));
        Assert.True(panel.Find("[data-testid=translate]").HasAttribute("disabled"));
        panel.Find("[data-testid=prompt-lock]").Click();

        Assert.False(locked);
    }

    [Fact]
    public void Shows_the_translator_its_timing_and_warnings()
    {
        var panel = Render<TranslatedPromptPanel>(p => p
            .Add(c => c.Prompt, "image 1 with the texture of image 2")
            .Add(c => c.Info, new PromptTranslationInfo("built-in", 3.2, ["image 3 is not in the request"], FellBack: false)));

        Assert.Equal("built-in · 3 ms", panel.Find("[data-testid=prompt-translator]").TextContent.Trim());
        Assert.Contains("image 3 is not in the request", panel.Find("[data-testid=prompt-warning]").TextContent);
    }

    [Fact]
    public void Shows_what_the_translator_saw_in_each_image_and_its_problems()
    {
        var panel = Render<TranslatedPromptPanel>(p => p
            .Add(c => c.Prompt, "make the star in image 1 have the color of image 2")
            .Add(c => c.Info, new PromptTranslationInfo("built-in", 8, [], FellBack: false)
            {
                Problems = ["image 1 has no circle: it holds a small red striped star on sand, so the prompt names the star"],
                ImageReadings = ["image 1: small red striped star on sand", "image 2: large blue circle on mint"],
            }));

        Assert.Equal(
            ["image 1: small red striped star on sand", "image 2: large blue circle on mint"],
            panel.FindAll("[data-testid=prompt-reading]").Select(e => e.TextContent.Trim()));
        Assert.Contains("image 1 has no circle", panel.Find("[data-testid=prompt-problem]").TextContent);
        Assert.Equal("runs only as written", panel.Find("[data-testid=prompt-runs-as-written]").TextContent.Trim());
    }

    [Fact]
    public void A_translation_without_problems_or_readings_shows_neither()
    {
        var panel = Render<TranslatedPromptPanel>(p => p
            .Add(c => c.Prompt, "a red circle")
            .Add(c => c.Info, new PromptTranslationInfo("built-in", 1, [], FellBack: false)));

        Assert.Empty(panel.FindAll("[data-testid=prompt-readings]"));
        Assert.Empty(panel.FindAll("[data-testid=prompt-problem]"));
        Assert.Empty(panel.FindAll("[data-testid=prompt-runs-as-written]"));
    }
}
