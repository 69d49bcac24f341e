using DreamOmni2.ShapeWorld.Prompting;
namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>What an instruction uses an image for.</summary>
internal abstract record ImageRole(int Image);

/// <summary>In an edit, image 1 itself: the image being changed.</summary>
internal sealed record EditedImage(int Image) : ImageRole(Image);

/// <summary>"the pattern of image 2", "image 3's background", "striped like image 2"; <see cref="Shape"/> is the shape
/// said to be in the image ("the color of the star in image 2"), if any.</summary>
internal sealed record BorrowedAttribute(int Image, ShapeWorldAttribute Attribute, string? Shape = null) : ImageRole(Image);

/// <summary>"the object of image 1", "image 2's thing", "use image 1 as the subject"; <see cref="Noun"/> is the word said.</summary>
internal sealed record WholeObject(int Image, string Noun) : ImageRole(Image);

/// <summary>"the star from image 1": a shape named as being in the image, with nothing said about what to take from it.</summary>
internal sealed record ShapeInImage(int Image, string Shape) : ImageRole(Image);

/// <summary>An image named with nothing attached to it ("make it look like image 2").</summary>
internal sealed record BareImage(int Image) : ImageRole(Image);
