using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Api;

/// <summary>What the hub tells a client of a job: its snapshot as a <see cref="JobUpdate"/>, with URLs for the images.</summary>
public static class JobUpdates
{
    public static JobUpdate From(JobSnapshot s) => new(
        s.Id,
        s.State,
        s.QueuePosition,
        s.Step,
        s.Steps,
        s.SecondsLeft,
        s.Preview is { } p ? JobUrls.Preview(s.Id, p.Step) : null,
        s.Record.Outcome.Prompt,
        s.Record.Spec.Settings.Seed,
        s.Record.Outcome.ResultHash is null ? null : JobUrls.Result(s.Id),
        s.Record.Outcome.Error,
        s.Record.Outcome.TranslationInfo);
}
