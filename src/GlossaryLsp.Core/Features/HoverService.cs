using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>Hover contents (Markdown or plain text, as asked) and the span they describe.</summary>
public sealed record HoverResult(string Contents, TextSpan Span);

/// <summary>
/// Hover (SPEC §3) on a link, a term heading or a glossary page's title, a heading, a notation variant or a term mention:
/// a term is described by <see cref="TermDescription"/> (on its own name, also where it is used); a link to an ordinary heading or document
/// names it; a broken link says what is missing. External links and plain text have no hover.
/// </summary>
public static class HoverService
{
    /// <param name="uriOf">The URI of a workspace path, for the links of a Markdown definition; the path itself when null.</param>
    public static HoverResult? GetHover(GlossaryIndex index, ParsedDocument document, int offset, bool markdown, Func<string, string>? uriOf = null)
    {
        if (PositionTarget.At(index, document, offset) is not { } target) return null;
        if (target.Variant is { } variant) return VariantHover(index, variant, markdown, uriOf);
        if (target.Term is { } term)
        {
            var text = markdown ? TermDescription.ToMarkdown(index, term, uriOf) : TermDescription.ToPlainText(index, term);
            // On the term's own name, where it is used (the counts of its code lens).
            if (target.Kind == PositionKind.TermName) text += $"\nUsed in the workspace: {TermUsageService.CountsText(index, term)}\n";
            return new HoverResult(text, target.Span);
        }
        return target.Kind switch
        {
            PositionKind.Link => LinkHover(index, document, target, markdown),
            PositionKind.Heading => new HoverResult("Anchor " + Code($"#{target.Heading!.ExplicitId ?? target.Heading.Slug}", markdown), target.Span),
            _ => null,
        };
    }

    /// <summary>A notation variant (GL0013): what it is and its preferred form, then that form's term, if the glossary defines it.</summary>
    private static HoverResult VariantHover(GlossaryIndex index, VariantMention v, bool markdown, Func<string, string>? uriOf)
    {
        var preferred = markdown ? $"**{TermDescription.EscapeMarkdown(v.Preferred)}**" : v.Preferred;
        var what = v.Declared is { } d ? $"declared non-preferred in {Code(GL0013NotationVariant.DeclaredIn(index, d), markdown)}" : "notation variant";
        var text = $"{Code(v.Text, markdown)}: {what}; the preferred form is {preferred} (GL0013)";
        if (v.Term is { } term) text += "\n\n" + (markdown ? TermDescription.ToMarkdown(index, term, uriOf) : TermDescription.ToPlainText(index, term));
        return new HoverResult(text, v.Span);
    }

    private static HoverResult? LinkHover(GlossaryIndex index, ParsedDocument document, PositionTarget target, bool markdown)
    {
        var r = target.Resolution!;
        string? text = r.Status switch
        {
            LinkStatus.External => null,
            LinkStatus.MissingDocument => $"Broken link: no document {Code(r.LookedFor ?? target.Link!.Target, markdown)} in the workspace",
            LinkStatus.OutsideWorkspace => $"Broken link: {Code(r.LookedFor ?? target.Link!.Target, markdown)} is outside the workspace",
            LinkStatus.InvalidAnchor => $"Broken link: {Code("#" + r.Fragment, markdown)} is not a valid anchor (base64 of UTF-8 heading text) in {Code(r.TargetPath!, markdown)}",
            LinkStatus.MissingAnchor => $"Broken link: {Code(r.TargetPath!, markdown)} has no term or heading with the anchor {Code("#" + r.Fragment, markdown)}",
            _ when r.Heading is { } h =>
                $"{(markdown ? "**" + h.Text + "**" : h.Text)}\n\nHeading in {Code($"{r.TargetPath}:{Line(index, r.TargetPath!, h.Span.Start)}", markdown)}",
            _ when r.TargetPath is { } path => Title(index, path) is { } title
                ? $"{(markdown ? "**" + title + "**" : title)}\n\n{Code(path, markdown)}"
                : path.Length == 0 ? "The workspace folder" : Code(path, markdown),
            _ => null,
        };
        return text is null ? null : new HoverResult(text, target.Span);
    }

    private static string? Title(GlossaryIndex index, string path) =>
        index.GetDocument(path) is { } doc ? doc.FrontMatter?.GetString("title") ?? doc.Headings.FirstOrDefault(h => h.Level == 1)?.Text : null;

    private static int Line(GlossaryIndex index, string path, int offset) =>
        (index.GetDocument(path)?.Lines.GetPosition(offset).Line ?? 0) + 1;

    private static string Code(string s, bool markdown) => markdown ? $"`{s}`" : s;
}
