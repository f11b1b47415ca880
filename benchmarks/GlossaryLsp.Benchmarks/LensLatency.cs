using System.Diagnostics;
using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Linking;

namespace GlossaryLsp.Benchmarks;

/// <summary>
/// The code lens budget (SPEC §6: code lens resolve &lt; 10 ms p95) as a distribution: every lens of 12
/// documents spread over the corpus is resolved alone, as the server does it (the counts text and the
/// places), after the snapshot's usage table is made (timed apart, with the heap it adds: the first resolve pays for it).
/// <c>dotnet run -c Release --project benchmarks/GlossaryLsp.Benchmarks -- --lenses [corpus]</c>.
/// </summary>
public static class LensLatency
{
    private const int Documents = 12;

    public static void Run(string corpus)
    {
        var loaded = CorpusCache.Get(corpus);
        var index = loaded.Index;
        var files = loaded.Corpus.Files;
        // What the table's scan makes on first use but does not own is made first, so the growth is the table's.
        MentionScanner.Prepare(index);
        foreach (var doc in index.Documents.Values.Take(1))
            foreach (var link in doc.Links) index.ResolveLink(doc, link);
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        long made = Stopwatch.GetTimestamp();
        TermUsageService.UsageVersion(index);
        double madeMs = Stopwatch.GetElapsedTime(made).TotalMilliseconds;
        long grown = GC.GetTotalMemory(forceFullCollection: true) - heap;
        Console.WriteLine($"{corpus}: usage table made in {madeMs:F0} ms, heap grown by {grown / 1048576.0:F1} MB");
        var times = new List<double>();
        var places = new List<int>();
        for (int round = 0; round < Documents + 1; round++)
        {
            var doc = index.GetDocument(files[(round * 7919 + files.Count / 3) % files.Count].Path)!;
            foreach (var lens in TermUsageService.GetLenses(doc))
            {
                long start = Stopwatch.GetTimestamp();
                var title = TermUsageService.CountsText(index, lens.Term);
                int n = TermUsageService.Places(index, lens.Term).Count;
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (round == 0 || title.Length == 0) continue; // the first document warms up
                times.Add(ms);
                places.Add(n);
            }
        }
        times.Sort();
        places.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"code lens resolve, {times.Count} lenses in {Documents} documents: p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, "
            + $"max {times[^1]:F2} ms, mean {times.Average():F2} ms; places per lens: median {places[places.Count / 2]}, max {places[^1]}");
    }
}
