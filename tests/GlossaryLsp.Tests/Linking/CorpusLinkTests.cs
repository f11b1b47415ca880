using System.Text;
using System.Text.RegularExpressions;
using GlossaryLsp.Cli;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Tests.TestSupport;
using Xunit.Abstractions;

namespace GlossaryLsp.Tests.Linking;

/// <summary>
/// `glossary link --write` on a copy of the public glossary's authored files, compared with what its
/// own linker generated (corpora/tech_glossary/output).
///
/// Matching: per file, the glossary links of each side in document order as (link text, href) pairs,
/// aligned by longest common subsequence (the generated files are re-rendered, so positions and lines
/// differ, but the order of links does not). Precision = aligned / ours; recall = aligned / theirs,
/// where theirs leaves out the public linker's defects: links inside a Latin word (GOF&lt;a&gt;AI&lt;/a&gt;,
/// the char beyond a Latin edge is an ASCII letter or digit) and links inside a bare URL
/// (https://github.com/NVIDIA/&lt;a&gt;TensorRT-LLM&lt;/a&gt;). Its links inside the authors' inline code (it
/// drops the backticks when it re-renders) stay in theirs and count as our misses.
/// Also: the same heading ids; stripping the inserted tags gives back the authored bytes (trailing
/// white space of heading lines aside); a second run (--check) has nothing to do.
/// `glossary link --out` on the read-only input writes the same bytes as `--write` on a copy.
/// </summary>
public sealed partial class CorpusLinkTests(ITestOutputHelper output) : IDisposable
{
    private const string GlossaryBase = "https://github.com/takata150802/tech_glossary/blob/main/output/";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "glossary-link-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    [GeneratedRegex(@"<a href=""(?<href>[^""]*)"">(?<text>.*?)</a>")]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"^##(?!#).*?<a id=""(?<id>[^""]*)""></a>\s*$", RegexOptions.Multiline)]
    private static partial Regex HeadingId();

    [GeneratedRegex(@"https?://[^\s<>()\[\]""'`]*$")]
    private static partial Regex UrlBefore();

    [GeneratedRegex(@"<a href=""https://github\.com/takata150802/tech_glossary/blob/main/output/[^""]*"">(?<text>.*?)</a>|<a id=""[^""]*""></a>")]
    private static partial Regex InsertedTag();

    [GeneratedRegex(@"^(#{1,6} .*?)[ \t\u3000]*(\r?)$", RegexOptions.Multiline)]
    private static partial Regex HeadingTrailingSpace();

