using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Tests.Jobs;

public sealed class FairJobQueueTests
{
    [Fact]
    public void Serves_owners_in_turn_and_each_owners_jobs_in_order()
    {
        var queue = new FairJobQueue(capacity: 10, perOwnerCapacity: 10);
        queue.Enqueue("ann", "a1");
        queue.Enqueue("ann", "a2");
        queue.Enqueue("ann", "a3");
        queue.Enqueue("bob", "b1");

        Assert.Equal(new Dictionary<string, int> { ["a1"] = 1, ["b1"] = 2, ["a2"] = 3, ["a3"] = 4 }, queue.Positions());
        var order = new List<string>();
        while (queue.TryDequeue(_ => true, out string id))
        {
            order.Add(id);
        }
        Assert.Equal(["a1", "b1", "a2", "a3"], order);
    }

    [Fact]
    public void Removing_a_job_moves_the_ones_behind_it_up()
    {
        var queue = new FairJobQueue(10, 10);
        queue.Enqueue("ann", "a1");
        queue.Enqueue("bob", "b1");
        queue.Enqueue("bob", "b2");

        Assert.True(queue.Remove("bob", "b1"));
        Assert.False(queue.Remove("ann", "b2"));
        Assert.Equal(new Dictionary<string, int> { ["a1"] = 1, ["b2"] = 2 }, queue.Positions());
    }

    [Fact]
    public void Is_bounded_in_total_and_per_owner()
    {
        var queue = new FairJobQueue(capacity: 3, perOwnerCapacity: 2);
        queue.Enqueue("ann", "a1");
        queue.Enqueue("ann", "a2");

        Assert.False(queue.HasRoomFor(queue.JobsOf("ann"), queue.Count, 1));
        Assert.True(queue.HasRoomFor(queue.JobsOf("bob"), queue.Count, 1));
        Assert.False(queue.HasRoomFor(queue.JobsOf("bob"), queue.Count, 2));
    }
}
