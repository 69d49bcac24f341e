namespace DreamOmni2.Contracts;

/// <summary>
/// A server's memory and queue at one moment, for an admin watching it under load (the load benchmark samples it):
/// what the process holds, not what a user may see.
/// </summary>
/// <param name="WorkingSetBytes">The process's resident memory, native allocations (ONNX Runtime, image codecs) included.</param>
/// <param name="ManagedHeapBytes">What the .NET heap holds now, collected or not.</param>
/// <param name="Queued">Jobs waiting for the worker, all users together.</param>
/// <param name="Running">Jobs the worker is running or checking.</param>
/// <param name="Workers">Scaled out: the worker processes seen in the last minute; empty for one process.</param>
public sealed record ServerStatus(long WorkingSetBytes, long ManagedHeapBytes, int Queued, int Running, IReadOnlyList<WorkerStatus>? Workers = null);