    [Fact]
    public void Link_write_reproduces_the_public_linker_without_its_defects()
    {
        CopyInput(_work);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Program.Run(["link", "--write", "--workspace", _work], stdout, stderr).Should().Be(0, stderr.ToString());
        output.WriteLine(stdout.ToString());
        AssertReproducesThePublicLinker(_work);

        // Idempotent: nothing left to link.
        var check = new StringWriter();
        Program.Run(["link", "--check", "--workspace", _work], check, stderr).Should().Be(0, check.ToString());
        check.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Link_out_writes_what_link_write_writes_and_leaves_the_sources_alone()
    {
        var sourcesBefore = Hashes(RepoPaths.TechGlossaryInput);
        string written = Path.Combine(_work, "write"), copy = Path.Combine(_work, "out");
        CopyInput(written);
        var writeOut = new StringWriter();
        Program.Run(["link", "--write", "--workspace", written], writeOut, new StringWriter()).Should().Be(0);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Program.Run(["link", "--out", copy, "--workspace", RepoPaths.TechGlossaryInput], stdout, stderr).Should().Be(0, stderr.ToString());
        stdout.ToString().Should().Be(writeOut.ToString().TrimEnd() + $"; wrote 20 files to {copy}{Environment.NewLine}");
        stderr.ToString().Should().BeEmpty();

        AllFiles(copy).Should().Equal(AllFiles(RepoPaths.TechGlossaryInput));
        foreach (var file in AllFiles(copy))
            File.ReadAllBytes(Path.Combine(copy, file)).Should().Equal(File.ReadAllBytes(Path.Combine(written, file)), file);
        AssertReproducesThePublicLinker(copy);
        Hashes(RepoPaths.TechGlossaryInput).Should().Equal(sourcesBefore, "--out leaves the sources untouched");

        // Again over the existing folder, one of whose files was changed: the same bytes.
        var first = Hashes(copy);
        File.WriteAllText(Path.Combine(copy, "ml-overview.md"), "stale");
        Program.Run(["link", "--out", copy, "--workspace", RepoPaths.TechGlossaryInput], new StringWriter(), stderr).Should().Be(0);
        Hashes(copy).Should().Equal(first);
    }

    private static IEnumerable<string> AllFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Hashes(string root) =>
        AllFiles(root).ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f)))));

    /// <summary>The measure of this class (see its summary) applied to the linked copy of the input in <paramref name="linked"/>.</summary>
    private void AssertReproducesThePublicLinker(string linked)
    {
        // Lossless: the authored text comes back when the inserted tags are removed.
        foreach (var file in MarkdownFiles(RepoPaths.TechGlossaryInput))
        {
            var authored = File.ReadAllText(Path.Combine(RepoPaths.TechGlossaryInput, file));
            var stripped = InsertedTag().Replace(File.ReadAllText(Path.Combine(linked, file)), m => m.Groups["text"].Value);
            HeadingTrailingSpace().Replace(stripped, "$1$2").Should().Be(HeadingTrailingSpace().Replace(authored, "$1$2"), file);
            File.ReadAllBytes(Path.Combine(linked, file)).Take(3).Should().Equal(File.ReadAllBytes(Path.Combine(RepoPaths.TechGlossaryInput, file)).Take(3), "the BOM is kept");
        }

        int ours = 0, theirs = 0, aligned = 0, defects = 0;
        var misses = new List<string>();
        var extras = new List<string>();
        foreach (var file in MarkdownFiles(RepoPaths.TechGlossaryInput))
        {
            var written = File.ReadAllText(Path.Combine(linked, file));
            var generated = File.ReadAllText(Path.Combine(RepoPaths.TechGlossaryOutput, file));

            // The same heading anchors.
            HeadingId().Matches(written).Select(m => m.Groups["id"].Value)
                .Should().Equal(HeadingId().Matches(generated).Select(m => m.Groups["id"].Value), file);

            var mine = GlossaryLinks(written, out _);
            var public_ = GlossaryLinks(generated, out int fileDefects);
            defects += fileDefects;
            var (matched, onlyMine, onlyTheirs) = Align(mine, public_);
            ours += mine.Count;
            theirs += public_.Count;
            aligned += matched;
            extras.AddRange(onlyMine.Select(x => $"{file}: + {x.Text} → {Short(x.Href)}"));
            misses.AddRange(onlyTheirs.Select(x => $"{file}: - {x.Text} → {Short(x.Href)}"));
        }
        double precision = (double)aligned / ours, recall = (double)aligned / theirs;
        output.WriteLine($"ours {ours}, theirs {theirs} (+{defects} mid-word or in-URL defects left out), aligned {aligned}");
        output.WriteLine($"precision {precision:P2}, recall {recall:P2}");
        foreach (var line in extras.Concat(misses)) output.WriteLine(line);
        precision.Should().BeGreaterThanOrEqualTo(0.95);
        recall.Should().BeGreaterThanOrEqualTo(0.95);
    }

    private static string Short(string href) => href.StartsWith(GlossaryBase) ? href[GlossaryBase.Length..] : href;

    /// <summary>Links to the glossary, in order; mid-word Latin links are counted apart as defects.</summary>
    private static List<(string Text, string Href)> GlossaryLinks(string text, out int defects)
    {
        var result = new List<(string, string)>();
        defects = 0;
        foreach (Match m in HtmlLink().Matches(text))
        {
            var href = m.Groups["href"].Value;
            if (!href.StartsWith(GlossaryBase, StringComparison.Ordinal)) continue;
            var linkText = m.Groups["text"].Value;
            bool midWord = linkText.Length > 0 &&
                (TermKey.IsAsciiWordChar(linkText[0]) && m.Index > 0 && TermKey.IsAsciiWordChar(text[m.Index - 1])
                 || TermKey.IsAsciiWordChar(linkText[^1]) && m.Index + m.Length < text.Length && TermKey.IsAsciiWordChar(text[m.Index + m.Length]));
            var linePrefix = text[(text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1)..m.Index];
            bool inUrl = UrlBefore().IsMatch(HtmlLink().Replace(linePrefix, "${text}"));
            if (midWord || inUrl) { defects++; continue; }
            result.Add((linkText, href));
        }
        return result;
    }

    /// <summary>Longest common subsequence of two link sequences.</summary>
    private static (int Matched, List<(string Text, string Href)> OnlyA, List<(string Text, string Href)> OnlyB) Align(
        List<(string Text, string Href)> a, List<(string Text, string Href)> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (int i = a.Count - 1; i >= 0; i--)
            for (int j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var onlyA = new List<(string, string)>();
        var onlyB = new List<(string, string)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y]) { x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) onlyA.Add(a[x++]);
            else onlyB.Add(b[y++]);
        }
        onlyA.AddRange(a.Skip(x));
        onlyB.AddRange(b.Skip(y));
        return (lcs[0, 0], onlyA, onlyB);
    }

    private static IEnumerable<string> MarkdownFiles(string root) =>
        Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static void CopyInput(string folder)
    {
        foreach (var file in MarkdownFiles(RepoPaths.TechGlossaryInput))
        {
            var target = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, File.ReadAllBytes(Path.Combine(RepoPaths.TechGlossaryInput, file)));
        }
    }
}
