using DreamOmni2.Components.Examples;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Uploads;

namespace DreamOmni2.Server.Examples;

/// <summary>
/// The pack's examples, their images read once through the paths the pack's loading checked. Everything else asks
/// for an example or an image by its number, so nothing a person sends ever names a file.
/// </summary>
public sealed class ExampleCatalog
{
    private readonly IReadOnlyList<PackExample> _examples;
    private readonly byte[][][] _images;

    public ExampleCatalog(PlaygroundEngine engine)
    {
        var pack = engine.Pack;
        _examples = pack.Examples;
        _images = _examples.Select(e => e.Images.Select(i => File.ReadAllBytes(pack.PathOf(i))).ToArray()).ToArray();
        Cards = _examples.Select((e, i) => new ExampleCard(
            i + 1, e.Title, e.Mode, e.Instruction, Enumerable.Range(1, e.Images.Count).Select(n => ImageUrl(i + 1, n)).ToList(), e.Ablation)).ToList();
    }

    public IReadOnlyList<ExampleCard> Cards { get; }

    public static string ImageUrl(int example, int image) => $"/examples/{example}/images/{image}.png";

    /// <summary>Example <paramref name="number"/> (1-based), or null when the pack has no such example.</summary>
    public PackExample? Find(int number) => number >= 1 && number <= _examples.Count ? _examples[number - 1] : null;

    /// <summary>Image <paramref name="image"/> of example <paramref name="example"/> (both 1-based), or null when there is none.</summary>
    public byte[]? Image(int example, int image) =>
        Find(example) is not null && image >= 1 && image <= _images[example - 1].Length ? _images[example - 1][image - 1] : null;

    /// <summary>
    /// The example's images as <paramref name="owner"/>'s own uploads, taken as any upload is (decoded, counted against
    /// their rate and quota), so a job uses them as it would files they had picked.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pack has no example of that number.</exception>
    /// <exception cref="Refusals.RefusalException">The owner uploads too fast or is out of room.</exception>
    public async Task<IReadOnlyList<UploadedImage>> UploadAsync(string owner, int number, UploadService uploads, CancellationToken ct)
    {
        var example = Find(number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"the pack has {_examples.Count} examples");
        var uploaded = new List<UploadedImage>();
        for (int i = 0; i < example.Images.Count; i++)
        {
            using var content = new MemoryStream(_images[number - 1][i], writable: false);
            uploaded.Add(await uploads.AcceptAsync(owner, content, content.Length, Path.GetFileName(example.Images[i]), i + 1, ct));
        }
        return uploaded;
    }
}
