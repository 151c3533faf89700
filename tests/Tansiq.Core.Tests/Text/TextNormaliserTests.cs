using Tansiq.Core.Text;

namespace Tansiq.Core.Tests.Text;

public class TextNormaliserTests
{
    [Theory]
    [InlineData("أَهْلاً وَسَهْلاً", "اهلا وسهلا")]
    [InlineData("مُحَمَّدٌ رَسُولُ", "محمد رسول")]
    [InlineData("الـــجميلة جـداً", "الجميله جدا")]
    [InlineData("أحمد إبراهيم آمن ٱلله", "احمد ابراهيم امن الله")]
    [InlineData("مستشفى المدينة على", "مستشفي المدينه علي")]
    [InlineData("مسؤول شيئ", "مسوول شيي")]
    [InlineData("هٰذَا ذَٰلِكَ", "هذا ذلك")]
    [InlineData("کتاب یا", "كتاب يا")]
    [InlineData("ھذا ہذا", "هذا هذا")]
    public void Normalise_ArabicSpellingVariants_FoldToOneForm(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Fact]
    public void Normalise_QuranicMarksAndHighHamza_AreDropped()
    {
        // U+06D6 (small high ligature sad with lam with alef maksura) and U+06E5 (small waw) are Quranic annotations.
        // The superscript alef goes too, so the Quranic spelling keeps no alef: "الكتب", not the modern "الكتاب".
        Assert.Equal("الكتب لا ريب", TextNormaliser.Normalise("ٱلْكِتَٰبُ لَا رَيْبَۛ\u06D6 \u06E5"));
    }

    [Fact]
    public void Normalise_DecomposedHamza_MatchesComposedForm()
    {
        // alef + combining hamza above (U+0654) is what NFD makes of U+0623; both must become bare alef.
        Assert.Equal(TextNormaliser.Normalise("أحمد"), TextNormaliser.Normalise("ا\u0654حمد"));
        Assert.Equal("احمد", TextNormaliser.Normalise("ا\u0654حمد"));
    }

    [Theory]
    [InlineData("٢٠١٩ ۲۰۱۹ 2019", "2019 2019 2019")]
    [InlineData("عام ١٤٤٢هـ", "عام 1442ه")]
    [InlineData("ＡＢＣ１２", "abc12")]
    [InlineData("①②", "12")]
    public void Normalise_Digits_BecomeAscii(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Theory]
    [InlineData("ﻻ ﺇﻟﻪ", "لا اله")]
    [InlineData("ﷲ", "الله")]
    [InlineData("ﺍﻟﻌﺮﺍﻕ", "العراق")]
    public void Normalise_PresentationForms_BecomeBaseLetters(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Theory]
    [InlineData("Café ÉLAN Straße", "cafe elan straße")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("THE Army", "the army")]
    [InlineData("ﬁnal", "final")]
    public void Normalise_Latin_LowerCasedWithoutAccents(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Theory]
    [InlineData("@user_1 مرحبا 🔥 بكم https://t.co/abc www.example.com", "مرحبا بكم")]
    [InlineData("شاهد الصور:http://t.co/QycneVR7pp الآن", "شاهد الصور الان")]
    [InlineData("RT @Some_One: hello.world!", "rt hello world")]
    [InlineData("مرحبا👍🏻بكم ❤️", "مرحبا بكم")]
    [InlineData("  a \t\n  b\u00A0c  ", "a b c")]
    [InlineData("", "")]
    [InlineData("🔥🔥 !!", "")]
    public void Normalise_UrlsMentionsEmojiAndSpace_DroppedOrCollapsed(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Theory]
    [InlineData("#العراق_ينتفض #لا_للفساد", "العراق ينتفض لا للفساد")]
    [InlineData("نص#وسم_أول", "نص وسم اول")]
    public void Normalise_Hashtags_BecomeTheirWords(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Fact]
    public void Normalise_ReorderedHashtags_SameWordSet()
    {
        var a = TextNormaliser.Normalise("نص الحملة #العراق_ينتفض #لا_للفساد").Split(' ').ToHashSet();
        var b = TextNormaliser.Normalise("نص الحملة #لا_للفساد #العراق_ينتفض").Split(' ').ToHashSet();
        Assert.True(a.SetEquals(b));
    }

    [Fact]
    public void AddWordHashes_SameWordsAsNormalise()
    {
        const string text = "أَهْلاً @x بالجميع 🔥 #وسم_أول ١٢٣ Café https://t.co/x";
        var expected = TextNormaliser.Normalise(text).Split(' ').Select(w => TextNormaliser.HashWord(w)).ToList();
        var hashes = new List<ulong>();
        new TextNormaliser().AddWordHashes(text, hashes);
        Assert.Equal(expected, hashes);
    }

    [Fact]
    public void AddWordHashes_AfterWarmUp_AllocatesNothing()
    {
        const string text = "أَهْلاً وَسَهْلاً بالـــجميع في مستشفى المدينة ١٢٣ 🔥 #العراق_ينتفض https://t.co/x @user ﻻ Café";
        var normaliser = new TextNormaliser();
        var hashes = new List<ulong>(256);
        normaliser.AddWordHashes(text, hashes);
        hashes.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            hashes.Clear();
            normaliser.AddWordHashes(text, hashes);
        }
        var after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
    }

    [Fact]
    public void Normalise_GeneratedSpellingVariants_SameWordSetAsPlainText()
    {
        // The generator applies only spelling variants here (alef forms, yaa/maqsura, taa marbuta, diacritics, tatweel,
        // digits, emoji, mentions, links, reordered hashtags): the word sets must be equal, every time.
        var generator = new CampaignTextGenerator(seed: 7);
        for (var i = 0; i < 500; i++)
        {
            var (plain, variant) = generator.SpellingVariantPair();
            var a = TextNormaliser.Normalise(plain).Split(' ').ToHashSet();
            var b = TextNormaliser.Normalise(variant).Split(' ').ToHashSet();
            Assert.True(a.SetEquals(b), $"'{plain}' vs '{variant}'");
        }
    }
}
