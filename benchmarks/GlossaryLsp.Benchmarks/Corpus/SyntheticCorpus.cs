using System.Text;

namespace GlossaryLsp.Benchmarks.Corpus;

/// <summary>
/// A deterministic, seeded glossary corpus in the tech_glossary shape (SPEC §1 A): files × terms per
/// file, entry words <c>JP | EN | ABBR</c>, <c>記事URL</c> comments, cross-file <c>&lt;a href&gt;</c> links with
/// base64 anchors, Markdown relative links in some files, plain mentions, and a few planted
/// duplicates and broken links. The same options always give the same text, so tests and benchmarks
/// can share it (the tests compile this file in by link; it depends on nothing but the BCL).
/// </summary>
public sealed class SyntheticCorpus
{
    public const string BaseUrl = "https://example.org/glossary/output/";

    private static readonly string[][] Kanji =
    [
        ["学習", "Learning"], ["推論", "Inference"], ["転移", "Transfer"], ["強化", "Reinforcement"], ["生成", "Generation"],
        ["言語", "Language"], ["画像", "Image"], ["音声", "Speech"], ["分散", "Distributed"], ["並列", "Parallel"],
        ["最適化", "Optimization"], ["正則化", "Regularization"], ["確率", "Probabilistic"], ["統計", "Statistical"], ["勾配", "Gradient"],
        ["損失", "Loss"], ["評価", "Evaluation"], ["検出", "Detection"], ["分類", "Classification"], ["回帰", "Regression"],
        ["予測", "Prediction"], ["符号化", "Encoding"], ["復号", "Decoding"], ["圧縮", "Compression"], ["量子化", "Quantization"],
        ["蒸留", "Distillation"], ["注意", "Attention"], ["埋込", "Embedding"], ["特徴", "Feature"], ["抽出", "Extraction"],
        ["探索", "Search"], ["計画", "Planning"], ["制御", "Control"], ["認識", "Recognition"], ["翻訳", "Translation"],
        ["要約", "Summarization"], ["対話", "Dialogue"], ["検索", "Retrieval"], ["構造", "Structured"], ["表現", "Representation"],
    ];

    private static readonly string[][] Katakana =
    [
        ["モデル", "Model"], ["ネットワーク", "Network"], ["エンコーダ", "Encoder"], ["デコーダ", "Decoder"], ["トークン", "Token"],
        ["バッチ", "Batch"], ["キャッシュ", "Cache"], ["パイプライン", "Pipeline"], ["カーネル", "Kernel"], ["レイヤー", "Layer"],
        ["アダプタ", "Adapter"], ["プロンプト", "Prompt"], ["ベクトル", "Vector"], ["テンソル", "Tensor"], ["グラフ", "Graph"],
        ["メモリ", "Memory"], ["スケジューラ", "Scheduler"], ["サンプラー", "Sampler"], ["フィルタ", "Filter"], ["マスク", "Mask"],
        ["ヘッド", "Head"], ["ブロック", "Block"], ["ゲート", "Gate"], ["ルーター", "Router"], ["エージェント", "Agent"],
        ["ランタイム", "Runtime"], ["コンパイラ", "Compiler"], ["プロファイラ", "Profiler"], ["ベンチマーク", "Benchmark"], ["データセット", "Dataset"],
    ];

    private static readonly string[][] Qualifiers =
    [
        ["", ""], ["適応型", "Adaptive"], ["階層型", "Hierarchical"], ["疎", "Sparse"], ["動的", "Dynamic"], ["静的", "Static"],
        ["多段", "Multi-stage"], ["自己", "Self"], ["連合", "Federated"], ["対照", "Contrastive"], ["条件付き", "Conditional"],
    ];

    private static readonly string[][] Topics = [["ai", "人工知能"], ["ml", "機械学習"], ["cs", "計算機科学"], ["codec", "符号化"]];

    private SyntheticCorpus(int files, int termsPerFile, int seed)
    {
        FileCount = files;
        TermsPerFile = termsPerFile;
        Seed = seed;
        var rng = new Random(seed);
        int capacity = Qualifiers.Length * Kanji.Length * (Kanji.Length - 1) * Katakana.Length;
        if (files * termsPerFile > capacity * 8 / 10) throw new ArgumentException($"too many terms; the vocabulary supports about {capacity * 8 / 10}");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<Term>(files * termsPerFile);
        for (int f = 0; f < files; f++)
            for (int t = 0; t < termsPerFile; t++)
                terms.Add(NewTerm(rng, seen, f));
        Terms = terms;

        var list = new List<File>(files);
        for (int f = 0; f < files; f++) list.Add(new File(PathOf(f), Render(rng, f)));
        Files = list;
    }

    public int FileCount { get; }
    public int TermsPerFile { get; }
    public int Seed { get; }
    public IReadOnlyList<File> Files { get; }
    public IReadOnlyList<Term> Terms { get; }
    /// <summary>Planted defects: duplicate definitions across files, links to missing anchors, links to missing files.</summary>
    public int Duplicates { get; private set; }
    public int BrokenAnchors { get; private set; }
    public int BrokenFiles { get; private set; }

    /// <summary>A name for the shape, e.g. <c>1000x100</c>.</summary>
    public string Name => $"{FileCount}x{TermsPerFile}";

    public static SyntheticCorpus Generate(int files, int termsPerFile, int seed = 1) => new(files, termsPerFile, seed);

