using DreamOmni2.Engine.Text;

namespace DreamOmni2.Engine.Tests.Text;

public class SentencePieceBosPatchTests
{
    [Fact]
    public void A_model_without_bos_gets_the_eos_piece_as_bos()
    {
        var model = File.ReadAllBytes(TestData.Path("Tokenizers", "t5", "spiece.model"));
        Assert.Equal((-1, 1, "</s>"), SentencePieceBosPatch.ReadSpecialIds(model));

        var patched = SentencePieceBosPatch.Apply(model);

        Assert.Equal((1, 1, "</s>"), SentencePieceBosPatch.ReadSpecialIds(patched));
        Assert.Equal(model, patched[..model.Length]);
    }

    [Fact]
    public void A_model_with_bos_is_left_alone()
    {
        byte[] defaults = [];

        Assert.Same(defaults, SentencePieceBosPatch.Apply(defaults));
    }
}
