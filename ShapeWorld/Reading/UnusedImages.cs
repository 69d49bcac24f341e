namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>Tells a person which of the request's images the translated prompt does not use.</summary>
internal static class UnusedImages
{
    /// <param name="firstReference">The first image that can be referred to: 2 in an edit (image 1 is edited), 1 in a generation.</param>
    public static void Warn(ICollection<string> warnings, ShapeWorldReading reading, int imageCount, int firstReference)
    {
        var used = reading.Roles.Select(r => r.Image).ToHashSet();
        var unused = Enumerable.Range(firstReference, Math.Max(0, imageCount - firstReference + 1))
            .Where(i => !used.Contains(i))
            .ToList();
        if (unused.Count > 0)
        {
            var names = string.Join(", ", unused.Select(i => $"image {i}"));
            warnings.Add($"the instruction does not use {names}, so the prompt does not either");
        }
    }
}
