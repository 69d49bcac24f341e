using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Output;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Uploads;

/// <summary>The settings an uploaded PNG says it was made with (its <c>parameters</c> text), read only for the upload's owner.</summary>
public sealed class UploadedSettings(ContentStore store, FileOwnership ownership)
{
    /// <summary>Null when the file is not the owner's or carries no parameters text; otherwise what could be read, with notes.</summary>
    public RecalledSettings? Read(string owner, string hash) =>
        ContentStore.IsHash(hash) && ownership.Owns(owner, hash) && store.Contains(hash) && PngParameters.Read(store.Read(hash)) is { } text
            ? SettingsRecall.Read(text)
            : null;
}
