using System.Text.RegularExpressions;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class HtmlReportWriterTests
{
    private static string Render(DetectionResult result, DetectionWriterOptions? options = null)
    {
        using var dir = new TempDir();
        HtmlReportWriter.Write(result, dir.File("report.html"), options);
        return File.ReadAllText(dir.File("report.html"));
    }

    private static int Occurrences(string text, string pattern) => Regex.Matches(text, pattern).Count;

    /// <summary>The part of the page from the first <paramref name="start"/> (at or after <paramref name="from"/>) to the next <paramref name="end"/>.</summary>
    private static string Between(string html, string start, string end, int from = 0)
    {
        var i = html.IndexOf(start, from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{start}' not found");
        var j = html.IndexOf(end, i + start.Length, StringComparison.Ordinal);
        Assert.True(j >= 0, $"'{end}' not found after '{start}'");
        return html[i..j];
    }

    [Fact]
    public void Report_HostileUsernamesAndTexts_EscapedSoOnlyTheReportsOwnScriptRuns()
    {
        var html = Render(SampleResults.Small());

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("evil,&quot;name&quot;", html, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(html, "<script"));
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u000B", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AnyResult_NoExternalReferencesAndAPolicyForbiddingNetwork()
    {
        var html = Render(SampleResults.Small());

        Assert.Empty(Regex.Matches(html, @"(src|href|action)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase));
        Assert.Empty(Regex.Matches(html, @"url\(|@import|<link\b|<iframe\b|<img\b", RegexOptions.IgnoreCase));
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ArabicSharedText_ShownWithDirAutoAndItsLanguage()
    {
        var html = Render(SampleResults.Small());

        const string escaped = "بيان &quot;عاجل&quot;، &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; كلنا مع القائد, انشر الآن";
        Assert.Contains($"<div class=\"text\" dir=\"auto\" lang=\"ar\">{escaped}</div>", html, StringComparison.Ordinal);
        Assert.Contains("<span dir=\"auto\">جيش_إلكتروني&amp;حر</span>", html, StringComparison.Ordinal);
        Assert.Contains("\"Noto Naskh Arabic\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TwoClusters_RankedByScoreInTableAndSections()
    {
        var html = Render(SampleResults.Small());

        var first = html.IndexOf("<section class=\"cluster\" id=\"c-1\">", StringComparison.Ordinal);
        var second = html.IndexOf("<section class=\"cluster\" id=\"c-2\">", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first);
        Assert.Contains("Cluster c-high</h2>", html[first..second], StringComparison.Ordinal);
        Assert.Contains("Cluster c-low</h2>", html[second..], StringComparison.Ordinal);
        var ranking = Regex.Matches(html, "<tr data-c=\"c-(\\d)\"><td class=\"num\">\\d</td><td><a href=\"#c-\\d\">([^<]+)</a>")
            .Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(["c-high", "c-low"], ranking);
        Assert.Contains("2 coordinated clusters found, 5 accounts flagged.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Cluster_EvidenceNumbersAndSentencesAndTimelineDots()
    {
        var html = Render(SampleResults.Small());
        var high = html[html.IndexOf("id=\"c-1\"", StringComparison.Ordinal)..html.IndexOf("id=\"c-2\"", StringComparison.Ordinal)];

        Assert.Contains("<td class=\"name\">null_model_p</td><td class=\"num\">1.5e-9</td>", high, StringComparison.Ordinal);
        Assert.Contains("&quot;chance&quot; &amp; noise", high, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.97</td>", high, StringComparison.Ordinal);
        Assert.Equal(6, Occurrences(Between(high, "Timeline of actions", "<h3>Members"), "<circle "));
        Assert.Equal(3, Occurrences(high, "<tr class=\"member\""));
        Assert.Contains("2021-02-03 09:46:40 to 2021-02-03 10:46:40 UTC", high, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Cluster_ReactionChartPlacesActionsByDelayAfterFirstMember()
    {
        var html = Render(SampleResults.Small());
        var reactions = Between(html, "How fast the members acted", "Timeline of actions");

        // Rows: post-777 first (a listed shared object: 0, 100, 200.5 s), then the unlisted co-text key (2 actions 5 s
        // apart); the "<b>bold</b>" key has a single action and no row. The axis runs from 250 (no delay) to 968 (the
        // longest delay, 200.5 s): 5 s -> 267.9, 100 s -> 608.1.
        Assert.Equal(5, Occurrences(reactions, "<circle "));
        Assert.Equal(2, Occurrences(reactions, "<circle cx=\"250\""));
        Assert.Contains("<circle cx=\"267.9\"", reactions, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"608.1\"", reactions, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"968\" cy=\"38\" r=\"3.4\"", reactions, StringComparison.Ordinal);
        Assert.DoesNotContain("hollow", reactions, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", reactions, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ObjectPushedAgainHoursLater_ReactionAxisKeepsSecondsAndLateActionHollow()
    {
        var small = SampleResults.Small();
        // Eleven actions 0, 2, ..., 20 s after the first, then one 3 h later: the 90th percentile is 18 s, the axis
        // 1.25 x 18 = 22.5 s; 20 s -> 250 + 20 / 22.5 x 718 = 888.2; the late action sits hollow at 968.
        var timeline = Enumerable.Range(0, 11)
            .Select(i => new TimelineAction($"a{i % 3 + 1}", 1_000_000 + 2 * i, SignalKind.CoRepost, "post-1"))
            .Append(new TimelineAction("a1", 1_000_000 + 3 * 3600, SignalKind.CoRepost, "post-1"))
            .ToList();
        var cluster = small.Clusters[1] with { Timeline = timeline };
        var html = Render(small with { Clusters = [cluster] });
        var reactions = Between(html, "How fast the members acted", "Timeline of actions");

        Assert.Equal(12, Occurrences(reactions, "<circle "));
        Assert.Contains("<circle cx=\"888.2\"", reactions, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(reactions, "<circle cx=\"968\" cy=\"38\" r=\"3\" fill=\"#fff\""));
        Assert.Contains("1 action more than 22 s after the first", reactions, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NoClusters_SaysSoAndWhatWasExamined()
    {
        var html = Render(SampleResults.NoClusters());

        Assert.Contains("No coordinated clusters found.", html, StringComparison.Ordinal);
        Assert.Contains("Examined 123,456 messages from 20,100 accounts on 2 signals (co-repost, co-link)", html, StringComparison.Ordinal);
        Assert.Contains("2,000,040 co-action pairs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<section class=\"cluster\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>window</td><td dir=\"auto\">60</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ManyMembers_MembersAndTimelineRowsCappedWithANote()
    {
        var html = Render(SampleResults.Big(members: 300, actionsPerMember: 20));

        Assert.Equal(200, Occurrences(html, "<tr class=\"member\""));
        Assert.Contains("300 accounts, the 200 strongest listed", html, StringComparison.Ordinal);
        Assert.Contains("The 40 most active of 300 members are drawn.", html, StringComparison.Ordinal);
        Assert.Equal(40 * 20, Occurrences(Between(html, "Timeline of actions", "<h3>Members"), "<circle "));
        Assert.Contains("25 of 60 shared objects shown", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ManyActions_TimelinePointsCappedWithANote()
    {
        var html = Render(SampleResults.Big(members: 50, actionsPerMember: 100));

        Assert.Equal(2000, Occurrences(Between(html, "Timeline of actions", "<h3>Members"), "<circle "));
        Assert.Contains("2,000 of 4,000 actions are drawn, sampled evenly in time order.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_LargeCluster_PageStaysSmall()
    {
        var html = Render(SampleResults.Big(members: 2000, actionsPerMember: 30));

        Assert.InRange(html.Length, 1, 1_500_000);
    }

    [Fact]
    public void Report_FiftyLargeClusters_PageWideBudgetsKeepItSmall()
    {
        var html = Render(SampleResults.Many(count: 50, members: 220, actionsPerMember: 10));

        Assert.Equal(50, Occurrences(html, "<section class=\"cluster\""));
        Assert.InRange(Occurrences(html, "<tr class=\"member\""), 2_950, 3_000);
        Assert.InRange(Occurrences(html, "<circle "), 20_000, 24_000 + 50 * 12);
        Assert.InRange(html.Length, 1, 8_000_000);
        // The first cluster still gets its full share, the last one a fair part of what is left.
        var first = Between(html, "<section class=\"cluster\" id=\"c-1\">", "</section>");
        Assert.Equal(60, Occurrences(first, "<tr class=\"member\""));
        var last = Between(html, "<section class=\"cluster\" id=\"c-50\">", "</section>");
        Assert.InRange(Occurrences(last, "<tr class=\"member\""), 20, 200);
    }

    [Fact]
    public void Report_ProfileTemplate_UsernamesLinkedWithEscapedUrls()
    {
        var html = Render(SampleResults.Small(), new DetectionWriterOptions { ProfileUrlTemplate = "https://x.com/{username}" });

        Assert.Contains("<a href=\"https://x.com/evil%2C%22name%22\" rel=\"noopener noreferrer\" target=\"_blank\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.com/%3Cscript%3Ealert%281%29%3C%2Fscript%3E\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ProfileTemplateNotHttp_Ignored()
    {
        var html = Render(SampleResults.Small(), new DetectionWriterOptions { ProfileUrlTemplate = "javascript:alert('{username}')" });

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }
}
