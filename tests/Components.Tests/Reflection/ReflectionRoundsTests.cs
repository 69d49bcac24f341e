using DreamOmni2.Components.Reflection;
using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Contracts;

namespace DreamOmni2.Components.Tests.Reflection;

public sealed class ReflectionRoundsTests : MudContext
{
    private static readonly ReflectionRoundView First = new(1, "make the square red", "", ReflectionVerdict.DoesNotFollow,
        "the square must be red all over", null, null, "/files/t1", "/jobs/a", Current: false);

    private static readonly ReflectionRoundView Second = new(2, "make the square red. the square must be red all over", "running",
        null, "", null, null, null, "/jobs/b", Current: true);

    [Fact]
    public void Lists_every_round_in_order_with_its_prompt_verdict_and_critique()
    {
        var rounds = Render<ReflectionRounds>(p => p.Add(r => r.Rounds, [First, Second]).Add(r => r.MaxRounds, 3));

        Assert.Contains("2 of at most 3 runs", rounds.Markup);
        Assert.Equal(["Round 1", "Round 2"], rounds.FindAll("[data-testid=reflection-link]").Select(a => a.TextContent));
        Assert.Equal(["/jobs/a", "/jobs/b"], rounds.FindAll("[data-testid=reflection-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal([First.Prompt, Second.Prompt], rounds.FindAll("[data-testid=reflection-prompt]").Select(p => p.TextContent));
        Assert.Equal(["does not follow", "running"], rounds.FindAll("[data-testid=reflection-verdict]").Select(c => c.TextContent.Trim()));
        Assert.Equal("the square must be red all over", Assert.Single(rounds.FindAll("[data-testid=reflection-detail]")).TextContent);
    }

    [Fact]
    public void Marks_the_round_on_this_page_and_shows_results_that_exist()
    {
        var rounds = Render<ReflectionRounds>(p => p.Add(r => r.Rounds, [First, Second]).Add(r => r.MaxRounds, 3));

        var rows = rounds.FindAll("[data-testid=reflection-round]");
        Assert.Equal([false, true], rows.Select(r => r.ClassList.Contains("current")));
        Assert.Equal("/files/t1", Assert.Single(rounds.FindAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void A_round_that_stopped_the_chain_says_why_rather_than_a_critique()
    {
        var stopped = First with { Verdict = ReflectionVerdict.Unknown, Critique = "", Warning = "the VLM at http://x/v1 answered HTTP 500: the result is kept unchecked" };

        var rounds = Render<ReflectionRounds>(p => p.Add(r => r.Rounds, [stopped]).Add(r => r.MaxRounds, 3));

        Assert.Equal("not checked", rounds.Find("[data-testid=reflection-verdict]").TextContent.Trim());
        Assert.Equal(stopped.Warning, rounds.Find("[data-testid=reflection-detail]").TextContent);
    }

    private const string RetryNote = "this model reads only its prompt grammar, so the next round takes another seed";

    [Fact]
    public void A_round_that_retried_with_another_seed_shows_the_critique_and_says_why_it_was_not_used()
    {
        var retried = First with { Note = RetryNote };

        var rounds = Render<ReflectionRounds>(p => p.Add(r => r.Rounds, [retried, Second]).Add(r => r.MaxRounds, 3));

        Assert.Equal(First.Critique, rounds.Find("[data-testid=reflection-detail]").TextContent);
        Assert.Equal(RetryNote, Assert.Single(rounds.FindAll("[data-testid=reflection-note]")).TextContent);
    }
}
