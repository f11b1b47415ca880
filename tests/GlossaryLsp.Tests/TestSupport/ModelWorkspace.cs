// Generators of small random workspaces for the model-based tests: term-list glossaries, glossary pages
// and articles in Japanese and English, linking to each other by relative paths, article URLs, site
// paths and heading slugs, with CRLF files, emoji and a glossary.yml. Every choice is a small integer
// (simplest first), so CsCheck shrinks a failing workspace towards a plain one.
using CsCheck;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.TestSupport;

/// <summary>A term of the vocabulary: headword, alias and reading (either may be missing).</summary>
public sealed record ModelTerm(string Headword, string? Alias, string? Reading)
{
    public string Heading => Alias is null ? Headword : $"{Headword} | {Alias}";
}

/// <summary>One link of a generated document: to which file and term, written how, with which text.</summary>
public sealed record LinkSpec(int Target, int Term, int Style, int TextMode);

/// <summary>One term of a generated term-list glossary.</summary>
public sealed record TermSpec(int Term, bool WithAlias, int IdMode, bool Reading, int Body, LinkSpec Link);

/// <summary>A generated file: its newline, its header variant, its terms (term lists) and its links.</summary>
public sealed record FileSpec(bool Crlf, int Header, TermSpec[] Terms, LinkSpec[] Links, int Mentions);

/// <summary>The workspace: which of <see cref="ModelWorkspace.Paths"/> exist, their specs, other files and glossary.yml.</summary>
public sealed record WorkspaceSpec(FileSpec?[] Files, bool[] OtherFiles, int Config);

public static class ModelWorkspace
{
    public const string BaseUrl = "https://example.org/g/";

    /// <summary>Paths a file may have; their role (term list, glossary page, article) decides what is generated there.</summary>
    public static readonly string[] Paths =
    [
        "glossary/ml.md", "articles/intro.md", "glossary/dl.md", "pages/embedding.md",
        "用語集.md", "articles/deep/記事.md", "notes.md", "glossary/sub/nlp.md",
    ];

    /// <summary>Paths files are renamed or added to besides <see cref="Paths"/>.</summary>
    public static readonly string[] ExtraPaths = ["archive/old.md", "glossary/renamed.md", "pages/転移.md", "articles/intro.markdown", "obj/skipped.md"];

    public static readonly string[] OtherFilePaths = ["img/図.png", "glossary/data.csv"];

    public static readonly ModelTerm[] Vocabulary =
    [
        new("転移学習", "Transfer Learning", "てんいがくしゅう"),
        new("過学習", "Overfitting", "かがくしゅう"),
        new("学習率", "Learning Rate", null),
        new("蒸留", "Distillation", "じょうりゅう"),
        new("ファインチューニング", "Fine-tuning", null),
        new("AI", null, null),
        new("決定木🌲", "Decision Tree", "けっていぎ"),
        new("埋め込み", "Embedding", "うめこみ"),
    ];

    /// <summary>glossary.yml variants: null for none; valid ones first, then invalid ones.</summary>
    public static readonly string?[] Configs =
    [
        null,
        "rules:\n  broken-anchor: warning\n",
        "unlinkedMentions: true\n",
        "glossary:\n  - glossary/**\n",
        "ignore:\n  - notes.md\n",
        "baseUrls:\n  - url: https://example.org/g/\n    folder: .\n",
        "rules:\n  GL0005: off\n  link-text-mismatch: error\n",
        "",
        "unlinkedMentions: true\nignore:\n  - articles/deep/**\n",
        "rules:\n  no-such-rule: error\n",
        "rules: [\n",
        "unknownKey: 1\n",
    ];

    /// <summary>Snippets an edit inserts, simplest first.</summary>
    public static readonly string[] Snippets =
    [
        "", "x", "\n", "\r\n", " ", "|", " | Alias", "#", "転移学習", "Overfitting", "AI", "✅", "🌲", "## ", "## 新語 | New Word\n",
        "<a id=\"", "\"></a>", "[", "](", ")", "<a href=\"", "\">", "</a>", "---\n", "type: glossary\n", "title: 題\n",
        "<!-- 記事URL:https://example.org/g/glossary/ml.md# -->\n", "<!-- 読み:てすと -->\n", "`", "```\n", "ー", "=", "6Lui", "-", "\t",
        "<!-- glossary-disable GL0002 -->\n", "[設定](/glossary.yml)", "[図](/img/図.png)", "学習率", "ふぁいんちゅーにんぐ", "Fine tuning",
        "[蒸留](glossary/dl.md#" + AnchorCodec.Encode("蒸留 | Distillation") + ")",
        "<a href=\"https://example.org/g/glossary/ml.md#" + AnchorCodec.Encode("過学習 | Overfitting") + "\">過学習</a>",
    ];

