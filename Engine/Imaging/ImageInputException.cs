using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Engine.Imaging;

/// <summary>An input image was refused; the message says what to do about it.</summary>
public sealed class ImageInputException(ImageInputError kind, int? imageNumber, string message)
    : InvalidRequestException(new RequestError(RequestField.Images, message, imageNumber))
{
    public ImageInputError Kind { get; } = kind;

    /// <summary>The 1-based number of the refused image, or null when it is not known.</summary>
    public int? ImageNumber { get; } = imageNumber;
}
