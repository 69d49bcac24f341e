namespace DreamOmni2.Engine.Imaging;

/// <summary>Why an input image, or a request's set of images, was refused.</summary>
public enum ImageInputError
{
    Empty,
    TooLarge,
    TooManyPixels,
    NotAnImage,
    Truncated,
    UnsupportedFormat,
    TooManyImages,
    TooFewImages,
}
