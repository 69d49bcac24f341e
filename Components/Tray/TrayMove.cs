namespace DreamOmni2.Components.Tray;

/// <summary>Move the image at <paramref name="From"/> to <paramref name="To"/> (0-based), shifting the ones between.</summary>
public readonly record struct TrayMove(int From, int To)
{
    public void Apply<T>(IList<T> items)
    {
        var item = items[From];
        items.RemoveAt(From);
        items.Insert(To, item);
    }
}
