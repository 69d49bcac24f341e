namespace DreamOmni2.Engine.Imaging;

/// <summary>An input image (or the set of them) was refused; the message says what to do about it.</summary>
public sealed class ImageInputException : Exception
{
    public ImageInputException(ImageInputError error, int? imageNumber, string message)
        : base(message)
    {
        Error = error;
        ImageNumber = imageNumber;
    }

    public ImageInputError Error { get; }

    /// <summary>The 1-based number of the refused image, or null when the refusal concerns the whole set.</summary>
    public int? ImageNumber { get; }
}
