namespace DreamOmni2.DataFactory.Tasks;

/// <summary>The four tasks of the shape world; the numeric values are the task codes of the stream format.</summary>
public enum TaskKind
{
    Edit = 0,
    Generate = 1,
    TextEdit = 2,
    TextToImage = 3,
}

public static class TaskKinds
{
    /// <summary>The task's name in files and on the command line ("edit", "generate", "text_edit", "text_to_image").</summary>
    public static string Name(this TaskKind task) => task switch
    {
        TaskKind.Edit => "edit",
        TaskKind.Generate => "generate",
        TaskKind.TextEdit => "text_edit",
        TaskKind.TextToImage => "text_to_image",
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
