namespace DreamOmni2.Contracts;

/// <summary>
/// DreamOmni2's two multi-image encodings. <see cref="Index"/>: reference i gets axis0 = i instead of 1.
/// <see cref="Shift"/>: reference i's columns start after the packed widths of the references before it.
/// </summary>
public readonly record struct EncodingScheme(bool Index, bool Shift)
{
    /// <summary>Stock Kontext: every reference at axis0 = 1, no offset.</summary>
    public static EncodingScheme None => new(false, false);

    public static EncodingScheme IndexOnly => new(true, false);

    public static EncodingScheme ShiftOnly => new(false, true);

    /// <summary>What DreamOmni2 ships.</summary>
    public static EncodingScheme Both => new(true, true);

    /// <summary>The four schemes of the ablation, in the order it is usually shown.</summary>
    public static IReadOnlyList<EncodingScheme> All { get; } = [None, IndexOnly, ShiftOnly, Both];

    public string Label => (Index, Shift) switch
    {
        (false, false) => "none",
        (true, false) => "index",
        (false, true) => "shift",
        (true, true) => "index + shift",
    };

    public override string ToString() => Label;
}
