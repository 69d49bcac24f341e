using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Server.Configuration;

/// <summary>The <c>Playground</c> configuration section.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>The model pack folder, relative to the repository root; null: packs/tiny, else packs/fixture.</summary>
    public string? PackPath { get; set; }

    /// <summary>The ONNX Runtime execution provider; CUDA falls back to the CPU with a warning when it is unavailable.</summary>
    public ExecutionProviderChoice Provider { get; set; } = ExecutionProviderChoice.Cpu;

    /// <summary>
    /// The most threads ONNX Runtime uses for one graph run; null: the physical cores (or the pack's own limit). Lower it
    /// on a machine shared with other work.
    /// </summary>
    public int? IntraOpThreads { get; set; }

    /// <summary>Where the database and the content-addressed files live, relative to the repository root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// A PostgreSQL connection string: the store several web front ends and workers share. Null: the SQLite file in
    /// <see cref="DataPath"/>, for one process.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// What this process does: serve pages and run jobs (<see cref="PlaygroundRole.All"/>), only serve, or only run
    /// jobs (<c>dotnet run --project Server -- worker</c>). Web and worker processes share the store and talk through
    /// <see cref="Redis"/>.
    /// </summary>
    public PlaygroundRole Role { get; set; } = PlaygroundRole.All;

    /// <summary>
    /// A Redis connection string (e.g. <c>redis:6379</c>): with it, jobs are taken from the queue in the store by any
    /// worker process, and their progress, previews and cancels travel between processes. Null: one process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// How long a worker's claim on a job holds without renewal (it renews every third of it): a worker that dies is
    /// noticed, and its job queued again, this long after.
    /// </summary>
    public TimeSpan WorkerLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether jobs are queued in the store for any worker process rather than in this one's memory.</summary>
    public bool SharedQueue => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>Where uploads and results are kept, content-addressed; null: <see cref="DataPath"/>/files. Every process of a scaled-out set-up mounts the same folder.</summary>
    public string? FilesPath { get; set; }

    /// <summary>True: everyone signs in with one of <see cref="Users"/>; false: one local user, no sign-in.</summary>
    public bool Hosted { get; set; }

    /// <summary>
    /// Accounts added to the database at start when it has none of that name: user name → password hash (or plain text).
    /// After that the database is what counts: an admin manages accounts on the Users page or with <c>users</c>.
    /// </summary>
    public Dictionary<string, string> Users { get; set; } = [];

    /// <summary>Which of <see cref="Users"/> are added as admins.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>How long an invitation link stays valid, unless the admin making it picks otherwise.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most jobs waiting at once, all users together.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Most jobs one user may have waiting at once.</summary>
    public int MaxQueuedPerUser { get; set; } = 16;

    /// <summary>Largest upload accepted, checked on the server while the file arrives.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Replaces the pack's default step count (fast runs in tests and demos); null: the pack's.</summary>
    public int? DefaultSteps { get; set; }

    public int PreviewJpegQuality { get; set; } = 80;

    /// <summary>Longest a job may run once the worker takes it; past that it fails and the worker moves on.</summary>
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Instructions translated at once, beside the worker (each may wait on a VLM).</summary>
    public int ConcurrentTranslations { get; set; } = 4;

    /// <summary>Uploads decoded at once: each holds its file and its decoded pixels in memory meanwhile.</summary>
    public int ConcurrentUploads { get; set; } = 2;

    /// <summary>Jobs one hub connection may watch at once.</summary>
    public int MaxWatchesPerConnection { get; set; } = 16;

    /// <summary>What one user's uploads and results may take up on disk.</summary>
    public long StorageQuotaBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Origins besides the server's own allowed to send cookie-authenticated changes (e.g. https://other.example).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Behind a TLS-terminating proxy: trust its X-Forwarded-For and X-Forwarded-Proto, so the server knows the
    /// client's address and that it is served over HTTPS (Secure cookies, HSTS).
    /// </summary>
    public ForwardedHeadersSetting ForwardedHeaders { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Optional sign-in through an OpenID Connect provider, in hosted mode.</summary>
    public SingleSignOnOptions SingleSignOn { get; set; } = new();
}

/// <summary>The <c>Playground:ForwardedHeaders</c> section.</summary>
public sealed class ForwardedHeadersSetting
{
    public bool Enabled { get; set; }

    /// <summary>Proxy addresses trusted to set the headers; empty: loopback only (the proxy on the same machine or pod).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 172.18.0.0/16) trusted to set the headers, for a proxy in another container.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
