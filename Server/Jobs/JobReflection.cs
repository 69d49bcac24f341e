namespace DreamOmni2.Server.Jobs;

/// <summary>A job that is one round of "check and retry": the rounds of one request share a chain id.</summary>
/// <param name="Round">1 for the first run.</param>
/// <param name="MaxRounds">The most rounds the chain may run, the first included.</param>
public sealed record JobReflection(string Chain, int Round, int MaxRounds);
