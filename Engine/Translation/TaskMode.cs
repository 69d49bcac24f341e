namespace DreamOmni2.Engine.Translation;

/// <summary>The two DreamOmni2 tasks: in an edit, image 1 is the image being edited; in a generation every image is a reference.</summary>
public enum TaskMode
{
    Edit,
    Generate,
}
