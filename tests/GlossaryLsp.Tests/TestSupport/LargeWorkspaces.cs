using System.Text;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.TestSupport;

/// <summary>
/// The workspaces of SPEC §7's "Bounded output" (issue 14), made on the fly (path → text) so that
/// nothing big is committed: one word defined in thousands of files, a heading with thousands of
/// aliases, a glossary page with a huge keyword list, one broken link repeated, and many documents
/// linking to the same missing anchors. Shared by the CLI and the server tests.
/// </summary>
internal static class LargeWorkspaces
{
    /// <summary>base64("無い | Missing"): an anchor no heading of <see cref="SameBrokenLink"/>'s glossary has.</summary>
    public static readonly string MissingAnchor = AnchorCodec.Encode("無い | Missing");

    /// <summary><paramref name="files"/> small term-list glossaries at the root, f0001.md …, each defining <c>## 語 | Word</c>.</summary>
    public static Dictionary<string, string> SameEntryWord(int files)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i <= files; i++)
            result[$"f{i:D4}.md"] = $"<!-- 記事URL:https://example.org/f{i:D4}.md# -->\n\n## 語 | Word\n\n- 定義 {i} ✅\n";
        return result;
    }

    /// <summary>
    /// glossary/a.md and glossary/b.md define the same term, <c>語</c> with <paramref name="aliases"/> aliases
    /// alias0 … (a setext heading over many lines, so that no line is over the parser's limit; a link to its
    /// anchor would be), and articles/x.md mentions some of them.
    /// </summary>
    public static Dictionary<string, string> ManyAliases(int aliases)
    {
        var words = new[] { "語" }.Concat(Enumerable.Range(0, aliases).Select(i => $"alias{i}")).ToList();
        var heading = string.Join(" |\n", words.Chunk(20).Select(c => string.Join(" | ", c))) + "\n---\n";
        string Glossary(string name) => $"<!-- 記事URL:https://example.org/glossary/{name}.md# -->\n\n{heading}\n- 定義 🌲\n";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["glossary/a.md"] = Glossary("a"),
            ["glossary/b.md"] = Glossary("b"),
            ["articles/x.md"] = "# 記事\n\n語 と alias5 と alias9999 の話。\n",
        };
    }

    /// <summary>A glossary page (転移学習) whose front matter lists <paramref name="keywords"/> keywords, and an article linking to it.</summary>
    public static Dictionary<string, string> ManyKeywords(int keywords)
    {
        var sb = new StringBuilder("---\ntype: glossary\ntitle: 転移学習\ne-title: Transfer Learning\nterm: てんいがくしゅう\nkeywords:\n");
        for (int i = 0; i < keywords; i++) sb.Append("  - キーワード").Append(i).Append('\n');
        sb.Append("url: /ja/glossary/Transfer-Learning/\n---\n\n転移学習は、ある課題で学んだことを別の課題に使う手法です。\n");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["glossary/transfer-learning.md"] = sb.ToString(),
            ["articles/x.md"] = "# 記事\n\n[転移学習](/ja/glossary/Transfer-Learning/)の話。\n",
        };
    }

    /// <summary>articles/x.md holds <paramref name="links"/> copies of one link to an anchor g.md does not have (one per line).</summary>
    public static Dictionary<string, string> SameBrokenLink(int links)
    {
        var line = $"- [無い](../g.md#{MissingAnchor})\n";
        var sb = new StringBuilder(6 + line.Length * links).Append("# 記事\n\n");
        for (int i = 0; i < links; i++) sb.Append(line);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["g.md"] = "<!-- 記事URL:https://example.org/g.md# -->\n\n## 語 | Word\n\n- 定義\n",
            ["articles/x.md"] = sb.ToString(),
        };
    }

    /// <summary><paramref name="documents"/> articles a0000.md … each linking to the same <paramref name="anchors"/> anchors g.md does not have.</summary>
    public static Dictionary<string, string> SharedMissingAnchors(int documents, int anchors)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < anchors; i++) sb.Append($"- [無い{i}](../g.md#{AnchorCodec.Encode($"無い{i}")})\n");
        var body = sb.ToString();
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["g.md"] = "<!-- 記事URL:https://example.org/g.md# -->\n\n## 語 | Word\n\n- 定義\n",
        };
        for (int d = 0; d < documents; d++) result[$"articles/a{d:D4}.md"] = $"# 記事 {d}\n\n" + body;
        return result;
    }
}
