using System.Text.RegularExpressions;
using Tansiq.Core.Detection;
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
        Assert.Equal(6, Occurrences(high, "<circle "));
        Assert.Equal(3, Occurrences(high, "<tr class=\"member\""));
        Assert.Contains("2021-02-03 09:46:40 to 2021-02-03 10:46:40.500 UTC", high, StringComparison.Ordinal);
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
        Assert.Equal(40 * 20, Occurrences(html, "<circle "));
        Assert.Contains("25 of 60 shared objects shown", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ManyActions_TimelinePointsCappedWithANote()
    {
        var html = Render(SampleResults.Big(members: 50, actionsPerMember: 100));

        Assert.Equal(2000, Occurrences(html, "<circle "));
        Assert.Contains("2,000 of 4,000 actions are drawn, sampled evenly in time order.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_LargeCluster_PageStaysSmall()
    {
        var html = Render(SampleResults.Big(members: 2000, actionsPerMember: 30));

        Assert.InRange(html.Length, 1, 1_500_000);
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
