#!/usr/bin/env python3
"""Independent test-world generator for coordination detection (standard library only).

Usage: gen.py --seed N --out DIR
Writes DIR/messages.csv (tansiq-csv), DIR/truth.csv (account_id,role,group) and DIR/params.json.

Every behaviour is drawn per seed from wide ranges; see describe() / params.json for what a world holds.
Roles: organic, fan, friend, news_reader, publisher (hard negatives / declared coordination) and
army_scheduler, army_human, sockpuppet, relay, hashtag_gamer, producer (coordinated positives).
"""
import argparse
import bisect
import csv
import datetime
import json
import math
import os
import random

TWEPOCH = 1288834974657
BAGHDAD = 3 * 3600

WORDS = """
العراق بغداد الشعب الحكومة البرلمان الانتخابات الفساد الوطن الشباب الحرية السيادة الكهرباء الماء الرواتب
الموازنة الوزير الرئيس الكتلة التيار الحشد المقاومة الاحتلال السفارة امريكا ايران تركيا الخليج البصرة النجف
كربلاء الموصل اربيل الناصرية الانبار ديالى كركوك الحلة العمارة الكوت السماوة الديوانية حق قرار موقف بيان
مظاهرة ساحة التحرير ثورة تشرين الشهداء الجرحى الامن القوات المتظاهرين الاعلام القناة الخبر المصدر عاجل
كبير عظيم جديد حقيقي واضح مهم خطير اخير اول كامل شعبي وطني رسمي دولي محلي سياسي اقتصادي
يريد نريد قال اكد اعلن طالب رفض دعا يجب نطالب نرفض ندعم نحذر يكشف تكشف وصل بدأ انتهى عاد خرج دخل
المرجعية الدستور القانون المحكمة القضاء النزاهة الصدر الخضراء المنطقة الحدود النفط الدولار السوق الاسعار
الشتاء الصيف المطر الحر الجامعة الطلاب المدرسة المستشفى الصحة كورونا اللقاح الكرة المنتخب الدوري الزوراء
الشرطة الجوية الطلبة الجمهور الملعب المباراة هدف فوز خسارة الله الحمد رمضان الجمعة العيد صباح مساء
الخير النور اهلنا اخوتنا الناس البلد المستقبل الماضي التاريخ الكرامة العدالة الظلم الحقيقة الكذب الفتنة
""".split()

FUNC = """في من على الى عن مع هذا هذه الذي التي كل لا لم لن قد ان لكن او ثم حتى بعد قبل اليوم الان هنا
هناك نحن هم انتم و يا ما هل متى كيف لماذا جدا فقط ايضا""".split()

EMOJI = ["❤️", "🤍", "🇮🇶", "✌️", "🙏", "😂", "😢", "🔥", "👏", "💔", "😡", "🌹", "👇", "✅", "‼️"]

FAN_PHRASES = ["لبيك يا سيد", "نعم نعم للقائد", "سمعا وطاعة", "الله يحفظك سيدنا", "كلنا معك", "تاج راسنا",
               "بوركت سيدي", "صدقت والله", "احسنت سيدنا", "الله ينصرك", "فدوة لك", "رهن اشارتك",
               "نحن جنودك", "على راسي", "الله يحفظك ويرعاك"]

ATTACK = ["ذيل", "عميل السفارة", "مأجور", "اخرس", "جوكر", "كذاب", "ابن السفارة", "خائن", "مرتزق", "بوق"]

FIRST = """ali hussein hasan mohammed ahmed abbas kadhim haider mustafa karrar sajjad muntadhar ammar yasir omar
zaid noor zainab fatima maryam sara huda rusul ban murtadha hamza jaafar qassim salam saif tiba zahraa ruqaya
aya israa hiba duaa layla amir baqir hadi mahdi jawad kamil laith osama firas wisam""".split()
LAST = """iraqi baghdadi saadi jubouri maliki asadi kaabi dulaimi obaidi hashimi tamimi rubaie shammari
musawi hakim khafaji zubaidi lami janabi bahadli hilli najafi basri karbalai mosuli""".split()

OUTLETS = [("السومرية", "alsumaria.tv", "AlsumariaTV"), ("شفق نيوز", "shafaq.com", "ShafaqNews"),
           ("رووداو", "rudaw.net", "RudawArabic"), ("بغداد اليوم", "baghdadtoday.news", "BaghdadToday"),
           ("الفرات نيوز", "alforatnews.iq", "AlforatNews"), ("واع", "ina.iq", "INA_NEWS"),
           ("الجزيرة", "aljazeera.net", "AJArabic"), ("العربية", "alarabiya.net", "AlArabiya"),
           ("الحرة عراق", "alhurra.com", "alhurra_iraq"), ("الشرقية", "alsharqiya.com", "alsharqiyatv"),
           ("دجلة", "dijlah.tv", "dijlahtv"), ("يو تي في", "utv.iq", "UTViraq"),
           ("964", "964media.com", "964arabic"), ("ناس نيوز", "nasnews.com", "NasNews"),
           ("المدى", "almadapaper.net", "almadapaper")]
OTHER_DOMAINS = ["youtube.com/watch?v=", "facebook.com/watch/?v=", "instagram.com/p/", "t.me/s/",
                 "tiktok.com/@x/video/", "news.google.com/articles/"]
CAMPAIGN_DOMAINS = ["haqiqa-iraq.com", "sawt-alshaab.net", "iraq-alyawm.org", "alwaie-news.com",
                    "nabd-alshaab.net", "mirsad-iq.com", "alhadath24.info", "wattan-now.com"]

# local-hour activity (Baghdad); index = local hour
BASE_HOURS = [0.40, 0.28, 0.17, 0.10, 0.06, 0.05, 0.07, 0.13, 0.25, 0.40, 0.52, 0.60,
              0.64, 0.66, 0.66, 0.70, 0.75, 0.80, 0.86, 0.94, 1.00, 1.00, 0.90, 0.65]

POSITIVE = {"army_scheduler", "army_human", "sockpuppet", "relay", "hashtag_gamer", "producer"}


def snowflake(t, low):
    return str(((int(t * 1000) - TWEPOCH) << 22) | (low & 0x3FFFFF))


class Acc:
    __slots__ = ("idx", "id", "uname", "role", "group", "act", "pop", "w_orig", "w_rt", "w_rep", "nmsg")

    def __init__(self, idx, aid, uname, role, group):
        self.idx, self.id, self.uname, self.role, self.group = idx, aid, uname, role, group
        self.act = self.pop = 1.0
        self.w_orig = self.w_rt = self.w_rep = 0.0
        self.nmsg = 0


