using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Api;

/// <summary>A job's state as the API hub streams it: what the page shows, with URLs for the images.</summary>
public sealed record JobUpdate(
    string Id,
    JobState State,
    int? QueuePosition,
    int Step,
    int Steps,
    double? SecondsLeft,
    string? PreviewUrl,
    string? Prompt,
    ulong? Seed,
    string? ResultUrl,
    RequestError? Error)
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
        s.Record.Outcome.Error);
}
