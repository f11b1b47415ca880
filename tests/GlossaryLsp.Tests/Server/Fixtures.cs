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
    /// The glossary and an article. Spans: the term's heading line and its name in it, the article's title,
    /// its link to the term and that link's target, and the line (with its line end) of its broken link;
    /// the expected diagnostic is the target of the broken link.
    /// </summary>
    public static readonly Fixture Marked = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事タイトル:用語集 -->
        <!-- 記事URL:https://example.org/glossary/用語集.md# -->

        [|## [|転移学習 | Transfer Learning|]<a id="{{TransferAnchor}}"></a>|]

        - ある課題で学習したモデルを別の課題に流用する手法。
        //- 記事.md
        # [|記事|]

        [|[転移学習]([|用語集.md#{{TransferAnchor}}|])|]を使う ✅。

        [|🌲[存在しない]({|GL0002:用語集.md#44GC44GE44GG|})へのリンク。
        |]
        """, "\n");

    public static readonly string Glossary = Marked.Text("用語集.md");
    public static readonly string Article = Marked.Text("記事.md");

    /// <summary>The heading line of 転移学習 in the glossary.</summary>
    public static FixtureSpan TermHeading => Marked.Spans[0];
    /// <summary>The heading name of 転移学習 in the glossary.</summary>
    public static FixtureSpan TermName => Marked.Spans[1];
    /// <summary>The article's title, a heading that names no term.</summary>
    public static FixtureSpan ArticleTitle => Marked.Spans[2];
    /// <summary>The article's link to 転移学習.</summary>
    public static FixtureSpan TermLink => Marked.Spans[3];
    /// <summary>The target of the article's link to 転移学習.</summary>
    public static FixtureSpan TermLinkTarget => Marked.Spans[4];
    /// <summary>The line of the article's broken link, with its line end.</summary>
    public static FixtureSpan BrokenLine => Marked.Spans[5];
    /// <summary>The target of the article's broken link, where GL0002 is reported.</summary>
    public static FixtureSpan BrokenTarget => Marked.Diagnostics.Single() is var d ? new FixtureSpan(d.Path, d.Span) : null!;

    /// <summary>The LSP range (UTF-16) of a span of a fixture.</summary>
    public static Range RangeOf(Fixture fixture, FixtureSpan span) => new(PositionOf(fixture, span.Path, span.Span.Start), PositionOf(fixture, span.Path, span.Span.End));

    /// <summary>The LSP range (UTF-16) of an expected diagnostic of a fixture.</summary>
    public static Range RangeOf(Fixture fixture, ExpectedDiagnostic diagnostic) => RangeOf(fixture, new FixtureSpan(diagnostic.Path, diagnostic.Span));

    /// <summary>"line:character-line:character" of an LSP range in JSON, as <see cref="Fixture.Range"/> writes a span.</summary>
    public static string RangeText(System.Text.Json.JsonElement range) =>
        $"{range.GetProperty("start").GetProperty("line")}:{range.GetProperty("start").GetProperty("character")}-" +
        $"{range.GetProperty("end").GetProperty("line")}:{range.GetProperty("end").GetProperty("character")}";

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
