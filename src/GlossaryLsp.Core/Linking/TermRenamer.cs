using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>The edits of a rename, or why it cannot be done (<see cref="Error"/> set, no edits).</summary>
public sealed record RenameResult(ImmutableArray<DocumentEdit> Edits, int FilesChanged, int LinksChanged, string? Error)
{
    public static RenameResult Failed(string error) => new([], 0, 0, error);
}

/// <summary>
/// Renames one entry word of a term across the workspace: the word in its heading (only that word of
/// <c>A | B | C</c>) or in a glossary page's front matter, the heading's <c>&lt;a id&gt;</c> (the new
/// anchor), and every link to the term: anchors (base64, explicit id or slug) become the new anchor,
/// link texts naming the old word name the new one. Shared by <c>glossary rename</c> and the server.
/// </summary>
public static class TermRenamer
{
    /// <summary>The term (heading, link to it, or mention) at offset and the span of the entry word to rename; null if none.</summary>
    public static (TermDefinition Term, string EntryWord, TextSpan Span)? Prepare(GlossaryIndex index, string path, int offset)
    {
        if (index.GetDocument(path) is not { LoadProblem: null } doc || offset < 0 || offset > doc.Text.Length) return null;
        if (doc.FindLinkAt(offset) is { } link)
        {
            if (index.ResolveLink(doc, link).Term is not { } linked) return null;
            var word = EntryWordMatching(linked, link.Text) ?? linked.Headword;
            var span = link.TextSpan.IsEmpty ? link.Span : Narrow(doc.Text, link.TextSpan, link.Text);
            return (linked, word, span);
        }
        foreach (var term in doc.Terms)
        {
            var words = term.EntryWords.ToList();
            for (int i = 0; i < words.Count && i < term.EntryWordSpans.Length; i++)
            {
                var span = Narrow(doc.Text, term.EntryWordSpans[i], words[i]);
                if (span.ContainsOrTouches(offset)) return (term, words[i], span);
            }
        }
        if (doc.FindTermAt(offset) is { } named)
            return (named, named.Headword, Narrow(doc.Text, named.EntryWordSpans.IsEmpty ? named.NameSpan : named.EntryWordSpans[0], named.Headword));
        if (MentionScanner.FindAt(index, doc, offset) is { } mention)
            return (mention.Term, EntryWordMatching(mention.Term, mention.Text) ?? mention.Term.Headword, mention.Span);
        return null;
    }

    /// <summary>Why a new entry word cannot be used as one (empty, '|', a line break); null when it can.</summary>
    public static string? ValidateName(string newEntryWord)
    {
        if (string.IsNullOrWhiteSpace(newEntryWord)) return "the new name is empty";
        if (newEntryWord.Contains('|')) return $"the new name '{newEntryWord}' contains '|', which separates entry words";
        if (newEntryWord.AsSpan().IndexOfAny('\r', '\n') >= 0) return "the new name contains a line break";
        if (TermKey.Normalize(newEntryWord).Length == 0) return $"the new name '{newEntryWord}' has no letters";
        return null;
    }