    public static Gen<LinkSpec> Link { get; } =
        Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.Int[0, Vocabulary.Length - 1], Gen.Int[0, 6], Gen.Int[0, 2], (t, v, s, m) => new LinkSpec(t, v, s, m));

    public static Gen<TermSpec> Term { get; } =
        Gen.Select(Gen.Int[0, Vocabulary.Length - 1], Gen.Bool, Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 3], Link, (v, a, id, r, body, link) => new TermSpec(v, !a, id, r, body, link));

    public static Gen<FileSpec> File { get; } =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3], Term.Array[0, 3], Link.Array[0, 3], Gen.Int[0, 3],
            (crlf, header, terms, links, mentions) => new FileSpec(crlf == 4, header, terms, links, mentions));

    public static Gen<WorkspaceSpec> Workspace { get; } =
        Gen.Select(Gen.Frequency((1, Gen.Const((FileSpec?)null)), (2, File.Select(f => (FileSpec?)f))).Array[Paths.Length],
            Gen.Bool.Array[OtherFilePaths.Length], Gen.Frequency((3, Gen.Const(0)), (2, Gen.Int[0, Configs.Length - 1])),
            (files, others, config) => new WorkspaceSpec(files, others, config));

    /// <summary>The texts of a workspace spec, by path (glossary.yml included when the spec has one).</summary>
    public static SortedDictionary<string, string> Render(WorkspaceSpec spec)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < Paths.Length; i++)
            if (spec.Files[i] is { } f) files[Paths[i]] = Render(Paths[i], f);
        for (int i = 0; i < OtherFilePaths.Length; i++)
            if (spec.OtherFiles[i]) files[OtherFilePaths[i]] = "binary?";
        if (Configs[spec.Config] is { } config) files["glossary.yml"] = config;
        return files;
    }

    /// <summary>The text of one file: a term list under glossary/ or at the root's 用語集.md, a glossary page under pages/, else an article.</summary>
    public static string Render(string path, FileSpec spec)
    {
        var text = path.StartsWith("glossary/", StringComparison.Ordinal) || path == "用語集.md" ? TermList(path, spec)
            : path.StartsWith("pages/", StringComparison.Ordinal) ? GlossaryPage(path, spec)
            : Article(path, spec);
        return spec.Crlf ? text.Replace("\n", "\r\n") : text;
    }

    /// <summary>The URL a term-list file is published at under the common base.</summary>
    public static string ArticleUrl(string path) => BaseUrl + path + "#";

    private static string TermList(string path, FileSpec spec)
    {
        var sb = new System.Text.StringBuilder();
        switch (spec.Header)
        {
            case 0: sb.Append($"<!-- 記事タイトル:用語集 -->\n<!-- 記事URL:{ArticleUrl(path)} -->\n\n"); break;
            case 1: sb.Append($"<!-- 記事URL:{BaseUrl}old/{path}# -->\n\n"); break; // a URL off the common mapping
            case 2: sb.Append("<!-- 記事タイトル:用語集 -->\n\n"); break; // no URL
            default: sb.Append($"<!-- 記事URL:{ArticleUrl(path)} -->\n<!-- 記事URL:{BaseUrl}x.md# -->\n\n"); break;
        }
        foreach (var t in spec.Terms)
        {
            var term = Vocabulary[t.Term];
            var heading = t.WithAlias ? term.Heading : term.Headword;
            var id = t.IdMode switch
            {
                0 => $"<a id=\"{AnchorCodec.Encode(heading)}\"></a>",
                1 => "",
                2 => $"<a id=\"{AnchorCodec.Encode(heading + "x")}\"></a>", // stale
                _ => "<a id=\"not base64!\"></a>",
            };
            sb.Append($"## {heading}{id}\n");
            if (t.Reading && term.Reading is { } reading) sb.Append($"<!-- 読み:{reading} -->\n");
            sb.Append('\n');
            switch (t.Body)
            {
                case 0: sb.Append($"- {Vocabulary[(t.Term + 1) % Vocabulary.Length].Headword}と同様の手法。\n\n"); break;
                case 1: sb.Append($"- {LinkText(path, t.Link, html: true)}と組み合わせる。\n\n"); break;
                case 2: sb.Append($"- 詳細は{LinkText(path, t.Link, html: false)}を参照 ✅。\n\n"); break;
                default: sb.Append("- \n\n"); break; // empty definition
            }
        }
        foreach (var l in spec.Links) sb.Append($"参考: {LinkText(path, l, html: false)}\n");
        return sb.ToString();
    }

    private static string GlossaryPage(string path, FileSpec spec)
    {
        var term = Vocabulary[spec.Terms.Length > 0 ? spec.Terms[0].Term : 7];
        var sb = new System.Text.StringBuilder("---\ntype: glossary\n");
        if (spec.Header != 2) sb.Append($"title: {term.Headword}\n");   // 2: no title (GL0008)
        if (term.Alias is { } alias) sb.Append($"e-title: {alias}\n");
        if (term.Reading is { } reading) sb.Append($"term: {reading}\n");
        sb.Append($"keywords: [{Vocabulary[(Array.IndexOf(Vocabulary, term) + 1) % Vocabulary.Length].Headword}, 未知語]\n");
        if (spec.Header != 1) sb.Append($"url: /ja/glossary/{Slug(term)}/\n");
        if (spec.Header == 3) sb.Append("broken: [\n");                   // invalid YAML
        sb.Append("---\n\n");
        sb.Append(spec.Terms.Length > 1 ? "\n" : $"{term.Headword}は{Mentions(spec)}の一種。\n\n");
        foreach (var l in spec.Links) sb.Append($"- {LinkText(path, l, html: l.Style == 1)}\n");
        return sb.ToString();
    }

    private static string Article(string path, FileSpec spec)
    {
        var sb = new System.Text.StringBuilder();
        if (spec.Header is 1 or 3) sb.Append("---\ntitle: 記事\nemoji: 🌲\ntopics: [ml]\npublished: true\n---\n");
        sb.Append("# はじめに\n\n");
        sb.Append($"{Mentions(spec)}について書く。\n\n");
        foreach (var l in spec.Links) sb.Append($"- {LinkText(path, l, html: l.Style == 1)}\n");
        if (spec.Header >= 2) sb.Append("\n## 詳細 ✅\n\n`転移学習` と [詳細](#詳細-) と [始め](#はじめに)\n\n```\nAI 過学習\n```\n");
        return sb.ToString();
    }

    private static string Mentions(FileSpec spec) => string.Join("と", Enumerable.Range(0, spec.Mentions + 1).Select(i =>
        i % 2 == 0 ? Vocabulary[(spec.Mentions * 3 + i) % Vocabulary.Length].Headword : Vocabulary[i % Vocabulary.Length].Alias ?? "AI"));

    private static string Slug(ModelTerm term) => (term.Alias ?? "AI").Replace(' ', '-');

    /// <summary>A link from <paramref name="from"/> as Markdown or HTML, to a term of a file, a page, a heading or nowhere.</summary>
    private static string LinkText(string from, LinkSpec l, bool html)
    {
        var term = Vocabulary[l.Term];
        var target = Paths[l.Target];
        var anchor = AnchorCodec.Encode(term.Heading);
        var href = l.Style switch
        {
            0 => $"{WorkspacePaths.Relative(from, target)}#{anchor}",
            1 => $"{ArticleUrl(target)}{anchor}",
            2 => $"{WorkspacePaths.Relative(from, target)}#{AnchorCodec.Encode(term.Headword)}", // headword only: breaks where an alias exists
            3 => $"/ja/glossary/{Slug(term)}/",
            4 => "#はじめに",
            5 => WorkspacePaths.Relative(from, "missing/なし.md"),
            _ => $"{WorkspacePaths.Relative(from, target)}#not-base64!",
        };
        var text = l.TextMode switch
        {
            0 => term.Headword,
            1 => term.Alias ?? term.Headword,
            _ => "別の語",
        };
        return html ? $"<a href=\"{href}\">{text}</a>" : $"[{text}]({href})";
    }
}
