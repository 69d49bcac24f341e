using DreamOmni2.Components.Recall;
using DreamOmni2.Components.Tests.Support;

namespace DreamOmni2.Components.Tests.Recall;

public sealed class SettingsOfferTests : MudContext
{
    [Fact]
    public void Offers_the_settings_a_png_carries_with_what_was_left_out()
    {
        int recalled = 0, dismissed = 0;
        var offer = Render<SettingsOffer>(p => p
            .Add(o => o.Offer, new SettingsOfferText("star.png", "A1111-style", ["prompt “a red star”", "seed 123", "20 steps"], ["not used here: Sampler"]))
            .Add(o => o.OnRecall, () => recalled++).Add(o => o.OnDismiss, () => dismissed++));

        Assert.Contains("star.png says how it was made (A1111-style)", offer.Find("[data-testid=settings-offer]").TextContent);
        Assert.Equal("prompt “a red star” · seed 123 · 20 steps", offer.Find("[data-testid=settings-offer-settings]").TextContent);
        Assert.Equal("not used here: Sampler", offer.Find("[data-testid=settings-offer-note]").TextContent);
        offer.Find("button[data-testid=settings-offer-recall]").Click();
        offer.Find("button[data-testid=settings-offer-dismiss]").Click();
        Assert.Equal((1, 1), (recalled, dismissed));
    }

    [Fact]
    public void A_text_with_nothing_usable_says_why_and_offers_nothing_to_recall()
    {
        var offer = Render<SettingsOffer>(p => p.Add(o => o.Offer, new SettingsOfferText("photo.png", "", [], ["the parameters text is empty"])));

        Assert.Contains("no settings could be read from it", offer.Markup);
        Assert.Contains("the parameters text is empty", offer.Find("[data-testid=settings-offer-note]").TextContent);
        Assert.Empty(offer.FindAll("[data-testid=settings-offer-recall]"));
    }
}
