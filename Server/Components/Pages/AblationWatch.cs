using DreamOmni2.Contracts;
using DreamOmni2.Components.Rendering;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>Follows the jobs of an ablation group for a view, one <see cref="JobWatch"/> each, and sums up their progress.</summary>
public sealed class AblationWatch : IDisposable
{
    private readonly IReadOnlyList<JobWatch> _members;

    public AblationWatch(
        JobService jobs, string owner, IReadOnlyList<JobRecord> members, Func<Func<Task>, Task> dispatch, RenderThrottle throttle,
        Func<JobSnapshot, PreviewStamp, ValueTask> showPreview, Func<JobSnapshot, ValueTask> stopPreview, Action<JobSnapshot> finished)
    {
        _members = members
            .Select(m => new JobWatch(jobs, owner, m.Id, dispatch, throttle) { ShowPreview = showPreview, StopPreview = stopPreview, Finished = (s, _) => finished(s) })
            .ToList();
    }

    /// <summary>The members seen so far, each as last seen.</summary>
    public IReadOnlyList<JobSnapshot> Snapshots => _members.Select(m => m.Snapshot).OfType<JobSnapshot>().ToList();

    public bool Active => Snapshots.Any(s => !s.State.IsFinished());

    public int Step => Snapshots.Sum(s => s.Step);

    public int Steps => Snapshots.Sum(s => s.Steps);

    public void Start()
    {
        foreach (var member in _members)
        {
            member.Start();
        }
    }

    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }
    }
}
