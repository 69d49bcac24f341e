using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Tests.Jobs;

public sealed class JobErrorsTests
{
    [Fact]
    public void An_image_error_belongs_to_the_image_it_names()
    {
        var error = JobErrors.From(new ImageInputException(ImageInputError.Truncated, 2, "image 2 is cut short or damaged"));

        Assert.Equal(new RequestError(RequestField.Images, "image 2 is cut short or damaged", 2), error);
    }

    [Fact]
    public void Any_other_error_is_shown_with_the_job()
    {
        Assert.Equal(new RequestError(RequestField.General, "the graph failed"), JobErrors.From(new InvalidOperationException("the graph failed")));
    }
}
