using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Server.Jobs;

/// <summary>Places an engine error next to the control it concerns.</summary>
public static class JobErrors
{
    public static JobError From(Exception error) => error switch
    {
        ImageInputException image => new JobError(InputField.Images, image.Message, image.ImageNumber),
        _ => new JobError(InputField.General, error.Message),
    };
}
