using DreamOmni2.Translation.Vlm;
using Microsoft.Extensions.Configuration;

namespace DreamOmni2.Translation.Tests.Vlm;

public sealed class VlmTranslatorOptionsTests
{
    [Fact]
    public void Binds_from_its_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Translation:Vlm:Endpoint"] = "http://localhost:8000/v1",
            ["Translation:Vlm:Model"] = "DreamOmni2-VLM",
            ["Translation:Vlm:ApiKey"] = "secret",
            ["Translation:Vlm:Timeout"] = "00:00:45",
            ["Translation:Vlm:MaxRetries"] = "5",
            ["Translation:Vlm:MaxOutputTokens"] = "1024",
        }).Build();

        var options = configuration.GetSection(VlmTranslatorOptions.SectionName).Get<VlmTranslatorOptions>()!;

        Assert.Equal(new VlmTranslatorOptions
        {
            Endpoint = new Uri("http://localhost:8000/v1"),
            Model = "DreamOmni2-VLM",
            ApiKey = "secret",
            Timeout = TimeSpan.FromSeconds(45),
            MaxRetries = 5,
            MaxOutputTokens = 1024,
        }, options);
        Assert.True(options.IsConfigured);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Defaults_follow_the_official_scripts_and_need_an_endpoint()
    {
        var options = new VlmTranslatorOptions();

        Assert.Equal(4096, options.MaxOutputTokens);
        Assert.False(options.IsConfigured);
        Assert.False(new VlmTranslatorOptions { Endpoint = new Uri("http://localhost:8000/v1") }.IsConfigured);
    }

    [Fact]
    public void Unusable_values_are_each_named()
    {
        var options = new VlmTranslatorOptions { Timeout = TimeSpan.Zero, MaxRetries = -1, MaxOutputTokens = 0 };

        Assert.Equal(
        [
            "Translation:Vlm:Endpoint must be an absolute address such as http://localhost:8000/v1",
            "Translation:Vlm:Model must name the model the server serves",
            "Translation:Vlm:Timeout must be positive, not 00:00:00",
            "Translation:Vlm:MaxRetries must be 0 or more, not -1",
            "Translation:Vlm:MaxOutputTokens must be positive, not 0",
        ], options.Problems());
        var thrown = Assert.Throws<ArgumentException>(() => VlmChatClientFactory.Create(options));
        Assert.Contains("Translation:Vlm:Timeout must be positive", thrown.Message);
    }
}
