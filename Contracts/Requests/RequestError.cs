namespace DreamOmni2.Contracts;

/// <summary>Why a request was refused or a job failed, worded for a person, and which part of the request it concerns.</summary>
/// <param name="ImageNumber">The 1-based image concerned, when <paramref name="Field"/> is <see cref="RequestField.Images"/>.</param>
public sealed record RequestError(RequestField Field, string Message, int? ImageNumber = null);
