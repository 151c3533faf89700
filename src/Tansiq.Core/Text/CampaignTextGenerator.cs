using System.Text;

namespace Tansiq.Core.Text;

/// <summary>One generated post: its text, the campaign it copies (-1 for an unrelated post) and whether a word was changed.</summary>
internal readonly record struct GeneratedPost(string Text, int Campaign, bool WordChanged, int Account, double Time);

/// <summary>
/// Generates Arabic copy-paste campaigns in the spelling variants armies use so that no two posts are byte-identical
/// (alef forms, yaa / alef maqsura, taa marbuta / haa, diacritics, tatweel, Arabic-Indic and Persian digits, emoji,
/// reordered hashtags, another link or mention, sometimes a changed word), mixed with unrelated posts. Seeded: the same
/// seed gives the same posts. For tests and benchmarks; not a model of real traffic.
/// </summary>
internal sealed class CampaignTextGenerator
{
    private static readonly string[] Common =
    [
        "الله", "الشعب", "العراق", "الحكومة", "الى", "على", "في", "من", "عن", "هذا", "هذه", "التي", "الذي", "إلى", "أن",
        "إن", "لا", "ما", "كل", "قد", "مع", "بعد", "قبل", "حتى", "أمام", "الوطن", "الفساد", "الانتخابات", "البرلمان",
        "القائد", "السيد", "المقاومة", "الحشد", "التيار", "الإصلاح", "الأمة", "أبناء", "إخوتي", "آراء", "آخر", "أكبر",
        "مستشفى", "مبنى", "معنى", "على", "يرى", "سلمى", "ليلى", "مدينة", "حملة", "ثورة", "دولة", "كلمة", "رسالة",
        "جريمة", "فضيحة", "حقيقة", "الحرية", "الكرامة", "العدالة", "مسؤول", "رئيس", "شيء", "سؤال", "جزائر", "بيئة",
        "قراءة", "مساء", "صباح", "اليوم", "غدا", "الآن", "الأسبوع", "الشهر", "بغداد", "البصرة", "النجف", "كربلاء",
        "الموصل", "أربيل", "ساحة", "التحرير", "المتظاهرين", "الشهداء", "الجرحى", "القناة", "الإعلام", "الكذب", "الحق",
        "نطالب", "نرفض", "ندعو", "نؤيد", "ادعموا", "شاركوا", "انشروا", "الوسم", "حساب", "حسابات", "تويتر", "إغلاق",
        "بلاغ", "بلاغات", "المنصة", "الأجندة", "الخارجية", "العميل", "الخونة", "الأحرار", "النصر", "قريب", "موعدنا",
    ];

    private static readonly string[] Hashtags =
    [
        "#العراق_ينتفض", "#لا_للفساد", "#نازل_آخذ_حقي", "#ادعموا_القائد", "#إغلاق_الحساب", "#الشعب_يريد",
        "#بغداد_الآن", "#كلنا_معك", "#الحقيقة_كاملة", "#أوقفوا_الحملة", "#صوت_الأحرار", "#النجف_الأشرف",
    ];

    private static readonly string[] Emoji = ["🔥", "✌️", "🇮🇶", "❤️", "👇", "💪", "😡", "🙏", "‼️", "👍🏻"];

    private static readonly char[] Harakat = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u064D', '\u064C'];

    private const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _zipf;

