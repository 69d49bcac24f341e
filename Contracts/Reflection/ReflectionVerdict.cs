namespace DreamOmni2.Contracts;

/// <summary>What the VLM said about a result.</summary>
public enum ReflectionVerdict
{
    /// <summary>The result follows the instruction.</summary>
    Follows,

    /// <summary>The result does not follow the instruction; the critique says what must change.</summary>
    DoesNotFollow,

    /// <summary>The VLM could not be asked, or its answer was neither yes nor no.</summary>
    Unknown,
}
