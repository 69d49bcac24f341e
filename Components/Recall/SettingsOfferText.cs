namespace DreamOmni2.Components.Recall;

/// <summary>What a dropped or chosen PNG says about how it was made, in words, for the offer to recall it.</summary>
/// <param name="FileName">The file, as its owner named it.</param>
/// <param name="Source">Who made it: "DreamOmni2 Playground", "A1111-style", "SwarmUI"; empty when not known.</param>
/// <param name="Settings">Each setting that can be recalled ("seed 123", "20 steps"); empty when none can.</param>
/// <param name="Notes">What was left out and why.</param>
public sealed record SettingsOfferText(string FileName, string Source, IReadOnlyList<string> Settings, IReadOnlyList<string> Notes);
