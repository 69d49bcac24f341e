using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DreamOmni2.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Client;

/// <summary>
/// A connection to a playground server: upload images, submit a job or an ablation, watch a job's updates, cancel,
/// remove, download the result, share it. The hub connection reconnects with backoff, and a watch in progress picks its job up
/// again once it is back. Refusals arrive as <see cref="PlaygroundRequestException"/> with the server's reason.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/jobs";
    public const string UploadPath = "/api/uploads";
    public const string ServerStatusPath = "/api/server";

    private readonly HttpClient _http;
    private readonly HubConnection _hub;

    private PlaygroundClient(HttpClient http, HubConnection hub)
    {
        _http = http;
        _hub = hub;
    }

    public Uri Server => _http.BaseAddress!;

    /// <param name="token">An access token for a hosted server; null for a local one.</param>
    /// <exception cref="PlaygroundRequestException">The server cannot be reached, or refuses the token.</exception>
    public static async Task<PlaygroundClient> ConnectAsync(Uri server, string? token = null, CancellationToken ct = default)
    {
        var http = new HttpClient { BaseAddress = server };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubPath), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .WithAutomaticReconnect(new HubReconnects())
            .AddJsonProtocol(json => JobJson.Configure(json.PayloadSerializerOptions))
            .Build();
        var client = new PlaygroundClient(http, hub);
        try
        {
            await hub.StartAsync(ct);
            return client;
        }
        catch (HttpRequestException e)
        {
            await client.DisposeAsync();
            throw e.StatusCode == System.Net.HttpStatusCode.Unauthorized
                ? new PlaygroundRequestException(
                    $"{server} refused the access token: it is unknown or revoked, or none was given — make one on the server's Tokens page", 401, e)
                : new PlaygroundRequestException($"{server} cannot be reached: {e.Message}", (int?)e.StatusCode, e);
        }
    }

    /// <param name="imageNumber">The image's place in the request, for the server's error messages.</param>
    public async Task<UploadedImage> UploadAsync(ReadOnlyMemory<byte> image, string name, int imageNumber = 1, CancellationToken ct = default)
    {
        using var content = new MultipartFormDataContent
        {
            { new ReadOnlyMemoryContent(image), "file", name },
            { new StringContent(imageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), "imageNumber" },
        };
        using var response = await _http.PostAsync(UploadPath, content, ct);
        await EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<UploadedImage>(JobJson.Options, ct))!;
    }

    public Task<JobUpdate> SubmitAsync(JobSubmission submission, CancellationToken ct = default) =>
        Invoke(() => _hub.InvokeAsync<JobUpdate>("Submit", submission, ct));

    /// <summary>The same request under each of the four encoding schemes; returns the four job ids.</summary>
    public Task<IReadOnlyList<string>> SubmitAblationAsync(JobSubmission submission, CancellationToken ct = default) =>
        Invoke(() => _hub.InvokeAsync<IReadOnlyList<string>>("SubmitAblation", submission, ct));

    /// <summary>Stops a running job; false when it is not running.</summary>
    public Task<bool> CancelAsync(string jobId, CancellationToken ct = default) => Invoke(() => _hub.InvokeAsync<bool>("Cancel", jobId, ct));

    /// <summary>Takes a queued job out of the queue; false when it is not queued.</summary>
    public Task<bool> RemoveAsync(string jobId, CancellationToken ct = default) => Invoke(() => _hub.InvokeAsync<bool>("Remove", jobId, ct));

    /// <summary>Stops a whole ablation grid, named by its id or any of its cells' ids: queued cells are removed, running ones cancelled; returns how many were stopped.</summary>
    public Task<int> CancelAblationAsync(string id, CancellationToken ct = default) => Invoke(() => _hub.InvokeAsync<int>("CancelAblation", id, ct));

    /// <summary>Takes the queued cells of an ablation grid (its id or a cell's) out of the queue; returns how many.</summary>
    public Task<int> RemoveAblationAsync(string id, CancellationToken ct = default) => Invoke(() => _hub.InvokeAsync<int>("RemoveAblation", id, ct));

    /// <summary>
    /// The job's updates until it finishes. If the connection drops, the watch waits for the reconnect and follows
    /// the job again from its state then, so a caller sees every state change that matters and the end.
    /// </summary>
    public async IAsyncEnumerable<JobUpdate> WatchAsync(string jobId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            bool dropped = false;
            var stream = _hub.StreamAsync<JobUpdate>("Watch", jobId, ct).GetAsyncEnumerator(ct);
            try
            {
                while (true)
                {
                    JobUpdate update;
                    try
                    {
                        if (!await stream.MoveNextAsync())
                        {
                            break;
                        }
                        update = stream.Current;
                    }
                    catch (HubException e)
                    {
                        throw Refused(e);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        dropped = true;
                        break;
                    }
                    yield return update;
                    if (update.State.IsFinished())
                    {
                        yield break;
                    }
                }
            }
            finally
            {
                await stream.DisposeAsync();
            }
            if (!dropped)
            {
                yield break;
            }
            await WaitForReconnectAsync(ct);
        }
    }

    /// <summary>Every queued and running job: places, states and owners; ids and instructions of your own (an admin's: all).</summary>
    public Task<IReadOnlyList<QueueEntry>> QueueAsync(CancellationToken ct = default) =>
        Invoke(() => _hub.InvokeAsync<IReadOnlyList<QueueEntry>>("Queue", ct));

    /// <summary>
    /// A read-only link to a finished job of yours (a grid cell shares its grid, a round of check and retry its chain)
    /// that works signed out; returns its address on this server.
    /// </summary>
    public async Task<Uri> CreateShareLinkAsync(string jobId, ShareOptions options, CancellationToken ct = default) =>
        new(Server, await Invoke(() => _hub.InvokeAsync<string>("CreateShare", jobId, options, ct)));

    /// <summary>Revokes one of your share links, given as its address or its token; false when you have no such link.</summary>
    public Task<bool> RevokeShareLinkAsync(string link, CancellationToken ct = default) =>
        Invoke(() => _hub.InvokeAsync<bool>("RevokeShare", link, ct));

    /// <summary>The result PNG (with its parameters chunk) of a completed job.</summary>
    public Task<byte[]> DownloadResultAsync(string jobId, CancellationToken ct = default) =>
        DownloadAsync($"/jobs/{Uri.EscapeDataString(jobId)}/result.png", ct);

    /// <summary>A file the server named in an update (a preview, a result), by its path on the server.</summary>
    public async Task<byte[]> DownloadAsync(string path, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(path, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>The server's memory and queue now; only an admin may ask (anyone else is refused with 403).</summary>
    public async Task<ServerStatus> GetServerStatusAsync(CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(ServerStatusPath, ct);
        await EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<ServerStatus>(JobJson.Options, ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }

    private async Task WaitForReconnectAsync(CancellationToken ct)
    {
        while (_hub.State != HubConnectionState.Connected)
        {
            if (_hub.State == HubConnectionState.Disconnected)
            {
                throw new PlaygroundRequestException($"the connection to {Server} was lost and could not be made again");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private static async Task<T> Invoke<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HubException e)
        {
            throw Refused(e);
        }
    }

    /// <summary>
    /// A hub refusal with the server's reason alone: SignalR sends it as "An unexpected error occurred invoking 'M' on
    /// the server. HubException: REASON".
    /// </summary>
    private static PlaygroundRequestException Refused(HubException e)
    {
        const string Marker = "HubException: ";
        int at = e.Message.IndexOf(Marker, StringComparison.Ordinal);
        return new PlaygroundRequestException(at < 0 ? e.Message : e.Message[(at + Marker.Length)..], inner: e);
    }

    /// <summary>Turns a refusal's ProblemDetails into an exception carrying its detail.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string detail = response.ReasonPhrase ?? "refused";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (problem.RootElement.TryGetProperty("detail", out var text) && text.GetString() is { Length: > 0 } given)
            {
                detail = given;
            }
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body: the status line says what there is to say.
        }
        throw new PlaygroundRequestException(detail, (int)response.StatusCode);
    }
}
