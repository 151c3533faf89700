using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Simulation;

public class ArabicTextTests
{
    [Fact]
    public void Variant_CampaignTexts_AlmostAlwaysDifferFromTheOriginal()
    {
        var rng = new Random(5);
        var same = 0;
        var total = 0;
        foreach (var text in ArabicText.CampaignBodies)
        {
            for (var i = 0; i < 50; i++)
            {
                total++;
                same += ArabicText.Variant(rng, text) == text ? 1 : 0;
            }
        }
        Assert.True(same <= total / 20, $"{same} of {total} variants equal their original");
    }

    [Fact]
    public void Variant_ManyDraws_UseEveryKindOfSpellingChange()
    {
        var rng = new Random(9);
        var text = "إعلام مأجور يحاول تشويه صورة التيار الوطني في 2021 على القناة";
        var variants = Enumerable.Range(0, 400).Select(_ => ArabicText.Variant(rng, text)).ToList();
        Assert.Contains(variants, v => v.Contains("اعلام", StringComparison.Ordinal));           // alef with hamza dropped
        Assert.Contains(variants, v => v.Contains("القناه", StringComparison.Ordinal));          // taa marbuta -> haa
        Assert.Contains(variants, v => v.Contains("علي ", StringComparison.Ordinal) || v.EndsWith("علي", StringComparison.Ordinal)); // alef maqsura -> yaa
        Assert.Contains(variants, v => v.Contains('ـ'));                                        // tatweel
        Assert.Contains(variants, v => v.Any(c => c is >= '\u064B' and <= '\u0652'));            // diacritics
        Assert.Contains(variants, v => v.Contains("٢٠٢١", StringComparison.Ordinal));            // Arabic-Indic digits
        Assert.Contains(variants, v => ArabicText.Emoji.Any(e => v.Contains(e, StringComparison.Ordinal)));
    }

    [Fact]
    public void ToArabicIndicDigits_WesternDigits_Converted()
    {
        Assert.Equal("عام ٢٠١٩ و٣", ArabicText.ToArabicIndicDigits("عام 2019 و3"));
    }
}
