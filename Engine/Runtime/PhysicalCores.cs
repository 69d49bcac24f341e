namespace DreamOmni2.Engine.Runtime;

/// <summary>
/// The physical cores this process may use: the logical processors it is given (affinity and container limits
/// included) divided by the hardware threads per core. ONNX Runtime's own default on Linux is half the logical
/// processors, which on a machine without SMT leaves half the cores idle.
/// </summary>
public static class PhysicalCores
{
    private const string SiblingsFile = "/sys/devices/system/cpu/cpu0/topology/thread_siblings_list";

    public static int Available() =>
        FromTopology(Environment.ProcessorCount, File.Exists(SiblingsFile) ? File.ReadAllText(SiblingsFile) : null);

    /// <param name="logicalProcessors">What the process may run on.</param>
    /// <param name="threadSiblings">
    /// Linux's list of the hardware threads sharing cpu0's core ("0", "0,64", "0-1"); null where the topology cannot be
    /// read, which counts every logical processor as a core.
    /// </param>
    public static int FromTopology(int logicalProcessors, string? threadSiblings)
    {
        int threadsPerCore = threadSiblings is null ? 1 : Math.Max(1, CountListed(threadSiblings));
        return Math.Max(1, logicalProcessors / threadsPerCore);
    }

    /// <summary>How many CPUs a kernel CPU list ("0-3,8,10-11") names.</summary>
    private static int CountListed(string list)
    {
        int count = 0;
        foreach (var range in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = range.Split('-');
            count += ends.Length == 2 && int.TryParse(ends[0], out int first) && int.TryParse(ends[1], out int last)
                ? last - first + 1
                : 1;
        }
        return count;
    }
}
