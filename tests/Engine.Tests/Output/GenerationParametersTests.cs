using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Output;

namespace DreamOmni2.Engine.Tests.Output;

public class GenerationParametersTests
{
    private static readonly GenerationParameters s_parameters = new(
        "make the bag leather", "make the bag in image 1 have the material of image 2", "rules", GenerationMode.Edit,
        12345, 28, 3.5f, new SchemeParameters(true, false), new ImageSize(1024, 768), new PackParameters("tiny", "ab12"), "0.1.0");

    [Fact]
    public void Json_uses_snake_case_and_lower_case_modes()
    {
        string json = s_parameters.ToJson();
        Assert.Contains("\"mode\":\"edit\"", json);
        Assert.Contains("\"engine_version\":\"0.1.0\"", json);
        Assert.Contains("\"scheme\":{\"index\":true,\"shift\":false}", json);
        Assert.Contains("\"size\":{\"width\":1024,\"height\":768}", json);
        Assert.Contains("\"pack\":{\"name\":\"tiny\",\"hash\":\"ab12\"}", json);
    }

    [Fact]
    public void Json_round_trips_through_a_png_parameters_chunk()
    {
        var png = PngEncoder.Encode(new byte[3 * 4], 2, 2, s_parameters.ToJson());
        Assert.Equal(s_parameters, GenerationParameters.FromJson(PngParameters.Read(png)!));
    }
}
