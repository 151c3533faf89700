using System.Text;

namespace Tansiq.Core.Simulation;

/// <summary>
/// Arabic text for the simulated world: word pools for organic chatter, sentence pools for each actor, and the spelling
/// variants that copy-paste campaigns use to slip past exact matching.
/// </summary>
internal static class ArabicText
{
    public static readonly string[] OrganicWords =
    [
        "اليوم", "بغداد", "العراق", "الكهرباء", "الماء", "الجامعة", "المباراة", "المنتخب", "الطقس", "الحر", "البرد", "الصباح",
        "المساء", "الجمعة", "الحمد", "لله", "السوق", "الأسعار", "الدولار", "الدينار", "الرواتب", "الموظفين", "الطلاب",
        "الامتحانات", "الشارع", "الزحام", "السيارات", "الطريق", "البصرة", "الموصل", "النجف", "كربلاء", "أربيل", "الناصرية",
        "الكوت", "الحلة", "الأصدقاء", "العائلة", "الأهل", "البيت", "الشاي", "الفطور", "الغداء", "العشاء", "الكتاب", "القراءة",
        "الدوام", "العطلة", "السفر", "المطار", "الحدود", "الصحة", "المستشفى", "الدواء", "الطبيب", "كورونا", "اللقاح", "الزيارة",
        "الحسين", "العباس", "الصلاة", "الدعاء", "الخير", "السلام", "الأمل", "الصبر", "الحياة", "الناس", "الشباب", "البنات",
        "الأطفال", "المدرسة", "المعلم", "الحكومة", "البرلمان", "الانتخابات", "المرشحين", "الفساد", "الخدمات", "المشاريع",
        "النفط", "الموازنة", "البطالة", "التعيين", "الوظيفة", "الشركة", "العمل", "الراحة", "النوم", "الليل", "القمر", "الشمس",
        "المطر", "الغبار", "العاصفة", "دجلة", "الفرات", "الجسر", "الكورنيش", "المتنبي", "الكاظمية", "الأعظمية", "الكرادة",
        "المنصور", "الزوراء", "الشرطة", "الجيش", "الأمن", "الحرية", "الوطن", "التاريخ", "الثقافة", "الفن", "الموسيقى", "الشعر",
        "الرياضة", "الدوري", "الجوية", "الزوراء", "الطلبة", "الشرطة", "هدف", "فوز", "خسارة", "جميل", "صعب", "سهل", "كبير",
        "صغير", "جديد", "قديم", "أحلى", "أجمل", "والله", "يعني", "هسه", "شكد", "ماكو", "اكو", "زين", "حيل", "كلش", "شنو",
        "ليش", "منو", "وين", "باچر", "البارحة", "إن", "شاء", "الله", "يا", "رب", "على", "في", "من", "إلى", "مع", "عن", "بعد",
        "قبل", "كل", "هذا", "هذه", "التي", "الذي", "لكن", "لأن", "حتى", "أيضا", "جدا", "فقط", "دائما", "أبدا", "ربما",
    ];

    public static readonly string[] OrganicHashtags =
    [
        "العراق", "بغداد", "الكهرباء", "المنتخب_العراقي", "كورونا", "الدولار", "الامتحانات_الوزارية", "البصرة", "الموصل",
        "النجف", "كربلاء", "الدوري_العراقي", "الرواتب", "الموازنة", "العراق_ينتفض", "الطقس", "شارع_المتنبي", "دجلة",
        "الانتخابات_المبكرة", "اللقاح", "تشرين", "الحشد", "الشباب", "صباح_الخير", "جمعة_مباركة",
    ];

    public static readonly string[] NewsDomains =
    [
        "www.shafaq.com/ar/news/", "www.alsumaria.tv/news/", "www.rudaw.net/arabic/middleeast/iraq/", "www.ina.iq/",
        "ultrairaq.ultrasawt.com/", "www.964media.com/", "www.alhurra.com/iraq/", "www.aljazeera.net/news/",
    ];

    public static readonly string[] Emoji = ["🇮🇶", "❤️", "🔥", "👇", "✌️", "💪", "🙏", "👏", "✅", "‼️", "🌹", "💯"];

    public static readonly string[] LeaderOpenings =
    [
        "بسمه تعالى", "بسم الله الرحمن الرحيم", "إلى الإخوة المؤمنين", "إلى أحبتي في العراق", "تنبيه", "على بركة الله",
    ];

