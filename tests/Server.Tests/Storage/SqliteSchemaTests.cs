using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;
using Microsoft.Data.Sqlite;

namespace DreamOmni2.Server.Tests.Storage;

/// <summary>A database written before the schema was versioned opens, and its jobs read back with their settings nested.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public void Jobs_stored_with_flat_specs_read_back_with_their_settings_and_the_seed_they_ran_with()
    {
        string path = Path.Combine(_data.Path, "playground.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE jobs (id TEXT PRIMARY KEY, owner TEXT NOT NULL, created TEXT NOT NULL, state TEXT NOT NULL,
                                   ablation_group TEXT, spec TEXT NOT NULL, outcome TEXT NOT NULL);
                INSERT INTO jobs VALUES ('a1', 'ann', '2026-11-01T10:00:00.0000000+00:00', 'Completed', NULL,
                  '{"mode":"edit","images":[{"hash":"h","thumbnailHash":"t","width":64,"height":64,"name":"a.png"}],"instruction":"make it red","lockedPrompt":null,"seed":null,"steps":12,"guidance":2.5,"indexEncoding":true,"positionShift":false,"previews":true,"ablationGroup":null}',
                  '{"prompt":"make the circle in image 1 red","seed":77}');
                """;
            create.ExecuteNonQuery();
        }

        using var database = PlaygroundDatabase.Sqlite(path);
        var job = new JobRepository(database).Find("ann", "a1")!;

        var settings = job.Spec.Settings;
        Assert.Equal((GenerationMode.Edit, "make it red", 12, 2.5f, new EncodingScheme(true, false)), (settings.Mode, settings.Instruction, settings.Steps, settings.Guidance, settings.Scheme));
        Assert.Equal((77UL, true), (settings.Seed, settings.RandomSeed));
        Assert.Equal("h", Assert.Single(job.Spec.Images).Hash);
        Assert.Equal(SqliteSchema.Latest, Convert.ToInt32(database.Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_database_from_a_newer_server_is_not_touched()
    {
        string path = Path.Combine(_data.Path, "playground.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var version = connection.CreateCommand();
            version.CommandText = $"PRAGMA user_version = {SqliteSchema.Latest + 1}";
            version.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => PlaygroundDatabase.Sqlite(path));
        Assert.Contains("newer than this server knows", error.Message);
    }

    public void Dispose() => _data.Dispose();
}