    public static RenameResult Rename(GlossaryIndex index, TermDefinition term, string oldEntryWord, string newEntryWord)
    {
        if (ValidateName(newEntryWord) is { } invalid) return RenameResult.Failed(invalid);
        newEntryWord = newEntryWord.Trim();
        if (index.GetDocument(term.DocumentPath) is not { LoadProblem: null } home) return RenameResult.Failed($"{term.DocumentPath} is not in the workspace");
        int termIndex = home.Terms.IndexOf(home.Terms.FirstOrDefault(t => t.NameSpan == term.NameSpan && t.Headword == term.Headword)!);
        if (termIndex < 0) return RenameResult.Failed($"'{term.Headword}' is no longer defined in {term.DocumentPath}");
        term = home.Terms[termIndex];

        var words = term.EntryWords.ToList();
        if (EntryWordMatching(term, oldEntryWord) is not { } oldWord)
            return RenameResult.Failed($"'{oldEntryWord}' is not an entry word of '{term.Headword}' ({string.Join(" | ", words)})");
        var oldKey = TermKey.Normalize(oldEntryWord);
        int wordIndex = words.IndexOf(oldWord);
        if (oldWord == newEntryWord) return new RenameResult([], 0, 0, null);

        var newKey = TermKey.Normalize(newEntryWord);
        if (index.EntryWordTable.TryGetValue(newKey, out var taken))
            foreach (var r in taken)
            {
                if (r.IsReading) continue;
                var other = index.Resolve(r);
                bool same = r.Path == term.DocumentPath && r.Index == termIndex;
                if (!same) return RenameResult.Failed($"'{newEntryWord}' is already an entry word of '{other.Headword}' in {other.DocumentPath}");
                if (newKey != oldKey) return RenameResult.Failed($"'{newEntryWord}' is already an entry word of '{term.Headword}'");
            }

        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        void Add(string path, TextEdit edit)
        {
            if (!edits.TryGetValue(path, out var list)) edits[path] = list = [];
            if (list.Any(e => e.Span == edit.Span || e.Span.Overlaps(edit.Span))) return;
            list.Add(edit);
        }

        // The definition, and the anchors that change with it.
        var wordSpan = term.EntryWordSpans.Length > wordIndex ? term.EntryWordSpans[wordIndex] : term.NameSpan;
        var anchorRenames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (home.Kind == DocumentKind.GlossaryPage)
        {
            var span = FindItem(home.Text, wordSpan, oldWord);
            if (span is null) return RenameResult.Failed($"cannot find '{oldWord}' in the front matter of {home.Path}");
            Add(home.Path, new TextEdit(span.Value, YamlScalar(newEntryWord, home.Text, span.Value)));
        }
        else
        {
            var headingEdit = new TextEdit(Narrow(home.Text, wordSpan, oldWord), newEntryWord);
            Add(home.Path, headingEdit);
            var reparsed = DocumentParser.Parse(home.Path, TextEdit.Apply(home.Text, [headingEdit]), index.Config.IsGlossaryPath(home.Path));
            if (termIndex >= reparsed.Terms.Length || reparsed.Terms[termIndex].Anchor is not { } newAnchor)
                return RenameResult.Failed($"renaming '{oldWord}' would change the structure of {home.Path}");
            var heading = term.Heading!;
            if (term.Anchor is { } oldAnchor) anchorRenames[oldAnchor] = newAnchor;
            anchorRenames.TryAdd(heading.Slug, reparsed.Terms[termIndex].Heading!.Slug);
            if (heading.ExplicitId is { } id && heading.ExplicitIdSpan is { } idSpan && AnchorCodec.TryDecode(id, out _))
            {
                // An id in the anchor scheme follows the heading; a custom id stays, and links using it still resolve.
                anchorRenames.TryAdd(id, newAnchor);
                Add(home.Path, new TextEdit(idSpan, newAnchor));
            }
        }

        // Every link to the term.
        int linksChanged = 0;
        foreach (var doc in index.Documents.Values)
        {
            if (doc.LoadProblem is not null) continue;
            foreach (var link in doc.Links)
            {
                // Resolve only links that can change: a fragment naming a renamed anchor, or text naming the old word.
                bool textNamesOld = !link.TextSpan.IsEmpty && link.Text.Length <= oldKey.Length * 4 + 8 && TermKey.Normalize(link.Text) == oldKey;
                var fragmentEdit = LinkTargets.RetargetFragment(link, anchorRenames);
                if (!textNamesOld && fragmentEdit is null) continue;
                var r = index.ResolveLink(doc, link);
                if (r.Term is not { } target || target.DocumentPath != term.DocumentPath || target.NameSpan != term.NameSpan) continue;
                bool changed = false;
                if (fragmentEdit is not null)
                {
                    Add(doc.Path, fragmentEdit);
                    changed = true;
                }
                if (textNamesOld)
                {
                    var text = link.Syntax == LinkSyntax.Html ? System.Net.WebUtility.HtmlEncode(newEntryWord) : LinkTargets.EscapeMarkdownLinkText(newEntryWord);
                    Add(doc.Path, new TextEdit(Narrow(doc.Text, link.TextSpan, link.Text), text));
                    changed = true;
                }
                if (changed) linksChanged++;
            }
        }

        var result = edits.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new DocumentEdit(e.Key, [.. e.Value.OrderBy(x => x.Span.Start)]))
            .ToImmutableArray();
        return new RenameResult(result, result.Length, linksChanged, null);
    }

    /// <summary>The entry word of <paramref name="term"/> that <paramref name="text"/> names: the same spelling first, else the same key.</summary>
    public static string? EntryWordMatching(TermDefinition term, string text)
    {
        var key = TermKey.Normalize(text);
        return term.EntryWords.FirstOrDefault(w => w == text) ?? term.EntryWords.FirstOrDefault(w => TermKey.Normalize(w) == key);
    }

    /// <summary>The word's own span inside a span that may also hold tags, emphasis or quotes.</summary>
    private static TextSpan Narrow(string text, TextSpan span, string word)
    {
        if (span.End > text.Length || word.Length == 0) return span;
        var inner = text.AsSpan(span.Start, span.Length);
        if (inner.SequenceEqual(word)) return span;
        int i = inner.IndexOf(word, StringComparison.Ordinal);
        return i >= 0 ? new TextSpan(span.Start + i, word.Length) : span;
    }

    /// <summary>A front matter item equal to <paramref name="word"/> inside a scalar or sequence value span.</summary>
    private static TextSpan? FindItem(string text, TextSpan valueSpan, string word)
    {
        var value = text.AsSpan(valueSpan.Start, valueSpan.Length);
        for (int from = 0; from <= value.Length - word.Length;)
        {
            int i = value[from..].IndexOf(word, StringComparison.Ordinal);
            if (i < 0) break;
            i += from;
            bool startOk = i == 0 || value[i - 1] is ' ' or '\t' or '[' or ',' or '"' or '\'' or '\n' or '-';
            int end = i + word.Length;
            bool endOk = end == value.Length || value[end] is ' ' or '\t' or ']' or ',' or '"' or '\'' or '\r' or '\n';
            if (startOk && endOk) return new TextSpan(valueSpan.Start + i, word.Length);
            from = i + 1;
        }
        return null;
    }

    /// <summary>The new value as YAML: as written inside quotes or when plain is safe, else double-quoted.</summary>
    private static string YamlScalar(string value, string text, TextSpan replaced)
    {
        char before = replaced.Start > 0 ? text[replaced.Start - 1] : ' ';
        if (before == '"') return value.Replace("\\", "\\\\").Replace("\"", "\\\"");
        if (before == '\'') return value.Replace("'", "''");
        bool plainSafe = !value.Contains(": ") && !value.Contains(" #") && !value.EndsWith(':') && value.Trim() == value
                         && "[]{},>|*&!%@`\"'#?:-".IndexOf(value[0]) < 0 && value.AsSpan().IndexOfAny("[]{},") < 0;
        return plainSafe ? value : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