    public static readonly string[] LeaderBodies =
    [
        "على الجميع الالتزام بالهدوء وعدم الانجرار وراء الفتن", "الإصلاح مستمر ولن نتراجع عن حماية الوطن",
        "نرفض التدخل الخارجي في شؤون العراق من أي جهة كانت", "على المؤمنين المشاركة الواسعة في الانتخابات القادمة",
        "لا لحكومة الفساد والمحاصصة", "الوطن أمانة في أعناقكم فحافظوا عليه", "نبارك للشعب العراقي هذه المناسبة الكريمة",
        "أوجه الإخوة بالابتعاد عن السلاح والعنف", "إن الحق لا يضيع ما دام وراءه مطالب", "ندعو إلى حماية المتظاهرين السلميين",
        "لن نسمح لأحد بالمساس بهيبة الدولة", "الإعلام المأجور لن ينال من عزيمتنا", "على الحكومة توفير الخدمات للمواطنين فورا",
        "نحمل الجهات المسؤولة ما يحدث من فوضى", "الصبر مفتاح الفرج والنصر قريب",
    ];

    public static readonly string[] LeaderClosings = ["والسلام", "ودمتم", "والله ولي التوفيق", "والعاقبة للمتقين", ""];

    public static readonly string[] CommanderBodies =
    [
        "توجيه من سماحته إلى الإخوة", "نشر لتوجيهات القائد", "تعميم على جميع الأحبة", "هام وعاجل للجميع",
        "تنبيه للإخوة المؤمنين", "بيان من المكتب", "رد على حملات التشويه",
    ];

    public static readonly string[] CampaignBodies =
    [
        "الحملة المغرضة ضد القائد لن تمر وسنبقى أوفياء له", "إعلام مأجور يحاول تشويه صورة التيار الوطني",
        "القائد خط أحمر ولا نقبل الإساءة إليه", "كلنا فداء للوطن وللقائد", "المندسون يريدون الفتنة ونحن لهم بالمرصاد",
        "حقيقة ما جرى في ساحة التحرير ينشرها الإعلام الحر", "لا للقنوات المأجورة التي تبث الأكاذيب",
        "الحملة الإلكترونية ضد القائد فاشلة", "نطالب بغلق القنوات التي تحرض على الفتنة", "هذه هي الحقيقة التي يخفونها عنكم",
        "التيار أكبر من حملاتكم الرخيصة", "شاهدوا كيف يكذب الإعلام على الناس",
    ];

    public static readonly string[] CampaignHashtagPool =
    [
        "القائد_خط_أحمر", "كلنا_مع_القائد", "الإعلام_المأجور", "لا_لحظر_القائد", "التيار_أكبر", "فاشلة_حملتكم", "نحن_الأغلبية",
        "أوفياء_للقائد",
    ];

    public static readonly string[] FakeNewsHeadlines =
    [
        "عاجل: وثائق تكشف تمويل السفارة للحملة ضد القائد", "فضيحة: صحفي معروف يتلقى أموالا من جهات خارجية",
        "بالوثائق: القناة الأمريكية تدير حسابات وهمية", "مصدر: اعتقال مندسين في ساحة التحرير بحوزتهم أموال",
        "تسريب: اجتماع سري لتشويه صورة التيار", "عاجل: منظمة أجنبية وراء حملة حظر الحسابات",
        "خطير: ناشطون يعترفون بتلقي الدعم من الخارج", "حصري: أسماء المتورطين في الحملة ضد القائد",
    ];

    public static readonly string[] FakeNewsDomains = ["iraq-alhaqiqa.net", "sada-alhaq.info", "akhbar-alwatan.org", "alhadath-news24.com"];

    public static readonly string[] Accusations =
    [
        "أنت عميل للسفارة وكل الناس تعرف ذلك", "كم قبضت يا مرتزق على هذا الكلام", "صحفي مأجور يبيع ضميره بالدولار",
        "هذا الحساب يدار من الخارج لا تصدقوه", "اسكت يا مندس لن تنال من القائد", "أقلام مأجورة تحاول إشعال الفتنة",
        "تاريخك معروف يا خائن", "بلغوا عن هذا الحساب المحرض",
    ];

