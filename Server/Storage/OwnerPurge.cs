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
            int deleted;
            using (var deleteJobs = PlaygroundDatabase.Command(connection, "DELETE FROM jobs WHERE owner = @owner", ("@owner", owner)))
            {
                deleted = deleteJobs.ExecuteNonQuery();
            }
            using (var deleteUploads = PlaygroundDatabase.Command(connection, "DELETE FROM uploads WHERE owner = @owner", ("@owner", owner)))
            {
                deleteUploads.ExecuteNonQuery();
            }
            using (var deleteShares = PlaygroundDatabase.Command(connection, "DELETE FROM share_links WHERE owner = @owner", ("@owner", owner)))
            {
                deleteShares.ExecuteNonQuery();
            }
            using (var deleteOwned = PlaygroundDatabase.Command(connection, "DELETE FROM owned_files WHERE owner = @owner", ("@owner", owner)))
            {
                deleteOwned.ExecuteNonQuery();
            }
            var unowned = new List<string>();
            foreach (string hash in hashes)
            {
                using var owned = PlaygroundDatabase.Command(connection, "SELECT 1 FROM owned_files WHERE hash = @hash", ("@hash", hash));
                if (owned.ExecuteScalar() is null)
                {
                    using var size = PlaygroundDatabase.Command(connection, "DELETE FROM file_sizes WHERE hash = @hash", ("@hash", hash));
                    size.ExecuteNonQuery();
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
