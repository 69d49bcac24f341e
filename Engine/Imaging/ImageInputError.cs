namespace DreamOmni2.Engine.Imaging;

/// <summary>Why an input image was refused.</summary>
public enum ImageInputError
{
    Empty,
    TooLarge,
    TooManyPixels,
    NotAnImage,
    Truncated,

    /// <summary>A header fails its checksum.</summary>
    Damaged,

    /// <summary>The header declares a width or height of 0.</summary>
    NoPixels,
    UnsupportedFormat,
}
