using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>One word of an instruction as the built-in translator reads it. <see cref="Said"/> is the word as written.</summary>
internal abstract record Token(string Said);

/// <summary>"image N", after <see cref="ImageReferenceResolver"/> has canonicalized the references.</summary>
internal sealed record ImageToken(int Number, string Said) : Token(Said);

internal sealed record ShapeToken(string Shape, string Said) : Token(Said);

/// <summary>A value of an attribute other than shape: "red", "stripes" (striped), "tiny" (small), "grey" (gray, a background).</summary>
internal sealed record ValueToken(ShapeWorldAttribute Attribute, string Value, string Said) : Token(Said);

/// <summary>The name of an attribute: "colour", "texture", "backdrop", "outline" in "the outline of image 2".</summary>
internal sealed record AttributeToken(ShapeWorldAttribute Attribute, string Said) : Token(Said);

/// <summary>"object", "thing", "subject": the whole object of an image, as generation borrows it.</summary>
internal sealed record ObjectToken(string Said) : Token(Said);

/// <summary>A verb; <see cref="Intent"/> is the task it can only mean ("draw" generates, "change" edits), or null.</summary>
internal sealed record VerbToken(GenerationMode? Intent, string Said) : Token(Said);

/// <summary>A grammar word that carries no attribute: "the", "of", "in", "'s", "please".</summary>
internal sealed record WordToken(string Said) : Token(Said);

/// <summary>A word the shape world has no meaning for; <see cref="Reason"/> says so to a person.</summary>
internal sealed record UnknownToken(string Said, string Reason) : Token(Said);
