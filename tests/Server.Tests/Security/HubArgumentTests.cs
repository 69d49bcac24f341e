using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace DreamOmni2.Server.Tests.Security;

/// <summary>Whatever a client sends the hub, a refusal says what was wrong; nothing surfaces as "An unexpected error occurred".</summary>
public sealed class HubArgumentTests : IDisposable
{
    private readonly TempFolder _data = new();

    public static TheoryData<string, object?, string> Refused => new()
    {
        { nameof(JobsHub.Submit), null, "needs all its arguments" },
        { nameof(JobsHub.Submit), new { images = Array.Empty<string>() }, "send a submission with a request" },
        { nameof(JobsHub.Submit), new { images = (string[]?)null, request = new { mode = "edit", instruction = "make it red" } }, "an edit needs the image to edit" },
        { nameof(JobsHub.Submit), new { images = Array.Empty<string>(), request = new { mode = "generate" } }, "the instruction is empty" },
        { nameof(JobsHub.Submit), new { images = Array.Empty<string>(), request = new { mode = 7, instruction = "a red circle" } }, "the mode must be edit or generate" },
        { nameof(JobsHub.Submit), new { images = new[] { "../../etc/passwd" }, request = new { mode = "generate", instruction = "x" } }, "image 1 is not one of your uploads" },
        { nameof(JobsHub.Submit), new { images = Array.Empty<string>(), request = new { mode = "generate", instruction = "x", steps = 100_000 } }, "steps must be between 1 and 1000" },
        { nameof(JobsHub.SubmitAblation), null, "needs all its arguments" },
        { nameof(JobsHub.Cancel), null, "needs all its arguments" },
        { nameof(JobsHub.Remove), null, "needs all its arguments" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_call_is_refused_with_its_reason(string method, object? argument, string reason)
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync(method, typeof(object), [argument]));

        Assert.Contains(reason, refused.Message);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith($"Refused {method}", StringComparison.Ordinal) && e.Exception is null);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Exception is not null || (e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.Contains("SignalR")));
    }

    public static TheoryData<string, object?[], string> Unreadable => new()
    {
        { nameof(JobsHub.Submit), [42], "an argument is not of the type the method takes" },
        { nameof(JobsHub.Submit), [new { images = "abc", request = new { mode = "generate", instruction = "x" } }], "the value at $.images is not" },
        { nameof(JobsHub.Submit), [new { images = Array.Empty<string>(), request = new { mode = "generate", instruction = "x", steps = "many" } }], "the value at $.request.steps is not" },
        { nameof(JobsHub.Cancel), [new { id = 1 }], "an argument is not of the type the method takes" },
        { nameof(JobsHub.Cancel), [], "the call gives 0 argument(s) but the method takes 1" },
        { nameof(JobsHub.Cancel), ["a", "b"], "the call gives 2 argument(s) but the method takes 1" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Arguments_of_the_wrong_type_or_count_are_refused_with_what_and_where(string method, object?[] arguments, string reason)
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync(method, typeof(object), arguments));

        Assert.Contains($"the arguments of {method} could not be read: {reason}", refused.Message);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith($"Refused {method}", StringComparison.Ordinal) && e.Exception is null);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Exception is not null || (e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.Contains("SignalR")));
        Assert.True(await hub.InvokeAsync<bool>(nameof(JobsHub.Cancel), "no-such-job") is false, "the connection stays usable");
    }

    [Fact]
    public async Task Watching_a_number_is_refused_with_what_and_where()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), 42))
            {
            }
        });

        Assert.Contains("the arguments of Watch could not be read: an argument is not of the type the method takes", refused.Message);
    }

    [Fact]
    public async Task Watching_null_is_refused_with_its_reason()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), (string?)null))
            {
            }
        });

        Assert.Contains("needs all its arguments", refused.Message);
    }

    [Fact]
    public async Task Another_users_or_an_unknown_job_is_neither_watched_nor_cancelled()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        await using var hub = await host.ConnectHubAsync();

        Assert.False(await hub.InvokeAsync<bool>(nameof(JobsHub.Cancel), "no-such-job"));
        Assert.False(await hub.InvokeAsync<bool>(nameof(JobsHub.Remove), "no-such-job"));
        Assert.Empty(await hub.StreamAsync<JobUpdate>(nameof(JobsHub.Watch), "no-such-job").ToListAsync());
    }

    public void Dispose() => _data.Dispose();
}