class World:
    def __init__(self, seed):
        self.seed = seed
        r = self.r = random.Random(seed * 7919 + 17)
        self.P = {"seed": seed}
        self.msgs = []          # [t, acc_idx, rt, reply, text, urls, tags, mentions, minute_clock]
        self.accs = []
        self.ids = set()
        self.unames = set()
        self.rt_seen = set()
        self.ext_low = 3_500_000
        # --- global parameters ---
        self.n_target = int(math.exp(r.uniform(math.log(2000), math.log(15000))))
        self.days = r.randint(3, 14)
        y = r.randint(2019, 2024)
        d0 = datetime.datetime(y, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(days=r.randint(0, 350))
        self.start = int(d0.timestamp()) - BAGHDAD          # local midnight
        self.end = self.start + self.days * 86400
        per_acc_day = math.exp(r.uniform(math.log(0.4), math.log(12)))
        m = self.n_target * self.days * per_acc_day
        m = max(22000, min(280000, m))
        self.m_target = int(m)
        self.coarse = r.random() < 0.2
        self.ts_format = r.choices(["unix", "iso", "iso_space", "unix_frac"], [0.55, 0.2, 0.1, 0.15])[0]
        self.rt_style = r.choices(["full", "text_only", "empty"], [0.45, 0.2, 0.35])[0]
        sh = r.randint(-1, 1)
        gamma = r.uniform(0.5, 1.6)
        self.hour_w = [BASE_HOURS[(h - sh) % 24] ** gamma for h in range(24)]
        self.day_w = [r.uniform(0.6, 1.4) for _ in range(self.days)]
        # a larger vocabulary: base words with Arabic clitics/suffixes (function words first = most frequent)
        forms = set()
        for w0 in WORDS:
            stem = w0[2:] if w0.startswith("ال") else w0
            for pre, suf in [("", ""), ("و", ""), ("ب", ""), ("ل", ""), ("ف", ""), ("", "ها"), ("", "هم"),
                             ("", "نا"), ("", "ات"), ("", "ين"), ("و", "ها"), ("ال", "ي"), ("", "ي")]:
                if (pre or suf) and r.random() < 0.6:
                    base = w0 if pre in ("و", "ب", "ف") else stem
                    if suf and base.endswith("ة"):
                        base = base[:-1] + "ت"
                    forms.add(pre + base + suf)
        content = WORDS + sorted(forms - set(WORDS))
        r.shuffle(content)
        fn = FUNC[:]
        r.shuffle(fn)
        self.vocab = fn + content
        zexp = r.uniform(0.8, 1.1)
        cw, acc = [], 0.0
        for i in range(len(self.vocab)):
            acc += 1.0 / (i + 1) ** zexp
            cw.append(acc)
        self.vcum = cw
        self.emoji_p = r.uniform(0.05, 0.5)
        self.tag_pool = [self.new_tag() for _ in range(r.randint(20, 120))]
        tcw, acc = [], 0.0
        te = r.uniform(0.7, 1.5)
        for i in range(len(self.tag_pool)):
            acc += 1.0 / (i + 1) ** te
            tcw.append(acc)
        self.tag_cum = tcw
        self.articles = []      # (t, url, headline, msg_idx or None)
        self.article_t = []
        self.P.update(n_target=self.n_target, days=self.days, start=d0.strftime("%Y-%m-%d"), m_target=self.m_target,
                      coarse=self.coarse, ts_format=self.ts_format, rt_style=self.rt_style,
                      diurnal_gamma=round(gamma, 2))

    # ---------------- helpers ----------------
    def lu(self, a, b):
        return math.exp(self.r.uniform(math.log(a), math.log(b)))

    def w_at(self, t):
        return self.hour_w[int(((t + BAGHDAD) % 86400) // 3600)]

    def awake(self, t, strength=1.0):
        return self.r.random() < self.w_at(t) ** strength

    def sample_time(self, days=None, hour_w=None):
        r = self.r
        if days is None:
            d = r.choices(range(self.days), self.day_w)[0]
        else:
            d = r.choice(days)
        h = r.choices(range(24), hour_w or self.hour_w)[0]
        return self.start + d * 86400 + h * 3600 + r.uniform(0, 3600)

    def human_delay(self, median, sigma, lo=3.0):
        return max(lo, median * math.exp(self.r.gauss(0, sigma)))

    def react_time(self, t0, median, sigma, tries=6, strength=1.0, lo=3.0):
        for _ in range(tries):
            t = t0 + self.human_delay(median, sigma, lo)
            if t >= self.end:
                continue
            if self.awake(t, strength):
                return t
        return None

    def words(self, k):
        return " ".join(self.r.choices(self.vocab, cum_weights=self.vcum, k=k))

    def text(self, lo=3, hi=28):
        r = self.r
        k = max(lo, min(hi, int(r.lognormvariate(math.log(10), 0.6))))
        s = self.words(k)
        if r.random() < self.emoji_p:
            s += " " + "".join(r.choices(EMOJI, k=r.randint(1, 3)))
        if r.random() < 0.03:
            s = s.replace(" ", "\n", 1)
        if r.random() < 0.03:
            s = "«" + s + "»"
        return s

    def new_tag(self):
        r = self.r
        ws = [w for w in r.sample(WORDS, r.randint(1, 3))]
        t = "_".join(ws)
        if r.random() < 0.15:
            t += str(r.randint(1, 99))
        return t

    def mutate(self, s):
        r = self.r
        op = r.randint(0, 6)
        ws = s.split(" ")
        if op == 0 and len(ws) > 2:
            ws[r.randrange(len(ws))] = r.choice(self.vocab)
        elif op == 1:
            ws.append(r.choice(EMOJI))
        elif op == 2 and len(ws) > 3:
            del ws[r.randrange(len(ws))]
        elif op == 3:
            ws.insert(r.randrange(len(ws) + 1), r.choice(FUNC))
        elif op == 4:
            s2 = " ".join(ws)
            a, b = r.choice([("ة ", "ه "), ("ى", "ي"), ("أ", "ا"), ("إ", "ا"), ("ا", "أ"), ("ي ", "ى ")])
            s2 = s2.replace(a, b, r.randint(1, 3))
            return s2 if s2 != s else s + "."
        elif op == 5:
            ws.append(r.choice(["!!", "...", "؟", "!", "."]))
        else:
            i = r.randrange(len(ws))
            w = ws[i]
            if len(w) > 2 and not w.startswith("#"):
                j = r.randrange(1, len(w))
                ws[i] = w[:j] + "ـ" + w[j:]
            else:
                ws.append(r.choice(EMOJI))
        return " ".join(ws)

    def pick_tag(self):
        return self.r.choices(self.tag_pool, cum_weights=self.tag_cum)[0]

    def new_uname(self, fresh=False):
        r = self.r
        for _ in range(100):
            f, l = r.choice(FIRST), r.choice(LAST)
            if fresh:
                u = f + r.choice(["", "_", l[:3]]) + str(r.randint(10 ** 7, 10 ** 8 - 1))
            else:
                style = r.randint(0, 5)
                if style == 0:
                    u = f + "_" + l
                elif style == 1:
                    u = f + l + str(r.randint(1, 999))
                elif style == 2:
                    u = f.capitalize() + l.capitalize()
                elif style == 3:
                    u = l + "_" + f + str(r.randint(70, 2005))
                elif style == 4:
                    u = f + str(r.randint(1, 99999))
                else:
                    u = "the_" + f + "_" + l[:4]
            u = u[:15]
            if u.lower() not in self.unames:
                self.unames.add(u.lower())
                return u
        u = "u" + str(len(self.unames)) + str(r.randint(0, 99999))
        self.unames.add(u.lower())
        return u

    def add_acc(self, role, group="", fresh=False, created=None, uname=None):
        r = self.r
        while True:
            if fresh:
                ct = created if created is not None else self.start - r.uniform(1, 60) * 86400
                aid = snowflake(ct, r.getrandbits(22))
            elif r.random() < 0.5:
                aid = str(r.randint(10 ** 6, 3 * 10 ** 9))
            else:
                ct = r.uniform(1.46e9, self.start - 90 * 86400)
                aid = snowflake(ct, r.getrandbits(22))
            if aid not in self.ids:
                self.ids.add(aid)
                break
        if uname is None:
            uname = self.new_uname(fresh)
        else:
            self.unames.add(uname.lower())
        a = Acc(len(self.accs), aid, uname, role, group)
        self.accs.append(a)
        return a

    def emit(self, t, a, rt=None, rp=None, text="", urls=(), tags=(), ments=(), minute=False):
        if t >= self.end or t < self.start - 1:
            return None
        self.msgs.append([t, a.idx, rt, rp, text, list(urls), list(tags), list(ments), minute])
        a.nmsg += 1
        return len(self.msgs) - 1

    def post(self, t, a, text=None, tags=(), urls=(), ments=(), minute=False):
        """An original post; hashtags/urls/mentions also written into the text."""
        s = text if text is not None else self.text()
        if ments:
            s = " ".join("@" + m for m in ments) + " " + s
        for tg in tags:
            if "#" + tg not in s:
                s = s + " #" + tg if self.r.random() < 0.7 else "#" + tg + " " + s
        for u in urls:
            s = s + " " + u
        return self.emit(t, a, text=s, urls=urls, tags=tags, ments=ments, minute=minute)

    def repost(self, t, a, target, minute=False):
        """target: internal message index (original) or external tuple (id, uname, text, tags, urls, t)."""
        key = (a.idx, target if isinstance(target, int) else target[0])
        if key in self.rt_seen:
            return None
        if isinstance(target, int):
            m = self.msgs[target]
            if m[1] == a.idx or t < m[0]:
                return None
            au = self.accs[m[1]].uname
            ot, otags, ourls = m[4], m[6], m[5]
        else:
            if t < target[5]:
                return None
            au, ot, otags, ourls = target[1], target[2], target[3], target[4]
        self.rt_seen.add(key)
        if self.rt_style == "empty":
            return self.emit(t, a, rt=target, minute=minute)
        txt = ("RT @%s: %s" % (au, ot))[:160]
        if self.rt_style == "full":
            return self.emit(t, a, rt=target, text=txt, tags=otags, urls=ourls, ments=[au], minute=minute)
        return self.emit(t, a, rt=target, text=txt, minute=minute)

    def reply(self, t, a, target, text=None, tags=(), minute=False):
        m = self.msgs[target]
        if t < m[0]:
            return None
        au = self.accs[m[1]].uname
        s = text if text is not None else self.text(2, 18)
        s = "@" + au + " " + s
        for tg in tags:
            s += " #" + tg
        return self.emit(t, a, rp=target, text=s, tags=tags, ments=[au], minute=minute)

    def article_url(self, domain):
        r = self.r
        kind = r.randint(0, 2)
        if kind == 0:
            return "https://www.%s/news/%d/" % (domain, r.randint(100000, 999999))
        if kind == 1:
            return "https://%s/ar/%d" % (domain, r.randint(10 ** 6, 10 ** 7))
        return "https://www.%s/%d/%02d/%d.html" % (domain, r.randint(2019, 2024), r.randint(1, 12),
                                                   r.randint(1000, 99999))

    def organic_url(self, t):
        r = self.r
        if self.articles and r.random() < self.p_article:
            i = bisect.bisect_right(self.article_t, t)
            if i > 0:
                j = max(0, i - 1 - int(r.expovariate(1 / 15.0)))
                return self.articles[j][1]
        d = r.choice(OTHER_DOMAINS)
        if d.startswith("youtube") or d.startswith("facebook"):
            return "https://www." + d + "".join(r.choices("abcdefghijkLMNOPqrstuvwxyz0123456789_-", k=11))
        if r.random() < 0.5:
            return self.article_url(r.choice(OUTLETS)[1])
        return "https://" + d + str(r.randint(10 ** 8, 10 ** 10))

    def organic_extras(self, t, p_tag, p_url):
        r = self.r
        tags, urls = [], []
        if r.random() < p_tag:
            tags.append(self.pick_tag())
            if r.random() < 0.3:
                tags.append(self.pick_tag())
            tags = list(dict.fromkeys(tags))
        if r.random() < p_url:
            urls.append(self.organic_url(t))
        return tags, urls

    # ---------------- world building ----------------
    def build(self):
        r = self.r
        n = self.n_target
        # budgets (shares of the message target)
        self.has_coord = r.random() >= 0.2
        self.p_tag = r.uniform(0.05, 0.45)
        self.p_url = r.uniform(0.03, 0.3)
        self.p_article = r.uniform(0.15, 0.7)   # share of organic links that point at in-data outlet articles
        # activity distribution
        if r.random() < 0.5:
            sig = r.uniform(0.9, 2.0)
            actf = lambda: r.lognormvariate(0, sig)
            self.P["activity"] = "lognormal(sigma=%.2f)" % sig
        else:
            al = r.uniform(1.1, 2.2)
            actf = lambda: r.paretovariate(al)
            self.P["activity"] = "pareto(alpha=%.2f)" % al
        alpha_pop = r.uniform(1.1, 2.2)
        self.actf = actf
        self.alpha_pop = alpha_pop

        # --- coordinated groups plan (accounts first so sizes are known) ---
        self.groups = []
        coord_share = r.uniform(0.03, 0.3) if self.has_coord else 0.0
        self.coord_budget = self.m_target * coord_share
        max_coord_accs = int(n * r.uniform(0.02, 0.2))
        if self.has_coord:
            ng = r.choices([1, 2, 3, 4, 5, 6], [0.3, 0.25, 0.18, 0.12, 0.08, 0.07])[0]
            types = r.choices(["scheduler", "human", "sockpuppet", "relay", "hashtag_game"],
                              [0.3, 0.25, 0.17, 0.13, 0.15], k=ng)
            self.groups = [{"type": t, "gid": "G%d" % (i + 1)} for i, t in enumerate(types)]
        # --- leader / celebrities ---
        self.celebs = []
        nonpos_budget = n - 0
        if r.random() < 0.75:
            self.celebs.append({"kind": "leader", "fans": int(min(self.lu(100, 3000), 0.25 * n))})
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            self.celebs.append({"kind": "celebrity", "fans": int(min(self.lu(50, 1500), 0.12 * n))})
        # --- publishers ---
        n_out = 0 if r.random() < 0.2 else r.randint(1, 8)
        self.outlets = []
        for o in r.sample(OUTLETS, n_out):
            self.outlets.append({"name": o[0], "domain": o[1], "base": o[2], "k": r.choice([1, 2, 2, 3, 4])})
        # --- friend groups ---
        friend_total = int(n * r.uniform(0.0, 0.15))
        self.friend_groups = []
        tot = 0
        while tot < friend_total:
            sz = int(self.lu(3, 40.99))
            self.friend_groups.append(sz)
            tot += sz
        news_readers = int(n * r.uniform(0.0, 0.12)) if self.outlets else 0

        # create accounts: publishers
        self.pub_accs = []
        for i, o in enumerate(self.outlets):
            accs = []
            suffixes = ["", "_Breaking", "_Iraq", "Live", "_EN", "_News"]
            for j in range(o["k"]):
                a = self.add_acc("publisher", "outlet_" + o["base"], uname=(o["base"] + suffixes[j])[:15])
                a.pop = r.uniform(20, 200)
                accs.append(a)
            o["accs"] = accs
        # celebs
        for c in self.celebs:
            a = self.add_acc("organic")
            a.pop = r.uniform(50, 400)
            a.act = 1.0
            c["acc"] = a
        # the rest: plain pool of non-positive accounts
        used = len(self.accs)
        fans_n = sum(c["fans"] for c in self.celebs)
        pool_n = max(n - used - min(max_coord_accs, n // 5) if self.has_coord else n - used, 500)
        pool = []
        for _ in range(pool_n):
            a = self.add_acc("organic")
            a.act = actf()
            a.pop = r.paretovariate(alpha_pop) * (a.act ** r.uniform(0.0, 0.5))
            pref = [r.lognormvariate(0, 0.8) for _ in range(3)]
            a.w_orig, a.w_rt, a.w_rep = a.act * pref[0], a.act * pref[1], a.act * pref[2]
            pool.append(a)
        self.pool = pool
        order = pool[:]
        r.shuffle(order)
        k = 0
        # fans (disjoint across celebrities)
        for c in self.celebs:
            nf = min(c["fans"], max(0, len(order) - k - 50))
            c["fan_accs"] = order[k:k + nf]
            k += nf
            for a in c["fan_accs"]:
                a.role = "fan"
            c["fans"] = nf
        self.friend_accs = []
        for gi, sz in enumerate(self.friend_groups):
            if k + sz > len(order) - 50:
                break
            g = order[k:k + sz]
            k += sz
            for a in g:
                a.role = "friend"
                a.group = "F%d" % (gi + 1)
            self.friend_accs.append(g)
        self.friend_groups = [len(g) for g in self.friend_accs]
        nr = min(news_readers, max(0, len(order) - k - 50))
        self.readers = order[k:k + nr]
        for a in self.readers:
            a.role = "news_reader"
        k += nr
        self.coord_room = max(0, n - len(self.accs))
        self.P.update(has_coord=self.has_coord, coord_budget=int(self.coord_budget),
                      celebs=[(c["kind"], c["fans"]) for c in self.celebs],
                      outlets=[(o["base"], o["k"]) for o in self.outlets],
                      friend_groups=len(self.friend_accs), friends=sum(self.friend_groups),
                      news_readers=len(self.readers))

        # ---------- content ----------
        self.gen_publishers()
        self.gen_celeb_posts()
        n_orig = int(self.m_target * r.uniform(0.12, 0.35))
        self.gen_organic_originals(n_orig)
        self.gen_breaking()
        # coordinated groups before organic reactions so organic users may also repost producers
        self.pos_accs = []
        if self.has_coord:
            per = self.split_budget(self.coord_budget, len(self.groups))
            for g, b in zip(self.groups, per):
                room = max(self.coord_room, 12)
                before = len(self.accs)
                self.gen_group(g, b, room)
                self.coord_room -= len(self.accs) - before
        self.gen_fans()
        self.gen_friends()
        self.gen_readers()
        self.gen_viral()
        self.gen_organic_reactions()
        self.ensure_presence()

    def split_budget(self, total, k):
        ws = [self.r.uniform(0.3, 1.0) for _ in range(k)]
        s = sum(ws)
        return [total * w / s for w in ws]

    # ---- publishers: scheduled identical posts on sibling accounts ----
    def gen_publishers(self):
        r = self.r
        if not self.outlets:
            return
        budget = self.m_target * r.uniform(0.01, 0.08)
        per_out = budget / len(self.outlets)
        arts = []
        for o in self.outlets:
            per_day = min(r.uniform(5, 60), per_out / (o["k"] * self.days))
            per_day = max(per_day, 2)
            n_art = int(per_day * self.days)
            mode = r.choice(["same_second", "same_second", "offsets"])
            o["per_day"] = round(per_day, 1)
            for _ in range(n_art):
                t = self.sample_time()
                url = self.article_url(o["domain"])
                head = self.text(5, 16)
                if r.random() < 0.3:
                    head = "عاجل | " + head
                tags = [self.pick_tag()] if r.random() < 0.3 else []
                first = None
                for j, a in enumerate(o["accs"]):
                    tt = t if (mode == "same_second" or j == 0) else t + r.uniform(0, 5)
                    txt = head if j == 0 or r.random() < 0.7 else self.mutate(head)
                    mi = self.post(tt, a, text=txt, tags=tags, urls=[url])
                    if first is None:
                        first = mi
                    if mi is not None and r.random() < 0.1:   # re-scheduled later
                        t2 = tt + r.uniform(2, 12) * 3600
                        self.post(t2, a, text=txt, tags=tags, urls=[url])
                if first is not None:
                    arts.append((t, url, head, first, o))
        arts.sort(key=lambda x: x[0])
        self.articles = arts
        self.article_t = [a[0] for a in arts]

    # ---- celebrity / leader posts ----
    def gen_celeb_posts(self):
        r = self.r
        for c in self.celebs:
            per_day = r.uniform(1, 12)
            evening = [w * (2.0 if 17 <= h <= 23 else 1.0) for h, w in enumerate(self.hour_w)]
            c["posts"] = []
            own_tag = self.new_tag()
            for _ in range(max(2, int(per_day * self.days))):
                t = self.sample_time(hour_w=evening)
                tags = [own_tag] if r.random() < 0.3 else ([self.pick_tag()] if r.random() < 0.2 else [])
                urls = [self.organic_url(t)] if r.random() < 0.1 else []
                mi = self.post(t, c["acc"], tags=tags, urls=urls)
                if mi is not None:
                    c["posts"].append(mi)
            c["per_day"] = round(per_day, 1)

    # ---- organic originals ----
    def gen_organic_originals(self, n_orig):
        r = self.r
        pool = self.pool
        cw = []
        s = 0.0
        for a in pool:
            s += a.w_orig
            cw.append(s)
        authors = r.choices(pool, cum_weights=cw, k=n_orig)
        # recurring common phrases (greetings, prayers): identical texts posted independently
        common = [self.words(r.randint(2, 5)) for _ in range(r.randint(3, 15))]
        p_common = r.uniform(0.0, 0.05)
        for a in authors:
            t = self.sample_time()
            if r.random() < p_common:
                self.post(t, a, text=r.choice(common))
                continue
            tags, urls = self.organic_extras(t, self.p_tag, self.p_url)
            self.post(t, a, tags=tags, urls=urls)

    # ---- breaking news hashtags adopted by thousands within minutes ----
    def gen_breaking(self):
        r = self.r
        nb = r.choices([0, 1, 2, 3, 4], [0.3, 0.3, 0.2, 0.1, 0.1])[0]
        self.P["breaking"] = []
        eligible = self.pool
        for _ in range(nb):
            A = int(min(self.lu(300, 3000), 0.4 * len(eligible)))
            t0 = self.sample_time()
            if t0 > self.end - 6 * 3600:
                t0 -= 6 * 3600
            tag = self.new_tag() + "_" + r.choice(["الان", "عاجل", "انفجار", "حريق", "زلزال", "اغتيال"])
            mean = r.uniform(2, 15) * 60
            urls = [self.article_url(o["domain"]) for o in self.outlets[:3]] or [self.article_url("shafaq.com")]
            adopters = r.sample(eligible, A)
            firsts = []
            for a in adopters:
                t = t0 + r.expovariate(1 / mean)
                for k in range(1 + (r.random() < 0.4) + (r.random() < 0.15)):
                    u = [r.choice(urls)] if r.random() < 0.3 else []
                    tg = [tag] + ([self.pick_tag()] if r.random() < 0.2 else [])
                    mi = self.post(t, a, tags=tg, urls=u)
                    if mi is not None and k == 0 and t - t0 < 600:
                        firsts.append(mi)
                    t += r.expovariate(1 / (r.uniform(0.5, 3) * 3600))
            # reposts of early posts
            for _ in range(int(A * r.uniform(0.2, 1.0))):
                if not firsts:
                    break
                tgt = r.choice(firsts[:50])
                a = r.choice(eligible)
                tt = self.msgs[tgt][0] + r.expovariate(1 / mean) * r.uniform(1, 3)
                self.repost(tt, a, tgt)
            self.P["breaking"].append(A)

    # ---- viral moments ----
    def gen_viral(self):
        r = self.r
        nv = r.choices([0, 1, 2, 3, 4], [0.3, 0.3, 0.2, 0.1, 0.1])[0]
        self.P["viral"] = []
        for _ in range(nv):
            V = int(min(self.lu(500, 5000), 0.5 * len(self.pool)))
            author = r.choice(self.pool)
            t0 = self.sample_time()
            if t0 > self.end - 4 * 3600:
                t0 -= 4 * 3600
            mi = self.post(t0, author, tags=[self.pick_tag()] if r.random() < 0.5 else [])
            if mi is None:
                continue
            lag = r.uniform(0, 600)
            mean = r.uniform(3, 20) * 60
            for a in r.sample(self.pool, V):
                if r.random() < 0.1:
                    tt = t0 + lag + self.human_delay(3 * 3600, 1.0)
                else:
                    tt = t0 + lag + r.expovariate(1 / mean)
                if r.random() < 0.08:
                    self.reply(tt, a, mi)
                else:
                    self.repost(tt, a, mi)
            self.P["viral"].append(V)

    # ---- fans of leader / celebrities ----
    def gen_fans(self):
        r = self.r
        budget = self.m_target * r.uniform(0.05, 0.25)
        for c in self.celebs:
            fans = c["fan_accs"]
            if not fans or not c["posts"]:
                continue
            pm = r.uniform(0.05, 0.5)
            conc = r.uniform(0.8, 5)
            fast_share = r.uniform(0.05, 0.35)
            slow_share = r.uniform(0.1, 0.5)
            fast_med = r.uniform(5, 45)
            mid_med = r.uniform(2, 15) * 60
            slow_med = r.uniform(1, 6) * 3600
            p_reply = r.uniform(0.03, 0.3)
            posts = c["posts"]
            exp_msgs = len(posts) * len(fans) * pm * (1 + p_reply)
            share = budget / max(1, len(self.celebs))
            if exp_msgs > share:
                keep = max(3, int(len(posts) * share / exp_msgs))
                posts = sorted(r.sample(posts, min(keep, len(posts))))
                if len(posts) * len(fans) * pm * (1 + p_reply) > 2 * share:
                    pm = max(0.02, share / (len(posts) * len(fans) * (1 + p_reply)))
            c["fan_part"] = round(pm, 3)
            c["fast_share"] = round(fast_share, 2)
            c["fast_median_s"] = round(fast_med, 1)
            phr = FAN_PHRASES[:]
            r.shuffle(phr)
            phr = phr[:r.randint(4, len(phr))]
            fp = []
            for a in fans:
                p = min(0.98, r.betavariate(pm * conc, (1 - pm) * conc) + 1e-4)
                u = r.random()
                cls = 0 if u < fast_share else (2 if u < fast_share + slow_share else 1)
                fp.append((a, p, cls))
            for mi in posts:
                t0 = self.msgs[mi][0]
                for a, p, cls in fp:
                    if r.random() >= p:
                        continue
                    if cls == 0:
                        tt = t0 + self.human_delay(fast_med, 0.8, lo=2.0)
                        if not self.awake(tt, 0.7):
                            tt = self.react_time(t0, slow_med, 1.0)
                    elif cls == 1:
                        tt = self.react_time(t0, mid_med, 1.0)
                    else:
                        tt = self.react_time(t0, slow_med, 1.2)
                    if tt is None:
                        continue
                    if r.random() < p_reply:
                        txt = r.choice(phr)
                        if r.random() < 0.5:
                            txt += " " + r.choice(EMOJI)
                        self.reply(tt, a, mi, text=txt)
                        if r.random() < 0.4:
                            self.repost(tt + r.uniform(1, 60), a, mi)
                    else:
                        self.repost(tt, a, mi)

    # ---- friend groups ----
    def gen_friends(self):
        r = self.r
        if not self.friend_accs:
            return
        by_author = {}
        for i, m in enumerate(self.msgs):
            if m[2] is None and m[3] is None:
                by_author.setdefault(m[1], []).append(i)
        budget = self.m_target * r.uniform(0.03, 0.15)
        fparams = []
        total_exp = 0.0
        for g in self.friend_accs:
            # friends post more among themselves
            extra = r.uniform(0.5, 4.0)
            for a in g:
                n_more = int(r.expovariate(1.0) * extra * self.days * 0.3)
                for _ in range(n_more):
                    t = self.sample_time()
                    tags, urls = self.organic_extras(t, self.p_tag, self.p_url)
                    mi = self.post(t, a, tags=tags, urls=urls)
                    if mi is not None:
                        by_author.setdefault(a.idx, []).append(mi)
            p = r.uniform(0.15, 0.8)
            med = self.lu(30, 1800)
            sig = r.uniform(0.6, 1.6)
            posts = sum(len(by_author.get(a.idx, [])) for a in g)
            total_exp += posts * (len(g) - 1) * p
            fparams.append((g, p, med, sig))
        scale = min(1.0, budget / max(1.0, total_exp))
        for g, p, med, sig in fparams:
            p *= scale
            eng = {a.idx: r.uniform(0.3, 1.0) for a in g}
            p_rep = r.uniform(0.1, 0.7)
            for a in g:
                for mi in by_author.get(a.idx, []):
                    t0 = self.msgs[mi][0]
                    for b in g:
                        if b is a or r.random() >= p * eng[b.idx]:
                            continue
                        tt = self.react_time(t0, med, sig, strength=0.6)
                        if tt is None:
                            continue
                        if r.random() < p_rep:
                            ri = self.reply(tt, b, mi)
                            if ri is not None and r.random() < 0.5:   # the author answers
                                t2 = self.react_time(tt, med, sig, strength=0.6)
                                if t2 is not None:
                                    self.reply(t2, a, ri)
                        else:
                            self.repost(tt, b, mi)

    # ---- news readers ----
    def gen_readers(self):
        r = self.r
        if not self.readers or not self.articles:
            return
        budget = self.m_target * r.uniform(0.02, 0.1)
        pm = r.uniform(0.005, 0.08)
        exp_msgs = len(self.readers) * len(self.articles) * pm
        if exp_msgs > budget:
            pm *= budget / exp_msgs
        fast_share = r.uniform(0.05, 0.3)
        fast_med = r.uniform(40, 300)
        slow_med = r.uniform(0.5, 3) * 3600
        p_share = r.uniform(0.2, 0.7)
        rd = [(a, min(0.9, pm * r.lognormvariate(0, 0.8)), r.random() < fast_share) for a in self.readers]
        for (t0, url, head, mi, o) in self.articles:
            for a, p, fast in rd:
                if r.random() >= p:
                    continue
                tt = self.react_time(t0, fast_med if fast else slow_med, 0.9 if fast else 1.3, strength=0.8)
                if tt is None:
                    continue
                if r.random() < p_share:
                    txt = head + " " + url + " via @" + o["accs"][0].uname   # share button: identical texts
                    self.emit(tt, a, text=txt, urls=[url], ments=[o["accs"][0].uname])
                else:
                    self.repost(tt, a, mi)

    # ---- organic reposts and replies: fill the message budget ----
    def gen_organic_reactions(self):
        r = self.r
        remaining = self.m_target - len(self.msgs)
        remaining = max(remaining, int(0.15 * self.m_target))
        share_rep = r.uniform(0.1, 0.4)
        n_rep = int(remaining * share_rep)
        n_rt = remaining - n_rep
        ext_share = r.uniform(0.0, 0.25)
        self.P["ext_share"] = round(ext_share, 2)
        rt_med = self.lu(10 * 60, 4 * 3600)
        rt_sig = r.uniform(1.2, 2.3)
        rep_med = self.lu(3 * 60, 2 * 3600)
        f_follow = r.uniform(0.3, 0.85)
        aud_c = r.uniform(3, 40)
        pool = self.pool
        cw_rt, cw_rep, s1, s2 = [], [], 0.0, 0.0
        for a in pool:
            s1 += a.w_rt
            cw_rt.append(s1)
            s2 += a.w_rep
            cw_rep.append(s2)
        # targets: all originals in the file so far
        origs = [i for i, m in enumerate(self.msgs) if m[2] is None and m[3] is None]
        wts, s = [], 0.0
        for i in origs:
            s += self.accs[self.msgs[i][1]].pop * r.lognormvariate(0, 1.0)
            wts.append(s)
        audiences = {}

        def audience(ai):
            au = audiences.get(ai)
            if au is None:
                size = int(min(len(pool) * 0.5, 5 + aud_c * self.accs[ai].pop))
                au = r.choices(pool, cum_weights=cw_rt, k=max(1, size))
                audiences[ai] = au
            return au

        # external posts (outside the collection) reposted by many
        ext = []
        n_ext = r.randint(100, 2000)
        for j in range(n_ext):
            te = r.uniform(self.start - 2 * 86400, self.end - 3600)
            self.ext_low += 1
            tags = [self.pick_tag()] if r.random() < 0.3 else []
            ext.append((snowflake(te, self.ext_low), self.new_uname(), self.text(), tags, [], te))
        ecw, s = [], 0.0
        for j in range(n_ext):
            s += 1.0 / (j + 1) ** 0.9
            ecw.append(s)

        rt_targets = r.choices(origs, cum_weights=wts, k=n_rt)
        for tgt in rt_targets:
            if r.random() < ext_share:
                e = r.choices(ext, cum_weights=ecw)[0]
                a = r.choices(pool, cum_weights=cw_rt)[0]
                tt = self.react_time(max(e[5], self.start), rt_med, rt_sig)
                if tt is not None:
                    self.repost(tt, a, e)
                continue
            m = self.msgs[tgt]
            if r.random() < f_follow:
                a = r.choice(audience(m[1]))
            else:
                a = r.choices(pool, cum_weights=cw_rt)[0]
            tt = self.react_time(m[0], rt_med, rt_sig)
            if tt is not None:
                self.repost(tt, a, tgt)
        first_replies = []
        rep_targets = r.choices(origs, cum_weights=wts, k=int(n_rep * 0.75))
        for tgt in rep_targets:
            m = self.msgs[tgt]
            a = r.choice(audience(m[1])) if r.random() < f_follow else r.choices(pool, cum_weights=cw_rep)[0]
            if a.idx == m[1]:
                continue
            tt = self.react_time(m[0], rep_med, 1.6)
            if tt is not None:
                ri = self.reply(tt, a, tgt)
                if ri is not None:
                    first_replies.append(ri)
        for _ in range(n_rep - len(rep_targets)):
            if not first_replies:
                break
            ri = r.choice(first_replies)
            m = self.msgs[ri]
            parent = self.msgs[m[3]]
            pa = self.accs[parent[1]]
            # the parent's author answers (news outlets do not answer their commenters)
            a = pa if (r.random() < 0.5 and pa.role != "publisher") else r.choices(pool, cum_weights=cw_rep)[0]
            if a.idx == m[1]:
                continue
            tt = self.react_time(m[0], rep_med, 1.4)
            if tt is not None:
                self.reply(tt, a, ri)
        self.P.update(rt_median_min=round(rt_med / 60, 1), reply_median_min=round(rep_med / 60, 1))

    def ensure_presence(self):
        r = self.r
        for a in self.accs:
            if a.nmsg == 0 and a.role not in POSITIVE:
                t = self.sample_time()
                tags, urls = self.organic_extras(t, self.p_tag, self.p_url)
                self.post(t, a, tags=tags, urls=urls)

    # ---------------- coordinated groups ----------------
    def make_members(self, role, gid, size, fresh_share):
        r = self.r
        batch_t = None
        mem = []
        for i in range(size):
            fresh = r.random() < fresh_share
            if fresh:
                if batch_t is None or r.random() < 0.1:
                    batch_t = self.start - r.uniform(2, 90) * 86400
                batch_t += r.uniform(5, 600)
                a = self.add_acc(role, gid, fresh=True, created=batch_t)
                a.act = 0.0
            else:
                a = self.add_acc(role, gid)
                a.act = r.uniform(0.05, 1.0)     # dormant / aged accounts with some background
            a.pop = r.paretovariate(3.0) * 0.3
            mem.append(a)
        self.pos_accs.extend(mem)
        return mem

    def camouflage(self, members, rate_per_day):
        """Background, organic-looking activity of aged accounts (not fresh ones)."""
        r = self.r
        origs = None
        for a in members:
            if a.act <= 0:
                continue
            n_b = int(r.expovariate(1.0) * rate_per_day * a.act * self.days + 0.5)
            for _ in range(n_b):
                t = self.sample_time()
                if r.random() < 0.5:
                    tags, urls = self.organic_extras(t, self.p_tag, self.p_url)
                    self.post(t, a, tags=tags, urls=urls)
                else:
                    if origs is None:
                        origs = [i for i, m in enumerate(self.msgs) if m[2] is None and m[3] is None
                                 and self.accs[m[1]].role not in POSITIVE]
                        pw, s = [], 0.0
                        for i in origs:
                            s += self.accs[self.msgs[i][1]].pop
                            pw.append(s)
                    if not origs:
                        continue
                    tgt = r.choices(origs, cum_weights=pw)[0]
                    tt = self.react_time(self.msgs[tgt][0], 3600, 1.5)
                    if tt is not None:
                        self.repost(tt, a, tgt)

    def active_days(self):
        r = self.r
        if r.random() < 0.6:
            return list(range(self.days))
        k = r.randint(1, max(1, self.days // 2))
        return sorted(r.sample(range(self.days), k))

    def campaign_assets(self):
        r = self.r
        tag = self.new_tag()
        dom = r.choice(CAMPAIGN_DOMAINS)
        templates = [self.text(6, 20) for _ in range(r.randint(2, 20))]
        return tag, dom, templates

    def make_producers(self, g, k):
        r = self.r
        prods = []
        leader = next((c for c in self.celebs if c["kind"] == "leader"), None)
        if leader and not leader.get("pushed") and r.random() < 0.5:
            leader["pushed"] = g["gid"]
            leader["acc"].role = "producer"
            leader["acc"].group = g["gid"]
            prods.append(("leader", leader))
        for _ in range(k):
            a = self.add_acc("producer", g["gid"])
            a.pop = r.uniform(5, 80)
            a.act = 1.0
            prods.append(("own", a))
        g["producers"] = len(prods)
        g["pushes_leader"] = any(p[0] == "leader" for p in prods)
        return prods

    def producer_post(self, prods, days, tag, dom, templates):
        r = self.r
        kind, p = r.choice(prods)
        if kind == "leader":
            # an existing leader post on an active day, or a new one
            cand = [mi for mi in p["posts"] if int((self.msgs[mi][0] - self.start) // 86400) in days]
            if cand and r.random() < 0.8:
                return r.choice(cand)
            t = self.sample_time(days)
            mi = self.post(t, p["acc"], tags=[tag] if r.random() < 0.4 else [])
            if mi is not None:
                p["posts"].append(mi)
            return mi
        t = self.sample_time(days)
        urls = ["https://%s/p/%d" % (dom, r.randint(1000, 99999))] if r.random() < 0.5 else []
        txt = r.choice(templates) if r.random() < 0.3 else self.text(6, 25)
        return self.post(t, p, text=txt, tags=[tag] if r.random() < 0.6 else [], urls=urls)

    def shrink(self, S, orders, per_member_order, budget, s_min, o_min):
        """When size x orders would exceed the group's message budget, shrink both (geometrically)."""
        need = S * orders * per_member_order
        if need > budget:
            f = math.sqrt(budget / need)
            S, orders = S * f, orders * f
        return max(s_min, int(round(S))), max(o_min, int(round(orders)))

    def fit(self, per_order, wanted, budget, lo=3):
        return max(lo, min(wanted, int(budget / max(1e-9, per_order))))

    def gen_group(self, g, budget, room):
        getattr(self, "gen_" + g["type"])(g, budget, room)
        self.P.setdefault("groups", []).append(g)

    def gen_scheduler(self, g, budget, room):
        r = self.r
        S = int(self.lu(2, 1000.99))
        S = max(2, min(S, room, 1000))
        lo = r.uniform(0.1, 0.7)
        hi = min(0.9, lo + r.uniform(0.05, 0.5))
        mp = (lo + hi) / 2
        p_rt, p_rep, p_txt = r.random() * 3, r.random() * 0.7, r.random() * 1.2
        s = p_rt + p_rep + p_txt
        p_rt, p_rep, p_txt = p_rt / s, p_rep / s, p_txt / s
        own_text = r.random() < 0.4
        n_orders = self.lu(5, 150)
        n_txt_orders = self.lu(3, 40) if own_text else 0
        S, tot_orders = self.shrink(S, n_orders + n_txt_orders, mp * 1.1, budget, 2, 5)
        n_txt_orders = int(tot_orders * n_txt_orders / (n_orders + n_txt_orders))
        n_orders = max(3, tot_orders - n_txt_orders)
        fresh_share = r.choice([0.0, r.random(), 1.0])
        members = self.make_members("army_scheduler", g["gid"], S, fresh_share)
        part = {a.idx: r.uniform(lo, hi) for a in members}
        days = self.active_days()
        tag, dom, templates = self.campaign_assets()
        prods = self.make_producers(g, r.choice([0, 1, 1, 2, 3]))
        if not prods:
            prods = [("own", self.add_acc("producer", g["gid"]))]
            g["producers"] = 1
        lag_mode = r.choice(["fixed", "per_order"])
        L_fixed = r.uniform(0, 60)
        J = self.lu(1, 120)
        jit = r.choice(["uniform", "exp", "sequential"])
        n_sub = r.choice([1, 1, 1, 2, 3, 4]) if S >= 20 else 1
        sub_off = [0.0] + [r.uniform(30, 900) for _ in range(n_sub - 1)]
        sub_of = {a.idx: r.randrange(n_sub) for a in members}
        mut = r.uniform(0, 0.7)
        targets_opp = [i for i, m in enumerate(self.msgs) if m[2] is None and m[3] is None
                       and self.accs[m[1]].role == "organic" and self.accs[m[1]].pop > 5]

        def fire(t_order, action_fn):
            L = L_fixed if lag_mode == "fixed" else r.uniform(0, 300)
            act = [a for a in members if r.random() < part[a.idx]]
            r.shuffle(act)
            for k, a in enumerate(act):
                if jit == "uniform":
                    d = r.uniform(0, J)
                elif jit == "exp":
                    d = r.expovariate(3.0 / J)
                else:
                    d = J * k / max(1, len(act))
                action_fn(t_order + L + sub_off[sub_of[a.idx]] + d, a)

        for _ in range(n_orders):
            u = r.random()
            if u < p_rt + p_txt or not targets_opp:
                mi = self.producer_post(prods, days, tag, dom, templates)
                if mi is None:
                    continue
                t0 = self.msgs[mi][0]

                def act(tt, a, mi=mi):
                    v = r.random()
                    if v < p_rt / (p_rt + p_txt + 1e-9) or p_txt == 0:
                        self.repost(tt, a, mi)
                    else:
                        txt = r.choice(templates)
                        if r.random() < mut:
                            txt = self.mutate(txt)
                        self.post(tt, a, text=txt, tags=[tag],
                                  urls=["https://%s/p/%d" % (dom, r.randint(1000, 99999))] if r.random() < 0.2 else [])
                    if r.random() < p_rep:
                        self.reply(tt + r.uniform(1, 20), a, mi, text=self.mutate(r.choice(FAN_PHRASES)))
                fire(t0, act)
            else:
                mi = r.choice(targets_opp)
                t0 = self.msgs[mi][0] + r.uniform(300, 6 * 3600)
                insult = [r.choice(ATTACK) + " " + self.words(r.randint(1, 5)) for _ in range(5)]

                def act(tt, a, mi=mi, insult=insult):
                    self.reply(tt, a, mi, text=self.mutate(r.choice(insult)) if r.random() < mut else r.choice(insult),
                               tags=[tag] if r.random() < 0.3 else [])
                fire(t0, act)
        for _ in range(n_txt_orders):
            t0 = self.sample_time(days)
            url = "https://%s/a/%d" % (dom, r.randint(1000, 99999)) if r.random() < 0.5 else None

            def act(tt, a, url=url):
                txt = r.choice(templates)
                if r.random() < mut:
                    txt = self.mutate(txt)
                self.post(tt, a, text=txt, tags=[tag], urls=[url] if url else [])
            fire(t0, act)
        self.camouflage(members, self.lu(0.05, 2.0))
        g.update(size=S, orders=n_orders, text_orders=n_txt_orders, part=(round(lo, 2), round(hi, 2)),
                 jitter_s=round(J, 1), jitter=jit, lag=lag_mode, subsquads=n_sub, fresh=round(fresh_share, 2),
                 active_days=len(days), mix=(round(p_rt, 2), round(p_txt, 2), round(p_rep, 2)))

    def gen_human(self, g, budget, room):
        r = self.r
        S = int(self.lu(5, 300.99))
        S = max(3, min(S, room))
        lo = r.uniform(0.1, 0.7)
        hi = min(0.9, lo + r.uniform(0.05, 0.5))
        mp = (lo + hi) / 2
        S, n_orders = self.shrink(S, self.lu(5, 80), mp * 1.3, budget, 3, 5)
        fresh_share = r.choice([0.0, r.random(), r.random(), 1.0])
        members = self.make_members("army_human", g["gid"], S, fresh_share)
        part = {a.idx: r.uniform(lo, hi) for a in members}
        pers = {a.idx: r.uniform(2, 20) * 60 for a in members}
        days = self.active_days()
        tag, dom, templates = self.campaign_assets()
        prods = self.make_producers(g, r.choice([1, 1, 2, 3]))
        p_rt, p_rep, p_txt = r.random() * 2, r.random(), r.random()
        s = p_rt + p_rep + p_txt
        p_rt, p_rep, p_txt = p_rt / s, p_rep / s, p_txt / s
        mut = r.uniform(0, 0.6)
        p_opp = r.uniform(0, 0.4)
        targets_opp = [i for i, m in enumerate(self.msgs) if m[2] is None and m[3] is None
                       and self.accs[m[1]].role == "organic" and self.accs[m[1]].pop > 5]
        for _ in range(n_orders):
            attack = targets_opp and r.random() < p_opp
            if attack:
                mi = r.choice(targets_opp)
                t_order = self.msgs[mi][0] + r.uniform(600, 12 * 3600)
                chat_text = r.choice(ATTACK) + " " + self.words(r.randint(2, 8))
            else:
                mi = self.producer_post(prods, days, tag, dom, templates)
                if mi is None:
                    continue
                t_order = self.msgs[mi][0] + r.uniform(0, 1800)
                chat_text = r.choice(templates)
            for a in members:
                if r.random() >= part[a.idx] * (self.w_at(t_order) ** 0.5):
                    continue
                d = min(max(90.0, pers[a.idx] * math.exp(r.gauss(0, 0.5))), 35 * 60)
                tt = t_order + d
                v = r.random()
                txt = self.mutate(chat_text) if r.random() < mut else chat_text
                if attack:
                    if v < 0.8:
                        self.reply(tt, a, mi, text=txt)
                    else:
                        self.post(tt, a, text=txt, tags=[tag])
                elif v < p_rt:
                    self.repost(tt, a, mi)
                    if r.random() < 0.2:
                        self.reply(tt + r.uniform(5, 120), a, mi, text=self.mutate(r.choice(FAN_PHRASES)))
                elif v < p_rt + p_rep:
                    self.reply(tt, a, mi, text=txt)
                else:
                    self.post(tt, a, text=txt, tags=[tag],
                              urls=["https://%s/p/%d" % (dom, r.randint(1, 9999))] if r.random() < 0.2 else [])
        self.camouflage(members, self.lu(0.05, 2.0))
        g.update(size=S, orders=n_orders, part=(round(lo, 2), round(hi, 2)), fresh=round(fresh_share, 2),
                 active_days=len(days), p_attack=round(p_opp, 2), mix=(round(p_rt, 2), round(p_txt, 2), round(p_rep, 2)))

    def gen_sockpuppet(self, g, budget, room):
        r = self.r
        ops = int(self.lu(1, 40.99))
        ops = max(1, min(ops, room // 3))
        k_acc = [r.choice([2, 2, 3]) for _ in range(ops)]
        tot_acc = sum(k_acc)
        n_texts = self.fit(tot_acc / ops * 1.2, int(self.lu(15, 300)), budget / ops, lo=8)
        p_minute = r.uniform(0, 0.7)
        shared_campaign = r.random() < 0.5
        ctag = self.new_tag()
        g.update(operators=ops, size=tot_acc, texts_per_op=n_texts, p_minute_clock=round(p_minute, 2),
                 shared_campaign=shared_campaign)
        origs = [i for i, m in enumerate(self.msgs) if m[2] is None and m[3] is None
                 and self.accs[m[1]].role not in POSITIVE]
        for j in range(ops):
            gid = "%s-op%d" % (g["gid"], j + 1)
            fresh_share = r.choice([0.0, 0.5, 1.0])
            accs = self.make_members("sockpuppet", gid, k_acc[j], fresh_share)
            gap = r.uniform(30, 150)
            minute = r.random() < p_minute
            pv = r.uniform(0, 0.8)
            p_rt = r.uniform(0, 0.4)
            p_cross = r.uniform(0, 0.3)
            my_tags = [self.new_tag() for _ in range(r.randint(0, 3))] + ([ctag] if shared_campaign else [])
            work = [w * (1.5 if 9 <= h <= 23 else 0.3) for h, w in enumerate(self.hour_w)]
            n_t = max(8, int(n_texts * r.uniform(0.5, 1.5)))
            for _ in range(n_t):
                t = self.sample_time(hour_w=work)
                order = accs[:]
                r.shuffle(order)
                base = self.text(4, 25)
                tags = [r.choice(my_tags)] if my_tags and r.random() < 0.5 else []
                prev = None
                for a in order:
                    txt = self.mutate(base) if (prev is not None and r.random() < pv) else base
                    mi = self.post(t, a, text=txt, tags=tags, minute=minute)
                    if prev is not None and mi is not None and r.random() < p_cross:
                        self.repost(t + r.uniform(5, 60), a, prev, minute=minute)
                    prev = mi if mi is not None else prev
                    t += gap * r.uniform(0.5, 1.5)
                if origs and r.random() < p_rt:
                    tgt = r.choice(origs)
                    tt = self.react_time(self.msgs[tgt][0], 1800, 1.2)
                    if tt is not None:
                        for a in order:
                            self.repost(tt, a, tgt, minute=minute)
                            tt += gap * r.uniform(0.5, 1.5)
            if r.random() < 0.5:
                self.camouflage(accs, self.lu(0.05, 1.0))

    def gen_relay(self, g, budget, room):
        r = self.r
        R = int(self.lu(5, 50.99))
        R = max(3, min(R, room))
        hop_p = r.uniform(0.6, 1.0)
        C = self.fit(R * hop_p, int(self.lu(10, 80)), budget, lo=5)
        fresh_share = r.choice([0.0, r.random(), 1.0])
        members = self.make_members("relay", g["gid"], R, fresh_share)
        hop_med = self.lu(3, 45) * 60
        hop_sig = r.uniform(0.3, 0.9)
        mode = r.choice(["fixed", "random", "rotating"])
        p_mut = r.uniform(0, 0.5)
        p_rt = r.uniform(0, 0.3)
        tag = self.new_tag() if r.random() < 0.5 else None
        fixed = members[:]
        r.shuffle(fixed)
        for c in range(C):
            if mode == "fixed":
                chain = fixed
            elif mode == "rotating":
                k = r.randrange(R)
                chain = fixed[k:] + fixed[:k]
            else:
                chain = members[:]
                r.shuffle(chain)
            t = self.sample_time()
            txt = self.text(6, 25)
            last = None
            for a in chain:
                if last is not None and r.random() >= hop_p:
                    continue
                if last is not None:
                    t += self.human_delay(hop_med, hop_sig, lo=30)
                if t >= self.end:
                    break
                if last is not None and r.random() < p_rt:
                    self.repost(t, a, last)
                    continue
                if last is not None and r.random() < p_mut:
                    txt = self.mutate(txt)
                mi = self.post(t, a, text=txt, tags=[tag] if tag and r.random() < 0.6 else [])
                if mi is not None:
                    last = mi
        self.camouflage(members, self.lu(0.05, 1.5))
        g.update(size=R, cascades=C, hop_median_min=round(hop_med / 60, 1), order=mode, hop_p=round(hop_p, 2),
                 fresh=round(fresh_share, 2))

    def gen_hashtag_game(self, g, budget, room):
        r = self.r
        G = int(self.lu(12, 150.99))
        G = max(5, min(G, room))
        part_p = r.uniform(0.5, 1.0)
        ppm = self.lu(3, 30)
        games = self.fit(G * part_p * ppm * 1.3, r.randint(1, 10), budget, lo=1)
        if G * part_p * ppm * 1.3 * games > 1.5 * budget:
            ppm = max(2, budget / (G * part_p * 1.3 * games))
        fresh_share = r.choice([0.0, r.random(), 1.0])
        members = self.make_members("hashtag_gamer", g["gid"], G, fresh_share)
        tmpl_share = r.uniform(0, 0.5)
        p_rt = r.uniform(0, 0.6)
        days = self.active_days()
        evening = [w * (2.0 if 18 <= h <= 23 else 1.0) for h, w in enumerate(self.hour_w)]
        joiners_total = 0
        for _ in range(games):
            tag = self.new_tag()
            t0 = self.sample_time(days, evening)
            dur = r.uniform(1, 3) * 3600
            if t0 + dur > self.end:
                t0 = self.end - dur - 60
            templates = [self.text(4, 15) for _ in range(r.randint(3, 12))]
            front = r.random() < 0.5
            game_posts = []
            for a in members:
                if r.random() >= part_p:
                    continue
                k = max(1, int(ppm * r.lognormvariate(0, 0.6)))
                for _ in range(k):
                    x = r.betavariate(1, 3) if front else r.random()
                    tt = t0 + x * dur
                    txt = r.choice(templates) if r.random() < tmpl_share else self.text(3, 18)
                    ments = [r.choice(members).uname] if r.random() < 0.15 else []
                    mi = self.post(tt, a, text=txt, tags=[tag], ments=ments)
                    if mi is not None:
                        game_posts.append(mi)
            game_posts.sort(key=lambda i: self.msgs[i][0])
            for _ in range(int(len(game_posts) * p_rt)):
                src = r.choice(game_posts)
                a = r.choice(members)
                tt = self.msgs[src][0] + r.expovariate(1 / 300.0)
                if tt < t0 + dur + 600:
                    self.repost(tt, a, src)
            J = r.randint(0, 200)
            joiners_total += J
            for a in r.sample(self.pool, min(J, len(self.pool))):
                for _ in range(1 + (r.random() < 0.3)):
                    tt = t0 + r.uniform(0.3, 1.0) * dur + r.uniform(0, 2 * 3600)
                    self.post(tt, a, tags=[tag])
        self.camouflage(members, self.lu(0.05, 1.5))
        g.update(size=G, games=games, posts_per_member=round(ppm, 1), part=round(part_p, 2),
                 organic_joiners=joiners_total, fresh=round(fresh_share, 2))

    # ---------------- output ----------------
    def write(self, out):
        r = self.r
        os.makedirs(out, exist_ok=True)
        msgs = self.msgs
        tout = []
        for m in msgs:
            t = m[0]
            if self.coarse or m[8]:
                t = math.floor(t / 60) * 60
            tout.append(t)
        order = sorted(range(len(msgs)), key=lambda i: (tout[i], i))
        mid = [snowflake(m[0], i) for i, m in enumerate(msgs)]
        cols = ["message_id", "account_id", "username", "repost_id", "reply_id", "text", "timestamp", "urls"]
        has_tags = r.random() < 0.75
        has_ments = r.random() < 0.5
        has_meta = r.random() < 0.5
        if has_tags:
            cols.append("hashtags")
        if has_ments:
            cols.append("mentions")
        if has_meta:
            cols += ["lang", "platform"]
        header = cols[:]
        if r.random() < 0.4:
            r.shuffle(header)
        names = {c: c for c in cols}
        if r.random() < 0.2:
            names["account_id"] = "user_id"
        if r.random() < 0.15:
            names["text"] = "message"
        self.P.update(hashtags_column=has_tags, mentions_column=has_ments)

        def fmt_t(t):
            if self.ts_format == "unix":
                return str(int(t))
            if self.ts_format == "unix_frac":
                return str(int(t)) if self.coarse else "%.3f" % t
            dt = datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc)
            if self.ts_format == "iso":
                return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
            return dt.strftime("%Y-%m-%d %H:%M:%S")

        used = set()
        with open(os.path.join(out, "messages.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([names[c] for c in header])
            for i in order:
                m = msgs[i]
                a = self.accs[m[1]]
                used.add(m[1])
                rt = m[2]
                rts = "" if rt is None else (mid[rt] if isinstance(rt, int) else rt[0])
                rp = "" if m[3] is None else mid[m[3]]
                row = {"message_id": mid[i], "account_id": a.id, "username": a.uname, "repost_id": rts,
                       "reply_id": rp, "text": m[4], "timestamp": fmt_t(tout[i]), "urls": " ".join(m[5]),
                       "hashtags": " ".join(m[6]), "mentions": " ".join(m[7]), "lang": "ar", "platform": "twitter"}
                w.writerow([row[c] for c in header])
        roles = {}
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "role", "group"])
            for a in self.accs:
                if a.idx in used:
                    w.writerow([a.id, a.role, a.group])
                    roles[a.role] = roles.get(a.role, 0) + 1
        self.P.update(messages=len(msgs), accounts=len(used), roles=roles)
        with open(os.path.join(out, "params.json"), "w", encoding="utf-8") as f:
            json.dump(self.P, f, ensure_ascii=False, indent=1, default=str)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    w = World(a.seed)
    w.build()
    w.write(a.out)
    p = w.P
    print("seed=%d accounts=%d messages=%d days=%d coarse=%s coord=%s groups=%s" % (
        a.seed, p["accounts"], p["messages"], p["days"], p["coarse"], p["has_coord"],
        ",".join("%s:%s" % (g["type"], g.get("size")) for g in p.get("groups", []))))


if __name__ == "__main__":
    main()