    public static readonly string[] FanPileOnPhrases =
    [
        "اسكت", "القائد تاج راسك", "من أنت حتى تتكلم", "الله يهديك", "كلامك مردود عليك", "روح اقرا التاريخ", "عيب عليك",
        "احترم نفسك", "نحن معه للموت", "لا تتجاوز حدودك", "ما تفهم شي", "كلنا فداه", "ما نسمح لك", "تعلم الأدب",
        "وين كنت أنت", "حسابك مشبوه", "سوف تندم", "القائد خط أحمر", "يا جاهل", "أنت لا تمثل العراقيين",
    ];

    public static readonly string[] CriticPhrases =
    [
        "أين الإصلاح الذي وعدتم به", "الفساد مستمر والشعب يدفع الثمن", "من قتل المتظاهرين يجب أن يحاسب",
        "لا أحد فوق القانون", "التناقض في المواقف أصبح واضحا", "السلاح المنفلت يهدد الدولة", "القبعات الزرق اعتدت على الساحات",
        "نريد دولة لا ميليشيات", "الحسابات الوهمية لن تغير الحقيقة", "حرية التعبير حق للجميع",
    ];

    public static readonly string[] MilitiaBodies =
    [
        "المقاومة مستمرة حتى خروج آخر جندي أجنبي", "لن نسلم السلاح", "نحذر من التمادي على فصائل المقاومة",
        "الرد سيكون قاسيا", "بيان بخصوص الأحداث الأخيرة", "دماء الشهداء لن تذهب هدرا",
    ];

    public static readonly string[] AbusivePhrases =
    [
        "يا حيوان", "ألعن أبوك", "أنت حقير", "يا كلب", "سأجدك وأكسر رأسك", "ابن الشوارع", "يا وسخ", "انقلع", "أنت تافه وقذر",
        "راح أفضحك", "يا زبالة", "ملعون",
    ];

    public static readonly string[] FirstNames =
    [
        "ali", "hussein", "mohammed", "ahmed", "zainab", "fatima", "mustafa", "haider", "abbas", "karrar", "sajjad", "zahraa",
        "noor", "hassan", "omar", "yasir", "ammar", "muntadhar", "murtadha", "mariam", "sara", "hawraa", "ayat", "rusul",
        "saif", "hayder", "baqir", "jaafar", "kadhim", "layla", "huda", "israa", "dhuha", "tabarak", "yousif", "ibrahim",
        "salam", "kareem", "raed", "wisam", "zaid", "maitham", "hamza", "qasim", "nabaa", "aya", "shahad", "ghufran",
    ];

    public static readonly string[] Surnames =
    [
        "iraqi", "baghdadi", "saadi", "jubouri", "tamimi", "rubaie", "shammari", "khafaji", "obaidi", "maliki", "hashimi",
        "musawi", "bayati", "zubaidi", "ameri", "kaabi", "lami", "asadi", "hilli", "najafi", "basri", "karbalai", "mosuli",
    ];

    private static readonly char[] AlefForms = ['ا', 'أ', 'إ', 'آ'];

