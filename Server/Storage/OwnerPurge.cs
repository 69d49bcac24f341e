namespace DreamOmni2.Server.Storage;

/// <summary>
/// Deletes everything a removed user made: their history, uploads and share links, and every stored file no other user holds,
/// so a name given to someone new later starts empty and the disk is freed.
/// </summary>
public sealed class OwnerPurge(PlaygroundDatabase database, ContentStore store)
{
    /// <summary>Deletes the owner's records and files; returns how many jobs were deleted.</summary>
    public int Purge(string owner)
    {
        var (jobs, orphaned) = database.Write(connection =>
        {
            var hashes = new List<string>();
            using (var select = PlaygroundDatabase.Command(connection, "SELECT hash FROM owned_files WHERE owner = @owner", ("@owner", owner)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    hashes.Add(reader.GetString(0));
                }
            }
            var who = ("@owner", (object?)owner);
            int deleted = PlaygroundDatabase.Run(connection, "DELETE FROM jobs WHERE owner = @owner", who);
            PlaygroundDatabase.Run(connection, "DELETE FROM uploads WHERE owner = @owner", who);
            PlaygroundDatabase.Run(connection, "DELETE FROM share_links WHERE owner = @owner", who);
            PlaygroundDatabase.Run(connection, "DELETE FROM owned_files WHERE owner = @owner", who);
            var unowned = new List<string>();
            foreach (string hash in hashes)
            {
                using var owned = PlaygroundDatabase.Command(connection, "SELECT 1 FROM owned_files WHERE hash = @hash", ("@hash", hash));
                if (owned.ExecuteScalar() is null)
                {
                    PlaygroundDatabase.Run(connection, "DELETE FROM file_sizes WHERE hash = @hash", ("@hash", hash));
                    unowned.Add(hash);
                }
            }
            return (deleted, unowned);
        });
        foreach (string hash in orphaned.Where(store.Contains))
        {
            store.Delete(hash);
        }
        return jobs;
    }
}
