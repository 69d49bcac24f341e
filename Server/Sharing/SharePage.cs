using System.Net;
using System.Text;
using DreamOmni2.Components.Ablation;
using DreamOmni2.Components.Reflection;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Sharing;

/// <summary>
/// The page behind a share link: plain HTML with the playground's stylesheet and one small script for the
/// before/after slider, so it works signed out and without a Blazor circuit. It shows the result and, if the owner
/// chose, the inputs and the prompt; never the owner's name, job ids, history or anything else of theirs.
/// </summary>
public static class SharePage
{
    /// <summary>The one answer to every link that does not open: malformed, unknown, revoked and expired alike.</summary>
    public const string NotFound = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>No such link · DreamOmni2 Playground</title>
        <meta name="viewport" content="width=device-width, initial-scale=1.0"><meta name="robots" content="noindex">
        <link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/css/playground.css"></head>
        <body class="shared"><main class="shared-page">
        <h1>No such link</h1>
        <p>This link does not exist. It may have been revoked, or have expired.</p>
        </main></body></html>
        """;

    public static string Render(SharedResult shared)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{Heading(shared.Link.Scope)}} · DreamOmni2 Playground</title>
            <meta name="viewport" content="width=device-width, initial-scale=1.0"><meta name="robots" content="noindex">
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/css/playground.css"></head>
            <body class="shared"><main class="shared-page">
            <h1>{{Heading(shared.Link.Scope)}}</h1>

            """);
        switch (shared.Link.Scope)
        {
            case ShareScope.Ablation:
                Grid(html, shared);
                break;
            case ShareScope.Chain:
                Featured(html, shared, shared.Results.Count);
                Rounds(html, shared);
                break;
            default:
                Featured(html, shared, 1);
                break;
        }
        if (shared.Link.ShowInputs)
        {
            Inputs(html, shared);
        }
        html.Append("""
            <p class="shared-footer">Shared read-only from a DreamOmni2 Playground.</p>
            </main><script src="/js/share.js"></script></body></html>
            """);
        return html.ToString();
    }

    private static string Heading(ShareScope scope) => scope switch
    {
        ShareScope.Ablation => "Shared ablation grid",
        ShareScope.Chain => "Shared check-and-retry result",
        _ => "Shared result",
    };

    /// <summary>One result, large; an edit whose inputs are shown gets the before/after slider against image 1.</summary>
    private static void Featured(StringBuilder html, SharedResult shared, int number)
    {
        var job = shared.Result(number)!;
        string result = shared.ResultPath(number);
        if (shared.Link.ShowInputs && job.Spec.Settings.Mode == GenerationMode.Edit && job.Spec.Images.Count > 0)
        {
            html.Append($"""
                <div class="compare shared-result" data-testid="compare">
                <img class="compare-after" src="{result}" alt="result">
                <div class="compare-before"><img src="{shared.InputPath(1)}" alt="image 1, before"></div>
                <div class="compare-handle"></div>
                <span class="compare-label left">before</span><span class="compare-label right">after</span>
                <input type="range" min="0" max="100" step="1" value="50" aria-label="before/after position">
                </div>

                """);
        }
        else
        {
            html.Append($"<img class=\"shared-result\" src=\"{result}\" alt=\"result\" data-testid=\"result-image\">\n");
        }
        html.Append($"<p><a href=\"{result}\" download>Download PNG</a></p>\n");
    }

    private static void Grid(StringBuilder html, SharedResult shared)
    {
        html.Append("<div class=\"ablation-grid\">\n");
        for (int number = 1; number <= shared.Results.Count; number++)
        {
            var scheme = shared.Result(number)!.Spec.Settings.Scheme;
            html.Append($"""
                <div class="ablation-cell"><b>{Encode(AblationGrid.Label(scheme))}</b><small>{Encode(AblationGrid.Subtitle(scheme))}</small>
                <img class="ablation-result" src="{shared.ResultPath(number)}" alt="{Encode(AblationGrid.Label(scheme))}">
                <a href="{shared.ResultPath(number)}" download>Download PNG</a></div>

                """);
        }
        html.Append("</div>\n");
    }

    /// <summary>The chain's earlier attempts, each with the VLM's verdict; their prompts and critiques only with the inputs.</summary>
    private static void Rounds(StringBuilder html, SharedResult shared)
    {
        if (shared.Results.Count < 2)
        {
            return;
        }
        html.Append("<h2>Attempts</h2>\n<div class=\"reflection-rounds\">\n");
        for (int number = 1; number <= shared.Results.Count; number++)
        {
            var round = shared.Result(number)!;
            html.Append($"""
                <div class="reflection-round"><a href="{shared.ResultPath(number)}"><img class="reflection-thumbnail" src="{shared.ResultPath(number)}" alt="attempt {number}"></a>
                <div class="reflection-text"><b>Attempt {number}: {Encode(VerdictLabels.Text(round.Outcome.Check?.Verdict, "not checked"))}</b>
                """);
            if (shared.Link.ShowInputs)
            {
                html.Append($"<span class=\"reflection-prompt\">{Encode(PromptOf(round))}</span>");
                if (round.Outcome.Check is { Critique.Length: > 0 } check)
                {
                    html.Append($"<span>{Encode(check.Critique)}</span>");
                }
            }
            html.Append("</div></div>\n");
        }
        html.Append("</div>\n");
    }

    private static void Inputs(StringBuilder html, SharedResult shared)
    {
        var job = shared.Final;
        html.Append("<h2>Inputs</h2>\n<div class=\"shared-inputs\">");
        for (int number = 1; number <= shared.Inputs.Count; number++)
        {
            html.Append($"<img src=\"{shared.InputPath(number)}\" alt=\"image {number}\">");
        }
        html.Append($"""
            </div>
            <p><b>Instruction:</b> <span data-testid="instruction">{Encode(job.Spec.Settings.Instruction)}</span></p>
            <p><b>Prompt:</b> <span class="reflection-prompt" data-testid="prompt">{Encode(PromptOf(job))}</span></p>

            """);
    }

    private static string PromptOf(JobRecord job) => job.Outcome.Prompt ?? job.Spec.Settings.LockedPrompt ?? "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
