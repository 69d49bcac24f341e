namespace DreamOmni2.Server.Auth;

/// <summary>A change to the accounts that cannot be made, with a message the person making it can act on.</summary>
public sealed class AccountException(string message) : Exception(message);