    /// <summary>Fatha, damma, kasra, sukun, shadda, tanween: marks a copy-paster adds or drops freely.</summary>
    private static readonly char[] Diacritics = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651', '\u064B', '\u064D'];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["الحملة"] = "الهجمة",
        ["القائد"] = "السيد",
        ["مأجور"] = "مدفوع",
        ["الإعلام"] = "الاعلام",
        ["لن"] = "لا",
        ["ضد"] = "على",
        ["كلنا"] = "جميعنا",
        ["الحقيقة"] = "الحقائق",
        ["الفتنة"] = "الفوضى",
        ["عاجل:"] = "عاجل!",
        ["يا"] = "ياا",
    };

    public const char Tatweel = 'ـ';

    public static string OrganicSentence(Random rng, int minWords = 5, int maxWords = 13)
    {
        var n = rng.Next(minWords, maxWords + 1);
        var sb = new StringBuilder(n * 7);
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }
            sb.Append(OrganicWords[rng.Next(OrganicWords.Length)]);
        }
        if (rng.Chance(0.25))
        {
            sb.Append(' ').Append(Emoji[rng.Next(Emoji.Length)]);
        }
        return sb.ToString();
    }

    public static string Compose(Random rng, string[] phrases, int minPhrases, int maxPhrases, double emojiChance)
    {
        var n = rng.Next(minPhrases, maxPhrases + 1);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                sb.Append(rng.Chance(0.5) ? " " : "، ");
            }
            sb.Append(phrases[rng.Next(phrases.Length)]);
        }
        if (rng.Chance(emojiChance))
        {
            sb.Append(' ').Append(Emoji[rng.Next(Emoji.Length)]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A copy of <paramref name="text"/> as a copy-paster would post it: a few of alef forms, final yaa/alef maqsura,
    /// taa marbuta/haa, diacritics, tatweel, Arabic-Indic digits, an emoji, or one word changed.
    /// </summary>
    public static string Variant(Random rng, string text)
    {
        var variant = OneVariant(rng, text);
        // a variant that came out unchanged (no word the transforms apply to) gets a diacritic or an emoji instead
        return variant != text ? variant
            : OneVariant(rng, text) is var second && second != text ? second
            : text + " " + Emoji[rng.Next(Emoji.Length)];
    }

    private static string OneVariant(Random rng, string text)
    {
        var words = text.Split(' ');
        var transforms = 1 + rng.Next(3);
        for (var t = 0; t < transforms; t++)
        {
            switch (rng.Next(8))
            {
                case 0:
                    ForSomeWords(rng, words, w => w.Length > 1 && Array.IndexOf(AlefForms, w[0]) >= 0 && w[0] != 'آ'
                        ? (w[0] == 'ا' ? AlefForms[1 + rng.Next(2)] : 'ا') + w[1..]
                        : w);
                    break;
                case 1:
                    ForSomeWords(rng, words, w => w.Length > 1 && w[^1] == 'ي' ? w[..^1] + "ى" : w.Length > 1 && w[^1] == 'ى' ? w[..^1] + "ي" : w);
                    break;
                case 2:
                    ForSomeWords(rng, words, w => w.Length > 1 && w[^1] == 'ة' ? w[..^1] + "ه" : w);
                    break;
                case 3:
                    ForSomeWords(rng, words, w => InsertAt(rng, w, Diacritics[rng.Next(Diacritics.Length)]));
                    break;
                case 4:
                    ForSomeWords(rng, words, w => w.Length > 3 && IsArabicLetter(w[1]) ? InsertAt(rng, w, Tatweel) : w);
                    break;
                case 5:
                    ForSomeWords(rng, words, ToArabicIndicDigits, 1.0);
                    break;
                case 6:
                    {
                        var i = rng.Next(words.Length);
                        if (Synonyms.TryGetValue(words[i], out var other))
                        {
                            words[i] = other;
                        }
                        else if (words.Length > 4)
                        {
                            words[i] = "";
                        }
                        break;
                    }
                default:
                    words[^1] = words[^1] + " " + Emoji[rng.Next(Emoji.Length)];
                    break;
            }
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var w in words)
        {
            if (w.Length == 0)
            {
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(w);
        }
        return sb.ToString();
    }

    public static string ToArabicIndicDigits(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9')
            {
                chars[i] = (char)('٠' + (chars[i] - '0'));
            }
        }
        return new string(chars);
    }

    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' && c != Tatweel;

    private static void ForSomeWords(Random rng, string[] words, Func<string, string> change, double share = 0.4)
    {
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (rng.Chance(share))
            {
                var before = words[i];
                words[i] = change(words[i]);
                changed |= !ReferenceEquals(before, words[i]) && before != words[i];
            }
        }
        if (!changed && words.Length > 0)
        {
            // make sure a variant differs when it can: try every word once
            for (var i = 0; i < words.Length && !changed; i++)
            {
                var before = words[i];
                words[i] = change(words[i]);
                changed = before != words[i];
            }
        }
    }

    private static string InsertAt(Random rng, string w, char mark)
    {
        var letters = 0;
        foreach (var c in w)
        {
            if (IsArabicLetter(c))
            {
                letters++;
            }
        }
        if (letters < 2)
        {
            return w;
        }
        // after a letter that is not the last one, so a tatweel stays inside the word
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var i = 1 + rng.Next(w.Length - 1);
            if (IsArabicLetter(w[i - 1]) && IsArabicLetter(w[i]))
            {
                return w[..i] + mark + w[i..];
            }
        }
        return w;
    }
}
