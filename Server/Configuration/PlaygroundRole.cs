namespace DreamOmni2.Server.Configuration;

/// <summary>What one server process does when the work is split across processes.</summary>
public enum PlaygroundRole
{
    /// <summary>Serves the pages and the hub, and runs jobs: the one process of a simple set-up.</summary>
    All,

    /// <summary>Serves the pages and the hub; jobs run in worker processes.</summary>
    Web,

    /// <summary>Runs jobs on its device; serves only <c>/healthz</c>.</summary>
    Worker,
}
