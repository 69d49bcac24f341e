using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Translation.Vlm;

namespace DreamOmni2.Translation.Tests.Vlm;

public sealed class BucketResizeImagePreparerTests
{
    private static readonly ImageSize[] Buckets = [new(128, 128), new(160, 96), new(96, 160)];

    [Fact]
    public async Task The_vlm_sees_each_image_at_the_bucket_the_diffusion_model_uses()
    {
        var wide = new TranslationImage(PngEncoder.Encode(new byte[300 * 170 * 3], 300, 170), "image/png");
        var preparer = new BucketResizeImagePreparer(Buckets, ImageLimits.Default);

        var prepared = await preparer.PrepareAsync(wide, 1, CancellationToken.None);

        Assert.Equal("image/png", prepared.ContentType);
        var decoded = ImageDecoder.Decode(prepared.Bytes.Span, ImageLimits.Default, 1);
        Assert.Equal(new ImageSize(160, 96), decoded.Size);
    }

    [Fact]
    public async Task A_broken_image_is_refused_with_its_number()
    {
        var broken = new TranslationImage(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, "image/png");
        var preparer = new BucketResizeImagePreparer(Buckets, ImageLimits.Default);

        var error = await Assert.ThrowsAsync<ImageInputException>(() => preparer.PrepareAsync(broken, 2, CancellationToken.None).AsTask());

        Assert.Equal(2, error.ImageNumber);
    }
}
