namespace DreamOmni2.Server.Storage;

/// <summary>
/// Which user may fetch which stored file: files are served only to the users recorded here. Each file's size is
/// kept too, so what a user's files take up can be counted against their quota.
/// </summary>
public sealed class FileOwnership(PlaygroundDatabase database)
{
    private const string RecordSize =
        "INSERT INTO file_sizes (hash, bytes) VALUES (@hash, @bytes) ON CONFLICT (hash) DO UPDATE SET bytes = excluded.bytes";

    public void Grant(string owner, string hash, long bytes) => database.Write(connection =>
        PlaygroundDatabase.Run(connection,
            "INSERT INTO owned_files (owner, hash) VALUES (@owner, @hash) ON CONFLICT DO NOTHING", ("@owner", owner), ("@hash", hash))
        + PlaygroundDatabase.Run(connection, RecordSize, ("@hash", hash), ("@bytes", bytes)));

    public bool Owns(string owner, string hash) =>
        database.Scalar("SELECT 1 FROM owned_files WHERE owner = @owner AND hash = @hash", ("@owner", owner), ("@hash", hash)) is not null;

    public void Revoke(string owner, string hash) =>
        database.Execute("DELETE FROM owned_files WHERE owner = @owner AND hash = @hash", ("@owner", owner), ("@hash", hash));

    public bool OwnedByAnyone(string hash) =>
        database.Scalar("SELECT 1 FROM owned_files WHERE hash = @hash", ("@hash", hash)) is not null;

    /// <summary>The bytes of every file the owner may fetch (a file two users share counts for each).</summary>
    public long BytesOwnedBy(string owner) => Convert.ToInt64(database.Scalar(
        "SELECT COALESCE(SUM(s.bytes), 0) FROM owned_files o JOIN file_sizes s ON s.hash = o.hash WHERE o.owner = @owner",
        ("@owner", owner)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records the size of files stored before sizes were kept.</summary>
    public int MeasureUnsized(ContentStore store)
    {
        var unsized = new List<string>();
        using (var connection = database.Open())
        using (var command = PlaygroundDatabase.Command(connection,
            "SELECT DISTINCT o.hash FROM owned_files o LEFT JOIN file_sizes s ON s.hash = o.hash WHERE s.hash IS NULL"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                unsized.Add(reader.GetString(0));
            }
        }
        foreach (string hash in unsized)
        {
            database.Execute(RecordSize,
                ("@hash", hash), ("@bytes", store.SizeOf(hash) ?? 0));
        }
        return unsized.Count;
    }
}
