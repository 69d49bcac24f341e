namespace DreamOmni2.Server.Jobs;

/// <summary>A submission was refused before it was queued; <see cref="Error"/> says which control and why.</summary>
public sealed class JobRejectedException(JobError error) : Exception(error.Message)
{
    public JobError Error { get; } = error;
}
