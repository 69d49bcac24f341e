namespace DreamOmni2.Server.Storage;

/// <summary>Which user may fetch which stored file: files are served only to the users recorded here.</summary>
public sealed class FileOwnership(PlaygroundDatabase database)
{
    public void Grant(string owner, string hash)
    {
        using var connection = database.Open();
        PlaygroundDatabase.Execute(connection,
            "INSERT OR IGNORE INTO owned_files (owner, hash) VALUES ($owner, $hash)", ("$owner", owner), ("$hash", hash));
    }

    public bool Owns(string owner, string hash)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection,
            "SELECT 1 FROM owned_files WHERE owner = $owner AND hash = $hash", ("$owner", owner), ("$hash", hash));
        return command.ExecuteScalar() is not null;
    }

    public void Revoke(string owner, string hash)
    {
        using var connection = database.Open();
        PlaygroundDatabase.Execute(connection,
            "DELETE FROM owned_files WHERE owner = $owner AND hash = $hash", ("$owner", owner), ("$hash", hash));
    }

    public bool OwnedByAnyone(string hash)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection, "SELECT 1 FROM owned_files WHERE hash = $hash", ("$hash", hash));
        return command.ExecuteScalar() is not null;
    }
}
