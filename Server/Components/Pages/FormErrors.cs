using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>The messages shown against the editor's fields: from a refused submission, an upload, or the job shown.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<RequestField, string> _fields = [];

    /// <summary>Errors of single reference images, by image number; a new dictionary on each change, so the tray sees it.</summary>
    public IReadOnlyDictionary<int, string> Slots { get; private set; } = new Dictionary<int, string>();

    /// <summary>The field a Run was refused for, while its message stands.</summary>
    private RequestField? _refused;

    public string? For(RequestField field) => _fields.GetValueOrDefault(field);

    /// <summary>
    /// Why the last Run was refused, for the run bar, while the field's message stands: the field itself may be out of
    /// sight. Null for what the run bar shows anyway (a general refusal, the translator's problem).
    /// </summary>
    public string? RunRefusal => _refused switch
    {
        null or RequestField.General or RequestField.Translation => null,
        RequestField.Images => Slots.Values.FirstOrDefault() ?? For(RequestField.Images),
        { } refused => For(refused),
    };

    public void Set(RequestField field, string message) => _fields[field] = message;

    public void Clear(RequestField field) => _fields.Remove(field);

    public void ClearSlots() => Slots = new Dictionary<int, string>();

    public void Clear()
    {
        _fields.Clear();
        ClearSlots();
        _refused = null;
    }

    /// <summary>A Run refused for <paramref name="error"/>: shown against its field and in the run bar.</summary>
    public void Refuse(RequestError error)
    {
        Show(error);
        _refused = error.Field;
    }

    public void Show(RequestError error)
    {
        if (error is { Field: RequestField.Images, ImageNumber: int number })
        {
            Slots = new Dictionary<int, string> { [number] = error.Message };
        }
        else
        {
            _fields[error.Field] = error.Message;
        }
    }

    /// <summary>Shows why a job failed against the field it names, so its inputs can be fixed and run again.</summary>
    public void ShowFrom(JobRecord job)
    {
        if (job.Outcome.Error is { } error)
        {
            Show(error);
        }
    }
}
