namespace DreamOmni2.Contracts;

/// <summary>A request as the page or an API client sends it: the generation request and the uploads it uses.</summary>
/// <param name="Images">Content hashes of the submitter's uploads, in order; in edit mode image 1 is the source.</param>
/// <param name="Reflect">Check each result with the VLM and run again with its critique until it agrees ("check and retry").</param>
public sealed record JobSubmission(IReadOnlyList<string> Images, GenerationRequest Request, bool Reflect = false);
