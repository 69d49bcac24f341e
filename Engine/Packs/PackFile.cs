namespace DreamOmni2.Engine.Packs;

/// <summary>A file a manifest names, with the field that names it.</summary>
public readonly record struct PackFile(string Field, string RelativePath);