    public CampaignTextGenerator(int seed, int vocabulary = 20_000)
    {
        _random = new Random(seed);
        // Real words first (the most frequent), then made-up words from Arabic letters: a long tail like real text's.
        var words = new List<string>(Common.Distinct());
        var seen = new HashSet<string>(words);
        while (words.Count < vocabulary)
        {
            var length = 3 + _random.Next(5);
            var sb = new StringBuilder(length + 2);
            if (_random.Next(3) == 0)
            {
                sb.Append("ال");
            }
            for (var i = 0; i < length; i++)
            {
                sb.Append(Letters[_random.Next(Letters.Length)]);
            }
            if (_random.Next(6) == 0)
            {
                sb.Append('ة');
            }
            if (seen.Add(sb.ToString()))
            {
                words.Add(sb.ToString());
            }
        }
        _vocabulary = [.. words];
        _zipf = new double[_vocabulary.Length];
        double total = 0;
        for (var i = 0; i < _zipf.Length; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 0.9);
            _zipf[i] = total;
        }
        for (var i = 0; i < _zipf.Length; i++)
        {
            _zipf[i] /= total;
        }
    }

    /// <summary>
    /// <paramref name="count"/> posts: a share <paramref name="campaignShare"/> of them copies of
    /// <paramref name="campaigns"/> base texts (each copy in variants), the rest unrelated; shuffled.
    /// </summary>
    public List<GeneratedPost> Generate(int count, int campaigns, double campaignShare, double changedWordRate = 0.2, int accounts = 0)
    {
        accounts = accounts > 0 ? accounts : Math.Max(10, count / 5);
        var bases = new List<(List<string> Words, List<string> Tags)>(campaigns);
        for (var c = 0; c < campaigns; c++)
        {
            bases.Add((Sentence(8 + _random.Next(14)), PickTags(1 + _random.Next(3))));
        }
        var posts = new List<GeneratedPost>(count);
        var campaignPosts = campaigns == 0 ? 0 : (int)(count * campaignShare);
        for (var i = 0; i < count; i++)
        {
            var time = _random.NextDouble() * 7 * 86_400;
            if (i < campaignPosts)
            {
                // Campaign sizes vary: a few large, many small.
                var c = (int)(campaigns * Math.Pow(_random.NextDouble(), 2));
                var changed = _random.NextDouble() < changedWordRate;
                posts.Add(new GeneratedPost(Variant(bases[c].Words, bases[c].Tags, changed), c, changed, _random.Next(accounts), time));
            }
            else
            {
                var words = Sentence(5 + _random.Next(20));
                var tags = _random.Next(3) == 0 ? PickTags(1) : [];
                posts.Add(new GeneratedPost(Render(words, tags, plain: true), -1, false, _random.Next(accounts), time));
            }
        }
        for (var i = posts.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (posts[i], posts[j]) = (posts[j], posts[i]);
        }
        return posts;
    }

    /// <summary>The base text of a campaign copy with only spelling variants applied (no word changed): for normaliser tests.</summary>
    public (string Plain, string Variant) SpellingVariantPair()
    {
        var words = Sentence(6 + _random.Next(10));
        var tags = PickTags(2);
        return (Render(words, tags, plain: true), Variant(words, tags, changeWord: false));
    }

    /// <summary>A campaign copy of an existing text (a real tweet as the base): respelled, decorated, maybe one word changed.</summary>
    public string Respelled(string text, bool changeWord)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (changeWord && words.Count > 0)
        {
            words[_random.Next(words.Count)] = ZipfWord();
        }
        var spelled = words.Select(w => w.Contains('@', StringComparison.Ordinal) || w.Contains("http", StringComparison.OrdinalIgnoreCase) ? w : Respell(w)).ToList();
        return Render(spelled, [], plain: false);
    }

    private List<string> Sentence(int length)
    {
        var words = new List<string>(length);
        for (var i = 0; i < length; i++)
        {
            words.Add(ZipfWord());
        }
        if (_random.Next(4) == 0)
        {
            words.Insert(_random.Next(words.Count), (2000 + _random.Next(30)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return words;
    }

    private string ZipfWord()
    {
        var u = _random.NextDouble();
        var i = Array.BinarySearch(_zipf, u);
        return _vocabulary[Math.Min(i < 0 ? ~i : i, _vocabulary.Length - 1)];
    }

    private List<string> PickTags(int n)
    {
        var tags = new List<string>(n);
        while (tags.Count < n)
        {
            var t = Hashtags[_random.Next(Hashtags.Length)];
            if (!tags.Contains(t))
            {
                tags.Add(t);
            }
        }
        return tags;
    }

    private string Variant(List<string> baseWords, List<string> baseTags, bool changeWord)
    {
        var words = new List<string>(baseWords);
        if (changeWord)
        {
            words[_random.Next(words.Count)] = ZipfWord();
        }
        var tags = new List<string>(baseTags);
        for (var i = tags.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (tags[i], tags[j]) = (tags[j], tags[i]);
        }
        var spelled = new List<string>(words.Count);
        foreach (var w in words)
        {
            spelled.Add(Respell(w));
        }
        var text = Render(spelled, tags, plain: false);
        return text;
    }

    /// <summary>One of the spellings a writer (or a script) might use for the same word.</summary>
    private string Respell(string word)
    {
        var sb = new StringBuilder(word.Length * 2);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var last = i == word.Length - 1;
            c = c switch
            {
                'ا' or 'أ' or 'إ' or 'آ' when i == 0 || (i == 2 && word.StartsWith("ال", StringComparison.Ordinal)) =>
                    "اأإآ"[_random.Next(4)],
                'ي' or 'ى' when last => _random.Next(2) == 0 ? 'ي' : 'ى',
                'ة' or 'ه' when last => _random.Next(2) == 0 ? 'ة' : 'ه',
                >= '0' and <= '9' => _random.Next(3) switch { 0 => c, 1 => (char)('\u0660' + (c - '0')), _ => (char)('\u06F0' + (c - '0')) },
                _ => c,
            };
            sb.Append(c);
            if (c is >= '\u0621' and <= '\u064A' && _random.Next(5) == 0)
            {
                sb.Append(Harakat[_random.Next(Harakat.Length)]);
            }
            if (!last && c is >= '\u0628' and <= '\u064A' and not 'د' and not 'ذ' and not 'ر' and not 'ز' and not 'و' && _random.Next(12) == 0)
            {
                sb.Append('\u0640', 1 + _random.Next(3));
            }
        }
        return sb.ToString();
    }

    private string Render(List<string> words, List<string> tags, bool plain)
    {
        var sb = new StringBuilder();
        if (!plain && _random.Next(3) == 0)
        {
            sb.Append("@user").Append(_random.Next(10_000)).Append(' ');
        }
        foreach (var w in words)
        {
            sb.Append(w).Append(' ');
            if (!plain && _random.Next(15) == 0)
            {
                sb.Append(Emoji[_random.Next(Emoji.Length)]).Append(' ');
            }
        }
        foreach (var t in tags)
        {
            sb.Append(t).Append(' ');
        }
        if (!plain)
        {
            if (_random.Next(2) == 0)
            {
                sb.Append(Emoji[_random.Next(Emoji.Length)]);
            }
            if (_random.Next(2) == 0)
            {
                sb.Append(" https://t.co/").Append(_random.Next(1_000_000).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString().Trim();
    }
}
