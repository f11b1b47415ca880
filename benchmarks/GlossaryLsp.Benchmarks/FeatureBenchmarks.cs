using BenchmarkDotNet.Attributes;
using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Benchmarks;

/// <summary>
/// Editor requests on a loaded snapshot: mention scan of a document (the automaton over every entry
/// word), completion by a typed prefix, hover on a link and on a term mention, semantic tokens of a
/// 70 KB document and the reading hints of a screenful of it, the code lens resolve of a term. Caches built per
/// snapshot (automaton, sorted entry-word list, usage table) are warmed in setup, as in a running server.
/// </summary>
[MemoryDiagnoser]
public class FeatureBenchmarks
{
    private GlossaryIndex _index = null!;

    private ParsedDocument _document = null!, _completionDocument = null!;
    private int _linkOffset, _mentionOffset, _completionOffset, _anchorCompletionOffset;
    private ParsedDocument _anchorDocument = null!;
    private ParsedDocument _large = null!;
    private Core.Text.TextSpan _visible;

    public static IEnumerable<string> Corpora => CorpusCache.Selected(["100x100", "1000x100"]);

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "1000x100";

    [GlobalSetup]
    public void Setup()
    {
        var loaded = CorpusCache.Get(Corpus);
        _index = loaded.Index;
        _document = _index.GetDocument(loaded.Corpus.Files[loaded.Corpus.Files.Count / 2].Path)!;
        _linkOffset = _document.Links[_document.Links.Length / 2].TextSpan.Start + 1;
        var mentions = MentionScanner.FindMentions(_index, _document);
        _mentionOffset = mentions.Count > 0 ? mentions[mentions.Count / 2].Span.Start + 1 : _linkOffset;
        // Completion: a bullet ending in the first two characters of a term (what lspbench's term-prefix does) …
        var term = loaded.Corpus.Terms[loaded.Corpus.Terms.Count / 3];
        var text = _document.Text;
        int at = text.IndexOf('\n', text.Length / 2);
        var typed = text.Insert(at, " " + term.Jp[..2]);
        _completionOffset = at + 3;
        // … and after `](other.md#` for anchors.
        typed = typed.Insert(_completionOffset, "");
        _completionDocument = DocumentParser.Parse(_document.Path, typed);
        var anchorText = typed.Insert(_completionOffset, " [x](" + Path.GetFileName(loaded.Corpus.Files[0].Path) + "#");
        _anchorCompletionOffset = _completionOffset + (" [x](" + Path.GetFileName(loaded.Corpus.Files[0].Path) + "#").Length;
        _anchorDocument = DocumentParser.Parse(_document.Path, anchorText);
        // Semantic tokens and inlay hints: a 70 KB article made of the corpus' prose, and a screenful (50 lines) of it.
        var prose = new System.Text.StringBuilder();
        while (prose.Length < 70 * 1024) prose.Append(text);
        _large = DocumentParser.Parse("articles/large.md", prose.ToString(0, 70 * 1024));
        int first = _large.Lines.LineCount / 2;
        _visible = Core.Text.TextSpan.FromBounds(_large.Lines.GetLineStart(first), _large.Lines.GetLineStart(Math.Min(first + 50, _large.Lines.LineCount - 1)));
        MentionScanner.FindMentions(_index, _document);
        TermUsageService.UsageVersion(_index);
        CompletionService.Complete(_index, _completionDocument, _completionOffset);
    }

    [Benchmark(Description = "mention scan of one document")]
    public int MentionScan() => MentionScanner.FindMentions(_index, _document).Count;

    [Benchmark(Description = "completion: term prefix")]
    public int CompleteTermPrefix() => CompletionService.Complete(_index, _completionDocument, _completionOffset).Items.Length;

    [Benchmark(Description = "completion: anchors of a document")]
    public int CompleteAnchors() => CompletionService.Complete(_index, _anchorDocument, _anchorCompletionOffset).Items.Length;

    [Benchmark(Description = "hover: link")]
    public int HoverLink() => HoverService.GetHover(_index, _document, _linkOffset, markdown: true)?.Contents.Length ?? 0;

    [Benchmark(Description = "semantic tokens: 70 KB document")]
    public int SemanticTokens() => TermHighlightService.GetHighlights(_index, _large).Count;

    [Benchmark(Description = "inlay hints: 50 lines of a 70 KB document")]
    public int InlayHints() => ReadingHintService.GetHints(_index, _large, _visible, Core.Config.ReadingHintMode.First).Count;

    [Benchmark(Description = "code lens resolve: counts and places of a term")]
    public int CodeLensResolve()
    {
        var term = _document.Terms[_document.Terms.Length / 2];
        return TermUsageService.CountsText(_index, term).Length + TermUsageService.Places(_index, term).Count;
    }

    [Benchmark(Description = "hover: term mention")]
    public int HoverMention() => HoverService.GetHover(_index, _document, _mentionOffset, markdown: true)?.Contents.Length ?? 0;
}
