using DreamOmni2.Contracts;
using DreamOmni2.Server.Uploads;

namespace DreamOmni2.Server.Storage;

/// <summary>The images each user has uploaded; a job may only use its owner's uploads.</summary>
public sealed class UploadRepository(PlaygroundDatabase database)
{
    public void Add(string owner, UploadedImage image) => database.Execute(
        """
        INSERT INTO uploads (owner, hash, thumbnail, width, height, name)
        VALUES (@owner, @hash, @thumbnail, @width, @height, @name)
        ON CONFLICT (owner, hash) DO UPDATE SET thumbnail = excluded.thumbnail, width = excluded.width, height = excluded.height, name = excluded.name
        """,
        ("@owner", owner), ("@hash", image.Hash), ("@thumbnail", image.ThumbnailHash),
        ("@width", image.Width), ("@height", image.Height), ("@name", image.Name));

    public UploadedImage? Find(string owner, string hash)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection,
            "SELECT hash, thumbnail, width, height, name FROM uploads WHERE owner = @owner AND hash = @hash",
            ("@owner", owner), ("@hash", hash));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new UploadedImage(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4))
            : null;
    }

    /// <summary>Whether the file is one of the owner's uploads or their thumbnails.</summary>
    public bool Uses(string owner, string hash) =>
        database.Scalar("SELECT 1 FROM uploads WHERE owner = @owner AND (hash = @hash OR thumbnail = @hash)", ("@owner", owner), ("@hash", hash)) is not null;
}
