namespace DreamOmni2.Contracts;

/// <summary>
/// One queued or running job as the queue view shows it to a signed-in user: everyone sees places, states and owners;
/// only the owner (and an admin) sees the job's id and instruction.
/// </summary>
/// <param name="Position">1-based place in the queue while queued; null while it runs.</param>
/// <param name="Id">The job's id, for its owner and for admins; null for others' jobs.</param>
/// <param name="Instruction">The instruction, for its owner and for admins; null for others' jobs.</param>
public sealed record QueueEntry(int? Position, JobState State, string Owner, bool Mine, DateTimeOffset Created, string? Id, string? Instruction);
