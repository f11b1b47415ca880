using GlossaryLsp.Server.Protocol;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

/// <summary>Small Japanese glossary workspaces for the server tests.</summary>
internal static class Fixtures
{
    public const string GlossaryUrl = "https://example.org/glossary/用語集.md#";

    /// <summary>base64("転移学習 | Transfer Learning")</summary>
    public const string TransferAnchor = "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=";

    /// <summary>
    /// The glossary and an article. Spans: the term's name in its heading, the article's link to it and
    /// that link's target; the expected diagnostic is the target of the article's broken link.
    /// </summary>
    public static readonly Fixture Marked = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事タイトル:用語集 -->
        <!-- 記事URL:https://example.org/glossary/用語集.md# -->

        ## [|転移学習 | Transfer Learning|]<a id="{{TransferAnchor}}"></a>

        - ある課題で学習したモデルを別の課題に流用する手法。
        //- 記事.md
        # 記事

        [|[転移学習]([|用語集.md#{{TransferAnchor}}|])|]を使う ✅。

        🌲[存在しない]({|GL0002:用語集.md#44GC44GE44GG|})へのリンク。

        """, "\n");

    public static readonly string Glossary = Marked.Text("用語集.md");
    public static readonly string Article = Marked.Text("記事.md");

    /// <summary>The heading name of 転移学習 in the glossary.</summary>
    public static FixtureSpan TermName => Marked.Spans[0];
    /// <summary>The article's link to 転移学習.</summary>
    public static FixtureSpan TermLink => Marked.Spans[1];
    /// <summary>The target of the article's link to 転移学習.</summary>
    public static FixtureSpan TermLinkTarget => Marked.Spans[2];
    /// <summary>The target of the article's broken link, where GL0002 is reported.</summary>
    public static FixtureSpan BrokenTarget => Marked.Diagnostics.Single() is var d ? new FixtureSpan(d.Path, d.Span) : null!;

    /// <summary>The LSP range (UTF-16) of a span of a fixture.</summary>
    public static Range RangeOf(Fixture fixture, FixtureSpan span) => new(PositionOf(fixture, span.Path, span.Span.Start), PositionOf(fixture, span.Path, span.Span.End));

    public static Position PositionOf(Fixture fixture, string path, int offset)
    {
        var p = fixture.Position(path, offset);
        return new Position(p.Line, p.Character);
    }

    public static Dictionary<string, string> Workspace() => new()
    {
        ["用語集.md"] = Glossary,
        ["記事.md"] = Article,
    };
}
