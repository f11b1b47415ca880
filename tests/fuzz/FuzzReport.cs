using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Fuzz;

/// <summary>For triage: the files of an input, each document's diagnostics, and its text after <c>link --write</c> with its diagnostics then.</summary>
internal static class FuzzReport
{
    public static void Write(byte[] input, TextWriter o)
    {
        var ws = FuzzWorkspace.Read(input);
        o.WriteLine($"config: {(ws.ConfigError ?? "ok")}");
        foreach (var doc in ws.Index.Documents.Values)
        {
            o.WriteLine($"=== {doc.Path} ({doc.Kind}{(doc.LoadProblem is { } p ? ", " + p.Message : "")})");
            o.WriteLine(Visible(doc.Text));
            foreach (var d in DocumentAnalyzer.Analyze(ws.Index, doc)) o.WriteLine($"  {d.Id} {d.Severity} {d.Span} {d.Message}");
            foreach (var l in doc.Links) o.WriteLine($"  link {l} → {ws.Index.ResolveLink(doc, l)}");
            var edits = TermLinker.LinkAll(ws.Index, doc, ws.Index.Config.LinkerMode);
            if (edits.IsEmpty) continue;
            foreach (var e in edits) o.WriteLine($"  edit {e.Span} '{Visible(e.NewText)}'");
            o.WriteLine("  --- after link --write:");
            o.WriteLine(Visible(TextEdit.Apply(doc.Text, edits)));
        }
    }

    private static string Visible(string s) => s.Replace("\r", "\\r").Replace("\t", "\\t");
}