    public static string PathOf(int file)
    {
        var dir = Topics[file % Topics.Length][0];
        return $"{dir}/{dir}-{file:D4}.md";
    }

    /// <summary>Writes the files under <paramref name="root"/> (created if needed).</summary>
    public void WriteTo(string root)
    {
        foreach (var file in Files)
        {
            var full = System.IO.Path.Combine(root, file.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllText(full, file.Text, new UTF8Encoding(false));
        }
    }

    private static Term NewTerm(Random rng, HashSet<string> seen, int file)
    {
        while (true)
        {
            var q = Qualifiers[rng.Next(Qualifiers.Length)];
            var a = Kanji[rng.Next(Kanji.Length)];
            var b = Kanji[rng.Next(Kanji.Length)];
            if (ReferenceEquals(a, b)) continue;
            var c = Katakana[rng.Next(Katakana.Length)];
            var jp = q[0] + a[0] + b[0] + c[0];
            if (!seen.Add(jp)) continue;
            var en = string.Join(' ', new[] { q[1], a[1], b[1], c[1] }.Where(s => s.Length > 0));
            var abbr = string.Concat(en.Split(' ', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0])));
            double r = rng.NextDouble();
            var heading = r < 0.7 ? $"{jp} | {en}" : r < 0.85 ? $"{jp} | {en} | {abbr}" : en;
            return new Term(file, jp, en, abbr, heading);
        }
    }

    private static string RelativePath(string fromFolder, string targetPath)
    {
        var targetFolder = targetPath[..targetPath.IndexOf('/')];
        var name = targetPath[(targetPath.IndexOf('/') + 1)..];
        return targetFolder == fromFolder ? name : $"../{targetFolder}/{name}";
    }

    private string Render(Random rng, int f)
    {
        var path = PathOf(f);
        var folder = path[..path.IndexOf('/')];
        bool markdownLinks = rng.NextDouble() < 0.3;
        var sb = new StringBuilder(TermsPerFile * 700);
        sb.Append("<!-- 記事タイトル:用語解説集-").Append(Topics[f % Topics.Length][1]).Append('-').Append(f).Append(" -->\n");
        sb.Append("<!-- 記事URL:").Append(BaseUrl).Append(path).Append("# -->\n\n");
        for (int t = 0; t < TermsPerFile; t++)
        {
            var term = Terms[f * TermsPerFile + t];
            var heading = term.Heading;
            // About one file in ten re-defines another file's term (GL0005).
            if (t == TermsPerFile / 2 && FileCount > 1 && rng.Next(10) == 0)
            {
                var other = Terms[rng.Next(Terms.Count)];
                if (other.File != f) { heading = other.Heading; Duplicates++; }
            }
            var anchor = heading == term.Heading ? term.Anchor : Convert.ToBase64String(Encoding.UTF8.GetBytes(heading));
            sb.Append("## ").Append(heading).Append("<a id=\"").Append(anchor).Append("\"></a>\n\n");
            int bullets = 1 + rng.Next(2);
            for (int k = 0; k < bullets; k++)
            {
                sb.Append("- ");
                AppendLink(sb, rng, f, folder, markdownLinks);
                sb.Append(k % 2 == 0 ? "を用いて" : " is often combined with ");
                sb.Append(Terms[rng.Next(Terms.Count)].Jp); // an unlinked mention
                sb.Append(k % 2 == 0 ? "の性能を改善する手法。" : ", see also ");
                if (k % 2 == 1) { AppendLink(sb, rng, f, folder, markdownLinks); sb.Append('.'); }
                sb.Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private void AppendLink(StringBuilder sb, Random rng, int f, string folder, bool markdown)
    {
        // Mostly links within the file or its neighbourhood, some anywhere.
        int targetFile = rng.Next(3) == 0 ? rng.Next(FileCount) : Math.Clamp(f + rng.Next(-3, 4), 0, FileCount - 1);
        var target = Terms[targetFile * TermsPerFile + rng.Next(TermsPerFile)];
        var targetPath = PathOf(targetFile);
        var anchor = target.Anchor;
        int roll = rng.Next(1000);
        if (roll == 0) { anchor = Convert.ToBase64String(Encoding.UTF8.GetBytes(target.Heading + " (old)")); BrokenAnchors++; }
        else if (roll == 1) { targetPath = targetPath.Replace(".md", "-missing.md"); BrokenFiles++; }
        if (markdown)
        {
            var rel = targetPath == PathOf(f) ? "" : RelativePath(folder, targetPath);
            sb.Append('[').Append(target.Label).Append("](").Append(rel).Append('#').Append(anchor).Append(')');
        }
        else
        {
            sb.Append("<a href=\"").Append(BaseUrl).Append(targetPath).Append('#').Append(anchor).Append("\">").Append(target.Label).Append("</a>");
        }
    }

    /// <summary>One generated term.</summary>
    public sealed record Term(int File, string Jp, string En, string Abbr, string Heading)
    {
        public string Anchor => Convert.ToBase64String(Encoding.UTF8.GetBytes(Heading));
        /// <summary>The word a link to it shows (the first entry word).</summary>
        public string Label => Heading.Split(" | ")[0];
    }

    /// <summary>One generated file: workspace-relative path and text.</summary>
    public sealed record File(string Path, string Text);
}
