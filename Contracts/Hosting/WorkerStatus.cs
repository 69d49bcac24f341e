namespace DreamOmni2.Contracts;

/// <summary>A worker process of a scaled-out server: what it runs on, and when it last reported in.</summary>
/// <param name="Provider">Its execution provider and device, as the worker names them (e.g. "CUDA (GPU 1)").</param>
public sealed record WorkerStatus(string Id, string Pack, string Provider, DateTimeOffset LastSeen);
